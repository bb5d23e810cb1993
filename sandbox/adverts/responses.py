"""Response bodies in the shapes the live API and its gateway send."""

import json
import uuid

from django.http import HttpResponse
from django.http import JsonResponse as DjangoJsonResponse

VALIDATION_TITLE = "One or more validation errors occurred."
TYPE_400_RFC9110 = "https://tools.ietf.org/html/rfc9110#section-15.5.1"
TYPE_400_RFC7231 = "https://tools.ietf.org/html/rfc7231#section-6.5.1"
TYPE_403 = "https://tools.ietf.org/html/rfc9110#section-15.5.4"
TYPE_415 = "https://tools.ietf.org/html/rfc9110#section-15.5.16"
TYPE_503 = "https://tools.ietf.org/html/rfc9110#section-15.6.4"

MISSING_KEY_MESSAGE = (
    "Access denied due to missing subscription key. Make sure to include "
    "subscription key when making requests to an API."
)
INVALID_KEY_MESSAGE = (
    "Access denied due to invalid subscription key. Make sure to provide a "
    "valid key for an active subscription."
)
ALREADY_SUBMITTED = "Unable to create Vacancy. Vacancy already submitted"


class JsonResponse(DjangoJsonResponse):
    """A JSON response written compactly, as ASP.NET writes JSON."""

    def __init__(self, data, **kwargs):
        kwargs.setdefault("json_dumps_params", {"separators": (",", ":")})
        super().__init__(data, **kwargs)


def trace_id() -> str:
    return f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-00"


def problem_json(body: dict, status: int, **kwargs) -> JsonResponse:
    return JsonResponse(
        body, status=status, content_type="application/problem+json", **kwargs
    )


def model_validation_failed(errors: dict[str, list[str]]) -> JsonResponse:
    """Outer model validation: ASP.NET's automatic 400 problem details."""
    return problem_json(
        {
            "type": TYPE_400_RFC9110,
            "title": VALIDATION_TITLE,
            "status": 400,
            "errors": errors,
            "traceId": trace_id(),
        },
        400,
    )


def middleware_validation_failed(errors: dict[str, list[str]]) -> JsonResponse:
    """Build the outer API's own 400 for its HTML and England postcode checks."""
    return JsonResponse(
        {
            "type": TYPE_400_RFC7231,
            "title": VALIDATION_TITLE,
            "status": 400,
            "errors": errors,
            "traceId": trace_id(),
        },
        status=400,
    )


def passed_through_text(request, text: str, status: int) -> HttpResponse:
    """Send text the outer API returns as a string result.

    ASP.NET content negotiation writes a string as text/plain, unless the
    request accepts application/json (and not text/plain) first, in which case
    the string is JSON-encoded, so a JSON body arrives encoded twice.
    """
    accept = request.headers.get("Accept", "")
    media_types = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    json_types = ("application/json", "text/json", "application/problem+json")
    for media_type in media_types:
        if media_type == "text/plain":
            break
        if media_type in json_types:
            return HttpResponse(
                json.dumps(text, ensure_ascii=False, separators=(",", ":")),
                status=status,
                content_type="application/json; charset=utf-8",
            )
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


def inner_validation_text(errors: dict[str, list[str]]) -> str:
    """Return the inner API's problem details as the text the outer API relays."""
    return json.dumps(
        {
            "type": TYPE_400_RFC9110,
            "title": VALIDATION_TITLE,
            "status": 400,
            "errors": errors,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def gateway_unauthorised(message: str) -> JsonResponse:
    return JsonResponse(
        {"statusCode": 401, "message": message}, status=401, reason="Access Denied"
    )


def gateway_resource_not_found() -> JsonResponse:
    return JsonResponse(
        {"statusCode": 404, "message": "Resource not found"}, status=404
    )


def gateway_rate_limited(retry_after_seconds: int) -> JsonResponse:
    response = JsonResponse(
        {
            "statusCode": 429,
            "message": (
                f"Rate limit is exceeded. Try again in {retry_after_seconds} seconds."
            ),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after_seconds)
    return response


def forbidden() -> JsonResponse:
    return problem_json(
        {"type": TYPE_403, "title": "Forbidden", "status": 403, "traceId": trace_id()},
        403,
    )


def bare_status(status: int) -> JsonResponse:
    """Build a bare status result as ASP.NET renders one with no default title."""
    return problem_json({"status": status, "traceId": trace_id()}, status)


def internal_server_error() -> JsonResponse:
    return problem_json(
        {
            # The live API sends the 400 link with its 500 responses too.
            "type": TYPE_400_RFC7231,
            "title": "Internal server error",
            "status": 500,
            "errors": {},
            "traceId": trace_id(),
        },
        500,
    )


def service_unavailable() -> JsonResponse:
    return problem_json(
        {
            "type": TYPE_503,
            "title": "Service Unavailable",
            "status": 503,
            "traceId": trace_id(),
        },
        503,
    )


def unsupported_media_type() -> JsonResponse:
    return problem_json(
        {
            "type": TYPE_415,
            "title": "Unsupported Media Type",
            "status": 415,
            "traceId": trace_id(),
        },
        415,
    )
