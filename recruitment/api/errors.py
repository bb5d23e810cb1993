"""The API's error shape and the handlers that produce it.

Every error body is ``{"detail": "...", "errors": [{"field", "message"}]}``.
The ``errors`` list is empty when no single field is to blame.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError, ValidationError

logger = logging.getLogger(__name__)

# The parts of a ninja error location that name where a value came from, not
# which field it is.
_SOURCES = {"body", "query", "path", "header", "cookie", "payload", "filters"}


class ApiError(Exception):
    """An error response with a status code, a summary and optional field errors."""

    def __init__(self, status, detail, errors=(), headers=None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = [dict(error) for error in errors]
        self.headers = headers or {}


class UnreadableBodyError(ValueError):
    """A request body that is not a JSON object.

    django-ninja wraps whatever the parser raises in ``HttpError(400)`` and,
    with DEBUG on, appends the parser's own message. The handler recognises
    this class as the cause and returns ``UNREADABLE_BODY`` instead.
    """


UNREADABLE_BODY = (
    "The request body must be a JSON object sent with Content-Type: application/json."
)


def field_error(field, message):
    return {"field": field, "message": message}


def form_errors(form, field_names=None):
    """Turn a Django form's errors into field errors.

    ``field_names`` maps a form field name to the API field name where they
    differ. Errors not tied to a field get the field "non_field".
    """
    field_names = field_names or {}
    errors = []
    for name, messages in form.errors.items():
        field = "non_field" if name == "__all__" else field_names.get(name, name)
        for message in messages:
            errors.append(field_error(field, message))
    return errors


def invalid(errors, detail="The request is invalid. Fix the fields listed."):
    return ApiError(400, detail, errors)


def _location_to_field(location):
    parts = [str(part) for part in location]
    while parts and parts[0] in _SOURCES:
        parts.pop(0)
    return ".".join(parts) or "body"


def _validation_message(item):
    # pydantic's own wording for length limits reads oddly to API clients
    # ("String should have at most 100 characters", or "Value should have at
    # most 100 items" when a validator runs before the limit).
    error_type = item.get("type")
    context = item.get("ctx") or {}
    max_length = context.get("max_length")
    if error_type == "string_too_long":
        return f"Enter at most {max_length} characters."
    if error_type == "too_long" and context.get("field_type") == "List":
        return f"Send at most {max_length} items."
    return item.get("msg", "")


def error_response(api, request, status, detail, errors=(), headers=None):
    response = api.create_response(
        request, {"detail": detail, "errors": list(errors)}, status=status
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def install_handlers(api):
    """Make every error the API returns use the one JSON error shape."""

    def on_api_error(request, exc):
        return error_response(
            api, request, exc.status, exc.detail, exc.errors, exc.headers
        )

    def on_validation_error(request, exc):
        errors = [
            field_error(
                _location_to_field(item.get("loc", ())), _validation_message(item)
            )
            for item in exc.errors
        ]
        return error_response(
            api, request, 400, "The request is invalid. Fix the fields listed.", errors
        )

    def on_authentication_error(request, exc):
        return error_response(
            api,
            request,
            401,
            "Missing, unknown or revoked API token. Send the header "
            "'Authorization: Bearer <token>' with a token created on your "
            "profile page.",
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )

    def on_http_error(request, exc):
        # ninja raises HttpError(400) "Cannot parse request body" for any
        # exception from the parser, and adds that exception's text with DEBUG
        # on. Neither shows a client what to send.
        if isinstance(exc.__cause__, UnreadableBodyError) or exc.message.startswith(
            "Cannot parse request body"
        ):
            return error_response(api, request, 400, UNREADABLE_BODY)
        return error_response(api, request, exc.status_code, exc.message)

    def on_too_big(request, exc):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return error_response(
            api,
            request,
            413,
            f"The request body is larger than the maximum of {limit:,} bytes. "
            "Send a smaller body.",
        )

    def on_not_found(request, exc):
        return error_response(api, request, 404, "Not found. Check the id in the URL.")

    def on_permission_denied(request, exc):
        return error_response(
            api, request, 403, str(exc) or "Your role does not allow this."
        )

    def on_unexpected(request, exc):
        logger.exception("Unhandled error in API request %s", request.path)
        return error_response(
            api, request, 500, "Internal server error. Try again later."
        )

    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(AuthenticationError, on_authentication_error)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(RequestDataTooBig, on_too_big)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(PermissionDenied, on_permission_denied)
    api.add_exception_handler(Exception, on_unexpected)
