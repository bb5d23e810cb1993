"""Issuing and revoking API tokens: used by the profile page and the command."""

from django.utils import timezone

from .models import ApiToken


class TokenNotAllowed(Exception):
    pass


def issue_token(user, name):
    """Create a token for a staff user; return (row, plaintext token).

    The plaintext exists only in the return value: store or show it now,
    because only its hash is kept. Raises TokenNotAllowed for a user who is
    not active staff of a tenant.
    """
    if not user.is_active or not user.is_tenant_staff:
        raise TokenNotAllowed(
            f"{user.email} is not active staff of a provider, so cannot have an "
            "API token."
        )
    return ApiToken.issue(user, name.strip())


def revoke_token(token):
    """Mark a token revoked from now on; revoking twice keeps the first time."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
