"""Errors raised by the Recruitment API client.

Every error carries ``may_have_been_processed``. It is True when the request may
have reached the API and been acted on: a read timeout, a connection dropped
after the request was sent, a 5xx response, or an unreadable success response.
A create that fails this way must not be assumed to have failed. It is False
when the API certainly did not act (the connection never opened, or the API
rejected the request).
"""

from __future__ import annotations

NON_FIELD = "non_field"


class RecruitmentApiError(Exception):
    may_have_been_processed: bool = False

    def __init__(self, message: str, *, may_have_been_processed: bool | None = None):
        super().__init__(message)
        self.message = message
        if may_have_been_processed is not None:
            self.may_have_been_processed = may_have_been_processed


class ValidationFailed(RecruitmentApiError):
    """A 400 response listing what is wrong with the request.

    ``field_errors`` pairs our job field names with the API's messages, and
    ``api_errors`` keeps the API's own keys in the same order (None for a
    message that came without a key). Errors that name no job field are under
    ``NON_FIELD``.
    """

    def __init__(
        self,
        field_errors: list[tuple[str, str]],
        api_errors: list[tuple[str | None, str]],
    ):
        lines = "; ".join(f"{field}: {message}" for field, message in field_errors)
        super().__init__(f"The Recruitment API rejected the advert: {lines}")
        self.field_errors = field_errors
        self.api_errors = api_errors

    @property
    def raw_keys(self) -> list[str | None]:
        return [key for key, _ in self.api_errors]


class VacancyAlreadySubmitted(RecruitmentApiError):
    """The vacancy id was used before, so the advert already exists."""


class AuthenticationFailed(RecruitmentApiError):
    """401: the API key is missing, unknown or revoked."""


class PermissionDenied(RecruitmentApiError):
    """403: the key may not act for this provider or employer legal entity."""


class NotFound(RecruitmentApiError):
    """404: an unknown path or API version, or a UKPRN not in the provider register."""


class RateLimited(RecruitmentApiError):
    def __init__(self, message: str, *, retry_after_seconds: int | None):
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class ServerError(RecruitmentApiError):
    may_have_been_processed = True

    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.status = status


class UnexpectedStatus(RecruitmentApiError):
    """A status code the API does not document for this request."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        may_have_been_processed: bool | None = None,
    ):
        super().__init__(message, may_have_been_processed=may_have_been_processed)
        self.status = status


class RequestTimedOut(RecruitmentApiError):
    """Connecting or reading timed out; see ``may_have_been_processed``."""


class ConnectionFailed(RecruitmentApiError):
    """The connection failed or was dropped; see ``may_have_been_processed``."""


class InvalidResponse(RecruitmentApiError):
    """The body of a response is not the JSON the API documents."""
