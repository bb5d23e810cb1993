"""Client behaviour for transport faults and error bodies, injected with respx.

No request leaves the process, because respx returns the response for every
request to BASE_URL.
"""

import json
import logging
import uuid
from decimal import Decimal

import httpx
import pytest
import respx

from recruitment.nas.client import RecruitmentApiClient
from recruitment.nas.errors import (
    NON_FIELD,
    AuthenticationFailed,
    ConnectionFailed,
    InvalidResponse,
    NotFound,
    PermissionDenied,
    RateLimited,
    RequestTimedOut,
    ServerError,
    UnexpectedStatus,
    VacancyAlreadySubmitted,
    ValidationFailed,
)

BASE_URL = "http://127.0.0.1:9/managevacancies"
API_KEY = "respx-secret-key-1f9b7c"
VACANCY_ID = uuid.UUID("5d0c9b7e-2f8a-4c11-9b1e-7a3f0c2d4e61")
CREATE_URL = f"{BASE_URL}/vacancy/{VACANCY_ID}"
BODY = {"title": "Trainee chef apprentice", "wage": {"weeklyHours": Decimal("37.5")}}


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def client(sleeps):
    with RecruitmentApiClient(
        BASE_URL, API_KEY, retry_backoff_seconds=0.25, sleep=sleeps.append
    ) as api_client:
        yield api_client


@pytest.fixture
def api():
    with respx.mock(assert_all_called=False) as router:
        yield router


def create(client):
    return client.create_vacancy(VACANCY_ID, BODY)


# Requests


def test_create_sends_headers_and_body(client, api):
    route = api.post(CREATE_URL).respond(201, json={"vacancyReference": "2000000123"})

    assert create(client) == "2000000123"

    request = route.calls.last.request
    assert request.headers["Ocp-Apim-Subscription-Key"] == API_KEY
    assert request.headers["X-Version"] == "1"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Content-Type"] == "application/json"
    assert (
        request.content
        == b'{"title":"Trainee chef apprentice","wage":{"weeklyHours":37.5}}'
    )


def test_create_numeric_reference_becomes_text(client, api):
    api.post(CREATE_URL).respond(201, json={"vacancyReference": 1000000001})

    assert create(client) == "1000000001"


def test_courses_sends_ukprn(client, api):
    route = api.get(f"{BASE_URL}/referencedata/courses").respond(
        200, json={"trainingCourses": [{"larsCode": 119}]}
    )

    assert client.training_courses(ukprn=10012345) == [{"larsCode": 119}]
    assert route.calls.last.request.url.params["ukprn"] == "10012345"


# Transport faults


@pytest.mark.parametrize(
    ("exception", "error_type", "may_have_been_processed"),
    [
        (httpx.ConnectTimeout("connect timed out"), RequestTimedOut, False),
        (httpx.PoolTimeout("no free connection"), RequestTimedOut, False),
        (httpx.ReadTimeout("read timed out"), RequestTimedOut, True),
        (httpx.WriteTimeout("write timed out"), RequestTimedOut, True),
        (httpx.ConnectError("connection refused"), ConnectionFailed, False),
        (httpx.UnsupportedProtocol("unknown scheme"), ConnectionFailed, False),
        (httpx.ReadError("connection reset by peer"), ConnectionFailed, True),
        (httpx.WriteError("broken pipe"), ConnectionFailed, True),
        (
            httpx.RemoteProtocolError("server disconnected without a response"),
            ConnectionFailed,
            True,
        ),
    ],
)
def test_create_transport_fault(
    client, api, exception, error_type, may_have_been_processed
):
    route = api.post(CREATE_URL).mock(side_effect=exception)

    with pytest.raises(error_type) as caught:
        create(client)

    assert caught.value.may_have_been_processed is may_have_been_processed
    assert route.call_count == 1


@pytest.mark.parametrize(
    "answer",
    [
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("server disconnected"),
        httpx.Response(500, json={"title": "Internal server error", "status": 500}),
        httpx.Response(503),
        httpx.Response(429, headers={"Retry-After": "1"}),
    ],
)
def test_create_never_retried(client, api, sleeps, answer):
    route = api.post(CREATE_URL).mock(side_effect=[answer])

    with pytest.raises((RequestTimedOut, ConnectionFailed, ServerError, RateLimited)):
        create(client)

    assert route.call_count == 1
    assert sleeps == []


# Status codes


def test_create_401(client, api):
    api.post(CREATE_URL).respond(
        401, json={"statusCode": 401, "message": "Access denied due to invalid key."}
    )

    with pytest.raises(AuthenticationFailed) as caught:
        create(client)

    assert caught.value.may_have_been_processed is False


def test_create_403(client, api):
    api.post(CREATE_URL).respond(403, json={"title": "Forbidden", "status": 403})

    with pytest.raises(PermissionDenied):
        create(client)


