"""Bearer-token authentication for the JSON API."""

import datetime

from django.db.models import Q
from django.utils import timezone
from ninja.security.http import HttpAuthBase

from .models import ApiToken, hash_token

# last_used_at is written at most this often per token, so a busy
# integration does not turn every read into a database write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)

# Longer values cannot be one of our tokens; refusing them bounds the work.
MAX_TOKEN_LENGTH = 200


def touch_last_used(token, now=None):
    now = now or timezone.now()
    stale = Q(last_used_at__isnull=True) | Q(
        last_used_at__lt=now - LAST_USED_RESOLUTION
    )
    ApiToken.objects.filter(stale, pk=token.pk).update(last_used_at=now)


def find_active_token(token):
    """Return the unrevoked ApiToken for a plaintext token, or None.

    The token's user must still be active staff of the token's tenant, so a
    user who leaves or becomes a learner loses API access at once.
    """
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    row = (
        ApiToken.objects.select_related("user", "tenant")
        .filter(token_hash=hash_token(token), revoked_at__isnull=True)
        .first()
    )
    if row is None:
        return None
    user = row.user
    if not user.is_active or not user.is_tenant_staff:
        return None
    if user.tenant_id != row.tenant_id:
        return None
    return row


class ApiTokenAuth(HttpAuthBase):
    """``Authorization: Bearer <token>`` with a per-user tenant token.

    On success the request acts as the token's user in the token's tenant:
    ``request.user`` and ``request.tenant`` are replaced, whatever session
    cookie came with the request.
    """

    openapi_scheme = "bearer"

    def __call__(self, request):
        # ninja's own HttpBearer logs an unexpected header in full, which could
        # write a token to the log, so the header is parsed here instead.
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        row = find_active_token(token.strip())
        if row is None:
            return None

        touch_last_used(row)
        request.user = row.user
        request.tenant = row.tenant
        request.api_token = row
        return row


def require_permission(request, permission, action):
    """Raise a 403 ApiError unless the user's role allows ``permission``."""
    from .errors import ApiError

    if not getattr(request.user, permission, False):
        role = request.user.get_role_display()
        raise ApiError(403, f"Your role ({role}) does not allow you to {action}.")
