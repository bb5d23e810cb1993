"""HTTP client for the Recruitment API ("managevacancies").

One ``RecruitmentApiClient`` wraps an ``httpx.Client`` with short timeouts and
turns every failure into a ``RecruitmentApiError`` subclass. A create is never
retried, because a repeat of a create that did reach the API can only be
rejected as a duplicate, and the caller must decide what that means. Reference
data requests are read-only and are retried a few times.

Logs carry the vacancy id, the status code and the duration, never the API
key or any part of the request body.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from .body import encode_json
from .errors import (
    AuthenticationFailed,
    ConnectionFailed,
    InvalidResponse,
    NotFound,
    PermissionDenied,
    RateLimited,
    RecruitmentApiError,
    RequestTimedOut,
    ServerError,
    UnexpectedStatus,
    VacancyAlreadySubmitted,
    ValidationFailed,
)
from .field_names import map_api_errors

logger = logging.getLogger(__name__)

API_KEY_HEADER = "Ocp-Apim-Subscription-Key"
API_VERSION = "1"
ALREADY_SUBMITTED_MESSAGE = "Unable to create Vacancy. Vacancy already submitted"

# Reference data requests: at most this many retries after the first attempt.
REFERENCE_DATA_RETRIES = 3
# A 429 asking for a longer wait than this is raised, not waited out.
MAX_RETRY_AFTER_SECONDS = 10

_TRY_AGAIN_TEXT = re.compile(r"try again in (\d+) seconds?", re.IGNORECASE)


class RecruitmentApiClient:
    """Client for one API key against one base URL (sandbox or live).

    ``base_url`` includes the ``/managevacancies`` path. ``transport`` replaces
    the HTTP transport, for tests.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        connect_timeout: float = 3.0,
        read_timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        retry_backoff_seconds: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self._retry_backoff_seconds = retry_backoff_seconds
        self._sleep = sleep
        self._http = httpx.Client(
            base_url=base_url.rstrip("/") + "/",
            headers={
                API_KEY_HEADER: api_key,
                "X-Version": API_VERSION,
                "Accept": "application/json",
            },
            timeout=httpx.Timeout(
                read_timeout, connect=connect_timeout, pool=connect_timeout
            ),
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RecruitmentApiClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        # The default repr would be harmless, but this one makes it obvious
        # that the key is not part of it.
        return f"<RecruitmentApiClient {self._http.base_url}>"

    # Create

    def create_vacancy(self, vacancy_id: uuid.UUID, body: dict[str, Any]) -> str:
        """Submit one advert and return its vacancy reference (a digit string).

        Sent once only. Raises VacancyAlreadySubmitted when ``vacancy_id`` was
        used before, ValidationFailed for a rejected advert, and another
        RecruitmentApiError for anything else.
        """
        vacancy_id = uuid.UUID(str(vacancy_id))
        content = encode_json(body).encode("utf-8")
        response = self._send(
            "POST",
            f"vacancy/{vacancy_id}",
            description=f"create vacancy {vacancy_id}",
            content=content,
            headers={"Content-Type": "application/json"},
        )
        if response.status_code in (200, 201):
            return self._vacancy_reference(response, vacancy_id)
        raise self._error_for(response, f"create vacancy {vacancy_id}")

    @staticmethod
    def _vacancy_reference(response: httpx.Response, vacancy_id: uuid.UUID) -> str:
        payload = _json_or_none(response.text)
        reference = None
        if isinstance(payload, dict):
            reference = payload.get("vacancyReference")
        if isinstance(reference, int) and not isinstance(reference, bool):
            reference = str(reference)
        if not isinstance(reference, str) or not reference.strip():
            # The API accepted the advert, so the vacancy exists even though
            # its reference cannot be read.
            raise InvalidResponse(
                f"The Recruitment API accepted vacancy {vacancy_id} "
                f"(status {response.status_code}) but its answer has no "
                "vacancyReference.",
                may_have_been_processed=True,
            )
        return reference.strip()

    # Reference data

    def training_courses(self, ukprn: int | None = None) -> list[dict]:
        """Return the active apprenticeship standards, for one provider if given."""
        params = {} if ukprn is None else {"ukprn": int(ukprn)}
        payload = self._get_reference_data("referencedata/courses", params)
        return _list_member(payload, "trainingCourses", dict)

    def candidate_skills(self) -> list[str]:
        payload = self._get_reference_data("referencedata/skills")
        return _list_member(payload, "candidateSkills", str)

    def qualification_types(self) -> list[str]:
        payload = self._get_reference_data("referencedata/qualifications")
        return _list_member(payload, "qualifications", str)

    def account_legal_entities(self) -> list[dict]:
        """Return the employer legal entities this key may recruit for."""
        payload = self._get_reference_data("accountlegalentities")
        return _list_member(payload, "accountLegalEntities", dict)

    def _get_reference_data(
        self, path: str, params: dict[str, Any] | None = None
    ) -> Any:
        attempt = 0
        while True:
            try:
                response = self._send("GET", path, description=path, params=params)
                if response.status_code == 200:
                    return _json_or_raise(response, path)
                raise self._error_for(response, path)
            except (ConnectionFailed, RequestTimedOut, ServerError, RateLimited) as exc:
                delay = self._retry_delay(exc, attempt)
                if delay is None:
                    raise
                attempt += 1
                logger.warning(
                    "Recruitment API %s failed (%s); retry %d of %d in %.1f s",
                    path,
                    type(exc).__name__,
                    attempt,
                    REFERENCE_DATA_RETRIES,
                    delay,
                )
                self._sleep(delay)

    def _retry_delay(self, error: RecruitmentApiError, attempt: int) -> float | None:
        if attempt >= REFERENCE_DATA_RETRIES:
            return None
        delay = self._retry_backoff_seconds * (2**attempt)
        if isinstance(error, RateLimited) and error.retry_after_seconds is not None:
            if error.retry_after_seconds > MAX_RETRY_AFTER_SECONDS:
                return None
            delay = max(delay, float(error.retry_after_seconds))
        return delay

    # Transport

    def _send(
        self, method: str, path: str, *, description: str, **kwargs: Any
    ) -> httpx.Response:
        started = time.monotonic()
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.DecodingError as exc:
            # A response arrived, so the API may have acted on the request.
            logger.warning(
                "Recruitment API %s returned a body that cannot be decoded",
                description,
            )
            raise InvalidResponse(
                f"The Recruitment API response to {description} could not be "
                f"decoded ({exc}).",
                may_have_been_processed=True,
            ) from exc
        except httpx.TransportError as exc:
            elapsed_ms = (time.monotonic() - started) * 1000
            error = _transport_error(exc, description)
            logger.warning(
                "Recruitment API %s failed after %.0f ms: %s (%s)",
                description,
                elapsed_ms,
                type(exc).__name__,
                "may have been processed"
                if error.may_have_been_processed
                else "not processed",
            )
            raise error from exc

        elapsed_ms = (time.monotonic() - started) * 1000
        logger.info(
            "Recruitment API %s: status %d in %.0f ms",
            description,
            response.status_code,
            elapsed_ms,
        )
        return response

    @staticmethod
    def _error_for(response: httpx.Response, description: str) -> RecruitmentApiError:
        status = response.status_code
        if status == 400:
            return _bad_request_error(response.text)
        if status == 401:
            return AuthenticationFailed(
                "The Recruitment API rejected the API key (401). Check the system "
                "key on the NAS tab."
            )
        if status == 403:
            return PermissionDenied(
                f"The Recruitment API refused {description} (403): the key may not "
                "act for this provider or employer legal entity."
            )
        if status == 404:
            return NotFound(
                f"The Recruitment API returned 404 for {description}: the path, "
                "API version or UKPRN was not found."
            )
        if status == 429:
            retry_after = _retry_after_seconds(response)
            wait = "" if retry_after is None else f" Try again in {retry_after} s."
            return RateLimited(
                f"The Recruitment API rate limit was exceeded (429).{wait}",
                retry_after_seconds=retry_after,
            )
        if status >= 500:
            return ServerError(
                f"The Recruitment API failed with status {status} for "
                f"{description}; the request may have been processed.",
                status=status,
            )
        return UnexpectedStatus(
            f"The Recruitment API returned unexpected status {status} for "
            f"{description}.",
            status=status,
            may_have_been_processed=status >= 200 and status < 300,
        )


def _transport_error(
    exc: httpx.TransportError, description: str
) -> RecruitmentApiError:
    if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)):
        return RequestTimedOut(
            f"Connecting to the Recruitment API timed out for {description}; "
            "nothing was sent.",
            may_have_been_processed=False,
        )
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimedOut(
            f"The Recruitment API did not answer {description} in time; the "
            "request may have been processed.",
            may_have_been_processed=True,
        )
    if isinstance(exc, (httpx.ConnectError, httpx.UnsupportedProtocol)):
        return ConnectionFailed(
            f"Could not connect to the Recruitment API for {description}; "
            "nothing was sent.",
            may_have_been_processed=False,
        )
    return ConnectionFailed(
        f"The connection to the Recruitment API failed during {description} "
        f"({type(exc).__name__}); the request may have been processed.",
        may_have_been_processed=True,
    )


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _json_or_raise(response: httpx.Response, description: str) -> Any:
    try:
        return response.json()
    except ValueError:
        raise InvalidResponse(
            f"The Recruitment API returned a body that is not JSON for {description} "
            f"(status {response.status_code})."
        ) from None