def test_create_404_empty_body(client, api):
    api.post(CREATE_URL).respond(404)

    with pytest.raises(NotFound):
        create(client)


def test_create_429_retry_after_header(client, api):
    api.post(CREATE_URL).respond(429, headers={"Retry-After": "12"})

    with pytest.raises(RateLimited) as caught:
        create(client)

    assert caught.value.retry_after_seconds == 12
    assert caught.value.may_have_been_processed is False


def test_create_429_retry_after_text(client, api):
    api.post(CREATE_URL).respond(
        429,
        json={
            "statusCode": 429,
            "message": "Rate limit is exceeded. Try again in 7 seconds.",
        },
    )

    with pytest.raises(RateLimited) as caught:
        create(client)

    assert caught.value.retry_after_seconds == 7


def test_create_429_without_wait(client, api):
    api.post(CREATE_URL).respond(429, json={"status": 429, "traceId": "00-1-2-00"})

    with pytest.raises(RateLimited) as caught:
        create(client)

    assert caught.value.retry_after_seconds is None


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_create_5xx(client, api, status):
    api.post(CREATE_URL).respond(status, text="upstream failed")

    with pytest.raises(ServerError) as caught:
        create(client)

    assert caught.value.status == status
    assert caught.value.may_have_been_processed is True


def test_create_unexpected_status(client, api):
    api.post(CREATE_URL).respond(409, text="")

    with pytest.raises(UnexpectedStatus) as caught:
        create(client)

    assert caught.value.status == 409
    assert caught.value.may_have_been_processed is False


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(201, text="<html>Bad gateway</html>"),
        httpx.Response(201, text=""),
        httpx.Response(201, json={"reference": "2000000000"}),
        httpx.Response(201, json=["2000000000"]),
    ],
)
def test_create_unreadable_success(client, api, answer):
    api.post(CREATE_URL).mock(return_value=answer)

    with pytest.raises(InvalidResponse) as caught:
        create(client)

    assert caught.value.may_have_been_processed is True


def test_create_undecodable_body(client, api):
    api.post(CREATE_URL).respond(
        201,
        headers={"Content-Encoding": "gzip"},
        stream=httpx.ByteStream(b"not gzip data"),
    )

    with pytest.raises(InvalidResponse) as caught:
        create(client)

    assert caught.value.may_have_been_processed is True


# 400 bodies


PROBLEM_DETAILS = {
    "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    "title": "One or more validation errors occurred.",
    "status": 400,
    "errors": {
        "Title": [
            "Enter a title which includes the word 'apprentice' or 'apprenticeship'"
        ],
        "Wage.FixedWageYearlyAmount": ["Yearly wage must be at least £14,722.50"],
        "ClosingDate": ["Closing date should be at least 7 days in the future."],
    },
}
EXPECTED_FIELD_ERRORS = [
    ("title", "Enter a title which includes the word 'apprentice' or 'apprenticeship'"),
    ("fixed_wage_yearly_amount", "Yearly wage must be at least £14,722.50"),
    ("closing_date", "Closing date should be at least 7 days in the future."),
]


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(400, json=PROBLEM_DETAILS),
        httpx.Response(400, text=json.dumps(PROBLEM_DETAILS)),
        httpx.Response(400, json=json.dumps(PROBLEM_DETAILS)),
    ],
    ids=["json", "text", "json-encoded-twice"],
)
def test_400_problem_details(client, api, answer):
    api.post(CREATE_URL).mock(return_value=answer)

    with pytest.raises(ValidationFailed) as caught:
        create(client)

    assert caught.value.field_errors == EXPECTED_FIELD_ERRORS
    assert caught.value.raw_keys == [
        "Title",
        "Wage.FixedWageYearlyAmount",
        "ClosingDate",
    ]
    assert caught.value.may_have_been_processed is False


def test_400_older_error_list(client, api):
    api.post(CREATE_URL).respond(
        400,
        json={
            "errors": [
                {"field": "address.postcode", "message": "Postcode must be in England"},
                {
                    "field": "Skills[0]",
                    "message": "Skill contains some invalid characters",
                },
            ]
        },
    )

    with pytest.raises(ValidationFailed) as caught:
        create(client)

    assert caught.value.field_errors == [
        ("postcode", "Postcode must be in England"),
        ("desired_skills", "Skill contains some invalid characters"),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(
            400,
            text=(
                "Start date must be on or before 31/07/2027 as this is the last day "
                "for new starters for the training course you have selected."
            ),
        ),
        httpx.Response(
            400,
            json=(
                "Start date must be on or before 31/07/2027 as this is the last day "
                "for new starters for the training course you have selected."
            ),
        ),
    ],
    ids=["text", "json-string"],
)
def test_400_plain_text_message(client, api, answer):
    api.post(CREATE_URL).mock(return_value=answer)

    with pytest.raises(ValidationFailed) as caught:
        create(client)

    assert len(caught.value.field_errors) == 1
    field, message = caught.value.field_errors[0]
    assert field == NON_FIELD
    assert message.startswith("Start date must be on or before 31/07/2027")
    assert caught.value.raw_keys == [None]


