import hashlib
import secrets

from django.db import models
from django.utils import timezone

from recruitment.tenancy.models import Tenant, User


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A per-user bearer token for the JSON API; only its hash is stored."""

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user, name):
        """Create a token for `user`; return (row, token). The token is shown once."""
        token = "rk_" + secrets.token_urlsafe(32)
        row = cls.objects.create(
            tenant=user.tenant,
            user=user,
            name=name,
            token_hash=hash_token(token),
            prefix=token[:8],
        )
        return row, token
