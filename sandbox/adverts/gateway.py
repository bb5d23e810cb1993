"""Gateway checks that run before any endpoint: API version, then API key.

With the API versioned by header, the gateway cannot tell which API a request
is for until it reads ``X-Version``, so a missing or unknown version gets the
gateway's 404 "Resource not found" before the key is looked at. The sandbox
makes that choice too; the live order is not published.
"""

from __future__ import annotations

import functools

from django.http import HttpResponse

from .models import ApiKey, hash_api_key
from .responses import (
    INVALID_KEY_MESSAGE,
    MISSING_KEY_MESSAGE,
    gateway_resource_not_found,
    gateway_unauthorised,
)

SUPPORTED_VERSIONS = {"1"}


def check_gateway(request) -> tuple[HttpResponse | None, ApiKey | None]:
    """Return the gateway's rejection, or None and the caller's ApiKey row."""
    if request.headers.get("X-Version", "").strip() not in SUPPORTED_VERSIONS:
        return gateway_resource_not_found(), None

    key = request.headers.get("Ocp-Apim-Subscription-Key", "")
    if not key:
        return gateway_unauthorised(MISSING_KEY_MESSAGE), None
    api_key = ApiKey.objects.filter(key_sha256=hash_api_key(key)).first()
    if api_key is None:
        return gateway_unauthorised(INVALID_KEY_MESSAGE), None
    return None, api_key


def requires_api_key(view):
    """Pass the caller's ApiKey row to the view as ``api_key``."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        rejection, api_key = check_gateway(request)
        if rejection is not None:
            return rejection
        return view(request, *args, api_key=api_key, **kwargs)

    return wrapper