def test_400_empty_body(client, api):
    api.post(CREATE_URL).respond(400, text="")

    with pytest.raises(ValidationFailed) as caught:
        create(client)

    assert caught.value.field_errors[0][0] == NON_FIELD


def test_400_unknown_key_kept(client, api):
    api.post(CREATE_URL).respond(
        400, json={"errors": {"ApplicationUrl": ["Enter a valid website address"]}}
    )

    with pytest.raises(ValidationFailed) as caught:
        create(client)

    assert caught.value.field_errors == [
        (NON_FIELD, "ApplicationUrl: Enter a valid website address")
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"Id": ["Unable to create Vacancy. Vacancy already submitted"]},
        {
            "title": "One or more validation errors occurred.",
            "status": 400,
            "errors": {"Id": ["Unable to create Vacancy. Vacancy already submitted"]},
        },
        {"errors": ["Unable to create Vacancy. Vacancy already submitted"]},
    ],
    ids=["bare-object", "problem-details", "string-list"],
)
@pytest.mark.parametrize("encoded_twice", [False, True])
def test_400_already_submitted(client, api, body, encoded_twice):
    text = json.dumps(body)
    if encoded_twice:
        text = json.dumps(text)
    api.post(CREATE_URL).respond(400, text=text)

    with pytest.raises(VacancyAlreadySubmitted) as caught:
        create(client)

    assert caught.value.may_have_been_processed is False


# Reference data retries


def test_reference_data_retries_then_succeeds(client, api, sleeps):
    route = api.get(f"{BASE_URL}/referencedata/skills").mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.Response(503),
            httpx.Response(200, json={"candidateSkills": ["Patience"]}),
        ]
    )

    assert client.candidate_skills() == ["Patience"]
    assert route.call_count == 3
    assert sleeps == [0.25, 0.5]


def test_reference_data_gives_up_after_three_retries(client, api, sleeps):
    route = api.get(f"{BASE_URL}/referencedata/qualifications").respond(500)

    with pytest.raises(ServerError):
        client.qualification_types()

    assert route.call_count == 4
    assert sleeps == [0.25, 0.5, 1.0]


def test_reference_data_waits_retry_after(client, api, sleeps):
    api.get(f"{BASE_URL}/accountlegalentities").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "3"}),
            httpx.Response(200, json={"accountLegalEntities": []}),
        ]
    )

    assert client.account_legal_entities() == []
    assert sleeps == [3.0]


def test_reference_data_long_retry_after_raised(client, api, sleeps):
    route = api.get(f"{BASE_URL}/referencedata/skills").respond(
        429, headers={"Retry-After": "600"}
    )

    with pytest.raises(RateLimited):
        client.candidate_skills()

    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_reference_data_4xx_not_retried(client, api, sleeps, status):
    route = api.get(f"{BASE_URL}/referencedata/skills").respond(status, text="")

    with pytest.raises(
        (ValidationFailed, AuthenticationFailed, PermissionDenied, NotFound)
    ):
        client.candidate_skills()

    assert route.call_count == 1


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(200, text="<html></html>"),
        httpx.Response(200, json={"skills": ["Patience"]}),
        httpx.Response(200, json={"candidateSkills": [1, 2]}),
    ],
)
def test_reference_data_unexpected_shape(client, api, answer):
    api.get(f"{BASE_URL}/referencedata/skills").mock(return_value=answer)

    with pytest.raises(InvalidResponse):
        client.candidate_skills()


# Logging


def test_key_and_body_never_logged(client, api, caplog):
    caplog.set_level(logging.DEBUG)
    api.post(CREATE_URL).mock(
        side_effect=[
            httpx.Response(201, json={"vacancyReference": "2000000001"}),
            httpx.ReadTimeout("read timed out"),
        ]
    )
    api.get(f"{BASE_URL}/referencedata/skills").mock(
        side_effect=[httpx.ConnectError("refused")] * 4
    )
    body = {"submitterContactDetails": {"email": "sam.taylor@example.co.uk"}}

    client.create_vacancy(VACANCY_ID, body)
    with pytest.raises(RequestTimedOut):
        client.create_vacancy(VACANCY_ID, body)
    with pytest.raises(ConnectionFailed):
        client.candidate_skills()

    messages = [record.getMessage() for record in caplog.records]
    assert any(str(VACANCY_ID) in message for message in messages)
    assert any("status 201" in message for message in messages)
    for message in messages:
        assert API_KEY not in message
        assert "sam.taylor" not in message
    assert API_KEY not in repr(client)
