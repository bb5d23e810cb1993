"""Invitation tokens: the random token goes in the link, its hash in the table."""

import hashlib
import secrets

from django.conf import settings
from django.urls import reverse


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link(token: str) -> str:
    """Return the absolute link for emails, which are read outside the site."""
    return settings.SITE_URL + reverse("learners:accept_invitation", args=[token])
