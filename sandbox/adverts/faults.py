"""Fault switches that make the next create requests misbehave.

The state is one database row, so every gunicorn thread reads the same
switches. ``take_fault`` uses up one of the remaining ``times`` per create
request.

Modes:
    delay            process the request as normal (a valid advert is stored
                     and the request recorded), then wait ``seconds`` before
                     responding.
    status_500       respond 500 with the API's problem details; nothing stored.
    status_503       respond 503 with problem details; nothing stored.
    rate_limit       respond 429 as the gateway does, with Retry-After set to
                     ``seconds`` rounded up; nothing stored.
    drop_connection  close the socket without responding; nothing stored.
    invalid_json     process the request as normal, then replace the body of
                     the response with text that is not JSON, keeping the status.
                     A valid advert is stored, because a garbled success
                     response still means the vacancy exists.
"""

from __future__ import annotations

import math
import socket
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.http import HttpResponse

from .models import FaultSetting
from .responses import (
    gateway_rate_limited,
    internal_server_error,
    service_unavailable,
)

ANSWER_REPLACING_MODES = {
    "status_500": 500,
    "status_503": 503,
    "rate_limit": 429,
    "drop_connection": None,
}
NOT_JSON_BODY = "<html><body><h1>502 Bad Gateway</h1></body></html>"


@dataclass(frozen=True)
class Fault:
    mode: str
    seconds: float

    @property
    def replaces_answer(self) -> bool:
        return self.mode in ANSWER_REPLACING_MODES

    @property
    def status_code(self) -> int | None:
        return ANSWER_REPLACING_MODES.get(self.mode)

    def answer(self, request) -> HttpResponse:
        if self.mode == "status_500":
            return internal_server_error()
        if self.mode == "status_503":
            return service_unavailable()
        if self.mode == "rate_limit":
            return gateway_rate_limited(max(1, math.ceil(self.seconds)))
        return drop_connection(request)

    def disturb(self, response: HttpResponse) -> HttpResponse:
        if self.mode == "delay":
            time.sleep(self.seconds)
            return response
        if self.mode == "invalid_json":
            return HttpResponse(
                NOT_JSON_BODY, status=response.status_code, content_type="text/html"
            )
        return response


def drop_connection(request) -> HttpResponse:
    """Close the client's socket so it receives no response at all.

    Works under gunicorn, which puts the socket in the WSGI environ, and which
    then logs a socket error when it fails to write the 500 returned here.
    Elsewhere (Django's test client) there is no socket, so that 500 is the
    response.
    """
    connection = request.META.get("gunicorn.socket")
    if connection is not None:
        try:
            connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        connection.close()
    return HttpResponse(status=500)


def set_fault(mode: str, seconds: float, times: int) -> None:
    FaultSetting.objects.update_or_create(
        pk=1, defaults={"mode": mode, "seconds": seconds, "remaining": times}
    )


def clear_fault() -> None:
    set_fault(FaultSetting.Mode.NONE, 0, 0)


def current_fault() -> dict:
    setting = FaultSetting.objects.filter(pk=1).first()
    if setting is None:
        return {"mode": "none", "seconds": 0, "times": 0}
    return {
        "mode": setting.mode,
        "seconds": setting.seconds,
        "times": setting.remaining,
    }


def take_fault() -> Fault | None:
    """Use up one application of the current fault, if any remains."""
    with transaction.atomic():
        setting = (
            FaultSetting.objects.filter(pk=1, remaining__gt=0)
            .exclude(mode=FaultSetting.Mode.NONE)
            .first()
        )
        if setting is None:
            return None
        FaultSetting.objects.filter(pk=1).update(remaining=F("remaining") - 1)
    return Fault(mode=setting.mode, seconds=setting.seconds)
