"""Control endpoints under /_sandbox/ for tests and demos.

All but ``health`` require the header ``X-Sandbox-Admin`` to equal the
SANDBOX_ADMIN_TOKEN setting.

    POST /_sandbox/faults    {"mode": ..., "seconds": float, "times": int}
                             sets the fault for the next ``times`` creates
                             (default 1); GET returns the current setting.
    GET  /_sandbox/requests  the create requests received, oldest first;
                             ``?vacancy_id=`` filters by id.
    POST /_sandbox/reset     clears the fault and the request log; with
                             {"vacancies": true} also deletes stored vacancies.
    GET  /_sandbox/health    200 "ok", for start-up checks.
"""

from __future__ import annotations

import functools
import hmac
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse

from . import faults as fault_switches
from .models import CreateRequest, FaultSetting, Vacancy

DEFAULT_DELAY_SECONDS = 5.0


def _admin_only(*methods: str):
    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            token = request.headers.get("X-Sandbox-Admin", "")
            if not hmac.compare_digest(
                token.encode(), settings.SANDBOX_ADMIN_TOKEN.encode()
            ):
                return JsonResponse(
                    {"error": "Missing or wrong X-Sandbox-Admin header."}, status=403
                )
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _json_object(request) -> dict | None:
    if not request.body:
        return {}
    try:
        data = json.loads(request.body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


@_admin_only("GET", "POST")
def faults(request):
    if request.method == "GET":
        return JsonResponse(fault_switches.current_fault())

    data = _json_object(request)
    if data is None:
        return _bad_request("The body must be a JSON object.")
    mode = data.get("mode")
    if mode not in FaultSetting.Mode.values:
        return _bad_request(
            f"Unknown mode {mode!r}; use one of {', '.join(FaultSetting.Mode.values)}."
        )

    default_seconds = DEFAULT_DELAY_SECONDS if mode == "delay" else 1.0
    seconds = data.get("seconds", default_seconds)
    times = data.get("times", 1)
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
        return _bad_request("seconds must be a number of seconds, 0 or more.")
    if isinstance(times, bool) or not isinstance(times, int) or times < 0:
        return _bad_request("times must be a whole number, 0 or more.")

    fault_switches.set_fault(mode, float(seconds), times if mode != "none" else 0)
    return JsonResponse(fault_switches.current_fault())


@_admin_only("GET")
def received_requests(request):
    entries = CreateRequest.objects.all()
    vacancy_id = request.GET.get("vacancy_id")
    if vacancy_id:
        entries = entries.filter(vacancy_id__iexact=vacancy_id)
    return JsonResponse(
        [
            {
                "vacancyId": entry.vacancy_id,
                "receivedAt": entry.received_at.isoformat(),
                "status": entry.status_code,
                "outcome": entry.outcome,
            }
            for entry in entries
        ],
        safe=False,
    )


@_admin_only("POST")
def reset(request):
    data = _json_object(request)
    if data is None:
        return _bad_request("The body must be a JSON object.")
    fault_switches.clear_fault()
    CreateRequest.objects.all().delete()
    if data.get("vacancies") is True:
        Vacancy.objects.all().delete()
    return JsonResponse({"reset": True})


def health(request):
    return HttpResponse("ok", content_type="text/plain")