def _list_member(payload: Any, name: str, item_type: type) -> list:
    items = payload.get(name) if isinstance(payload, dict) else None
    if not isinstance(items, list) or not all(
        isinstance(item, item_type) for item in items
    ):
        raise InvalidResponse(
            f"The Recruitment API response has no list of {item_type.__name__} "
            f"under {name!r}."
        )
    return items


def _retry_after_seconds(response: httpx.Response) -> int | None:
    header = response.headers.get("Retry-After", "").strip()
    if header.isdigit():
        return int(header)
    match = _TRY_AGAIN_TEXT.search(response.text)
    if match:
        return int(match.group(1))
    return None


def decode_error_body(text: str) -> Any:
    """Decode an error body that may be JSON, JSON encoded twice, or plain text.

    The API passes some bodies through as a string result, which it sends
    JSON-encoded a second time when the request accepts application/json.
    Returns the decoded value, or the text itself when it is not JSON.
    """
    value: Any = text
    for _ in range(2):
        if not isinstance(value, str):
            break
        try:
            value = json.loads(value)
        except ValueError:
            break
    return value


def read_api_errors(payload: Any) -> list[tuple[str | None, str]]:
    """Return the (key, message) pairs of a decoded 400 body.

    Accepts problem details (``{"errors": {"Key": ["message"]}}``), the older
    ``{"errors": [{"field": ..., "message": ...}]}``, a list of strings with or
    without an ``errors`` wrapper, a bare ``{"Key": ["message"]}`` object and
    plain text. Keys are None for messages that came without one.
    """
    if isinstance(payload, str):
        text = payload.strip()
        return [(None, text)] if text else []
    if isinstance(payload, list):
        return [(None, str(item)) for item in payload if str(item).strip()]
    if not isinstance(payload, dict):
        return []

    errors = payload.get("errors")
    if errors is None and all(isinstance(value, list) for value in payload.values()):
        # The live duplicate response can arrive as a bare {"Id": ["..."]} object.
        errors = payload
    if isinstance(errors, list):
        pairs: list[tuple[str | None, str]] = []
        for item in errors:
            if isinstance(item, dict):
                key = item.get("field", item.get("key"))
                pairs.append(
                    (None if key is None else str(key), str(item.get("message", "")))
                )
            else:
                pairs.append((None, str(item)))
        return pairs
    if isinstance(errors, dict):
        pairs = []
        for key, messages in errors.items():
            if isinstance(messages, list):
                pairs.extend((key, str(message)) for message in messages)
            else:
                pairs.append((key, str(messages)))
        return pairs
    title = payload.get("title") or payload.get("message")
    return [(None, str(title))] if title else []


def _bad_request_error(text: str) -> RecruitmentApiError:
    api_errors = read_api_errors(decode_error_body(text))
    if any(
        message.strip().casefold() == ALREADY_SUBMITTED_MESSAGE.casefold()
        for _, message in api_errors
    ):
        return VacancyAlreadySubmitted(
            "The Recruitment API already has a vacancy with this id, so the advert "
            "was submitted before."
        )
    if not api_errors:
        api_errors = [(None, "The Recruitment API rejected the request (400).")]
    return ValidationFailed(map_api_errors(api_errors), api_errors)
