"""The client against the sandbox server, over real HTTP on 127.0.0.1."""

import logging
import socket
import time
import uuid

import pytest

from recruitment.nas.body import build_vacancy_body
from recruitment.nas.client import RecruitmentApiClient
from recruitment.nas.errors import (
    AuthenticationFailed,
    ConnectionFailed,
    InvalidResponse,
    NotFound,
    PermissionDenied,
    RateLimited,
    RequestTimedOut,
    ServerError,
    VacancyAlreadySubmitted,
    ValidationFailed,
)

from .sample_job import sample_job

APPLICATION_URL = "https://apply.example.co.uk/jobs/7f3a"


@pytest.fixture
def client(sandbox):
    with RecruitmentApiClient(sandbox.base_url, sandbox.api_key) as api_client:
        yield api_client


def body_for(sandbox, **changes):
    return build_vacancy_body(
        sample_job(**changes), ukprn=sandbox.ukprn, application_url=APPLICATION_URL
    )


def rejected(client, sandbox, **changes) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        client.create_vacancy(uuid.uuid4(), body_for(sandbox, **changes))
    assert caught.value.may_have_been_processed is False
    return caught.value


# Success and duplicates


def test_create_returns_reference(client, sandbox):
    vacancy_id = uuid.uuid4()

    reference = client.create_vacancy(vacancy_id, body_for(sandbox))

    assert reference.isdigit()
    assert int(reference) >= 2_000_000_000
    creates = sandbox.received_creates(vacancy_id)
    assert len(creates) == 1
    assert creates[0]["status"] == 201


def test_create_references_count_up(client, sandbox):
    first = client.create_vacancy(uuid.uuid4(), body_for(sandbox))
    second = client.create_vacancy(uuid.uuid4(), body_for(sandbox))

    assert int(second) == int(first) + 1


def test_create_same_id_twice(client, sandbox):
    vacancy_id = uuid.uuid4()
    client.create_vacancy(vacancy_id, body_for(sandbox))

    with pytest.raises(VacancyAlreadySubmitted) as caught:
        client.create_vacancy(vacancy_id, body_for(sandbox))

    assert caught.value.may_have_been_processed is False
    assert [entry["status"] for entry in sandbox.received_creates(vacancy_id)] == [
        201,
        400,
    ]


def test_create_all_zero_id(client, sandbox):
    with pytest.raises(VacancyAlreadySubmitted):
        client.create_vacancy(uuid.UUID(int=0), body_for(sandbox))


# Validation shapes


def test_inner_validation_errors(client, sandbox):
    error = rejected(
        client,
        sandbox,
        title="Trainee chef",
        fixed_wage_yearly_amount=1000,
    )

    assert (
        "title",
        "Enter a title which includes the word 'apprentice' or 'apprenticeship'",
    ) in error.field_errors
    assert (
        "fixed_wage_yearly_amount",
        "Yearly wage must be at least £15,600",
    ) in error.field_errors
    assert "Title" in error.raw_keys
    assert "Wage.FixedWageYearlyAmount" in error.raw_keys


def test_start_date_cross_check(client, sandbox):
    job = sample_job()
    error = rejected(client, sandbox, expected_start_date=job["closing_date"])

    assert (
        "expected_start_date",
        "The possible start date should be after the closing date",
    ) in error.field_errors
    assert "" in error.raw_keys


def test_address_line_quirk(client, sandbox):
    error = rejected(client, sandbox, address_line1="")

    assert error.field_errors == [
        ("address_line1", "The AddressLine1 field is required.")
    ]


def test_address_line_too_long(client, sandbox):
    error = rejected(client, sandbox, address_line2="x" * 101)

    assert error.raw_keys == ["EmployerLocations[0].addressLine2"]
    assert error.field_errors == [
        ("address_line2", "address line 2 must not exceed 100 characters")
    ]


def test_outer_model_validation(client, sandbox):
    error = rejected(client, sandbox, training_code="")

    assert error.field_errors == [
        ("training_code", "The ProgrammeId field is required.")
    ]


def test_outer_html_validation(client, sandbox):
    error = rejected(client, sandbox, description="<b>" + "x" * 60 + "</b>")

    assert error.field_errors == [
        ("description", "Tag <b> is not allowed."),
        ("description", "Tag <b> is not allowed."),
    ]
    assert error.raw_keys == ["Short Description", "Description"]


def test_postcode_outside_england(client, sandbox):
    error = rejected(client, sandbox, postcode="CF10 1EP")

    assert error.field_errors == [("postcode", "Postcode must be in England")]


def test_qualification_field(client, sandbox):
    qualification = {"type": "NVQ", "subject": "Maths", "grade": "Pass"}
    error = rejected(client, sandbox, qualifications=[qualification])

    assert error.field_errors == [
        ("qualifications.0.type", "Invalid qualification type")
    ]


# Gateway and permissions


def test_missing_key(sandbox):
    with RecruitmentApiClient(sandbox.base_url, "") as client:
        with pytest.raises(AuthenticationFailed) as caught:
            client.create_vacancy(uuid.uuid4(), body_for(sandbox))

    assert caught.value.may_have_been_processed is False


def test_unknown_key(sandbox):
    with RecruitmentApiClient(sandbox.base_url, "not-a-sandbox-key") as client:
        with pytest.raises(AuthenticationFailed):
            client.candidate_skills()


def test_legal_entity_not_permitted(client, sandbox):
    organisation = {"name": "Other Ltd", "legal_entity_id": "ZZZ999"}

    with pytest.raises(PermissionDenied) as caught:
        client.create_vacancy(
            uuid.uuid4(), body_for(sandbox, organisation=organisation)
        )

    assert caught.value.may_have_been_processed is False


def test_provider_not_registered(client, sandbox):
    body = build_vacancy_body(
        sample_job(), ukprn=10099999, application_url=APPLICATION_URL
    )

    with pytest.raises(NotFound):
        client.create_vacancy(uuid.uuid4(), body)


# Rate limits and faults


def test_rate_limit_special_id(client, sandbox):
    with pytest.raises(RateLimited) as caught:
        client.create_vacancy(
            uuid.UUID("11111111-1111-1111-1111-111111111111"), body_for(sandbox)
        )

    assert caught.value.retry_after_seconds is None


def test_rate_limit_then_wait(client, sandbox):
    sandbox.set_fault("rate_limit", seconds=1)
    vacancy_id = uuid.uuid4()

    with pytest.raises(RateLimited) as caught:
        client.create_vacancy(vacancy_id, body_for(sandbox))
    assert caught.value.retry_after_seconds == 1
    time.sleep(caught.value.retry_after_seconds)

    assert client.create_vacancy(vacancy_id, body_for(sandbox)).isdigit()


@pytest.mark.parametrize(("mode", "status"), [("status_500", 500), ("status_503", 503)])
def test_server_error(client, sandbox, mode, status):
    sandbox.set_fault(mode)
    vacancy_id = uuid.uuid4()

    with pytest.raises(ServerError) as caught:
        client.create_vacancy(vacancy_id, body_for(sandbox))

    assert caught.value.status == status
    assert caught.value.may_have_been_processed is True
    # Nothing was stored, so the same id is accepted afterwards.
    assert client.create_vacancy(vacancy_id, body_for(sandbox)).isdigit()


def test_invalid_json_success(client, sandbox):
    sandbox.set_fault("invalid_json")
    vacancy_id = uuid.uuid4()

    with pytest.raises(InvalidResponse) as caught:
        client.create_vacancy(vacancy_id, body_for(sandbox))

    assert caught.value.may_have_been_processed is True
    with pytest.raises(VacancyAlreadySubmitted):
        client.create_vacancy(vacancy_id, body_for(sandbox))


def test_read_timeout_vacancy_exists(sandbox):
    sandbox.set_fault("delay", seconds=1.5)
    vacancy_id = uuid.uuid4()

    with RecruitmentApiClient(
        sandbox.base_url, sandbox.api_key, read_timeout=0.3
    ) as client:
        with pytest.raises(RequestTimedOut) as caught:
            client.create_vacancy(vacancy_id, body_for(sandbox))
        assert caught.value.may_have_been_processed is True

        with pytest.raises(VacancyAlreadySubmitted):
            client.create_vacancy(vacancy_id, body_for(sandbox))

    assert len(sandbox.received_creates(vacancy_id)) == 2


def test_dropped_connection(client, sandbox):
    sandbox.set_fault("drop_connection")
    vacancy_id = uuid.uuid4()

    with pytest.raises(ConnectionFailed) as caught:
        client.create_vacancy(vacancy_id, body_for(sandbox))

    assert caught.value.may_have_been_processed is True
    assert len(sandbox.received_creates(vacancy_id)) == 1


def test_connection_refused(sandbox):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port once the probe socket is closed.
    with RecruitmentApiClient(
        f"http://127.0.0.1:{port}/managevacancies", sandbox.api_key
    ) as client:
        with pytest.raises(ConnectionFailed) as caught:
            client.create_vacancy(uuid.uuid4(), body_for(sandbox))

    assert caught.value.may_have_been_processed is False


# Reference data


def test_training_courses(client):
    courses = client.training_courses()

    adult_care = [course for course in courses if course["larsCode"] == 119]
    assert adult_care == [
        {
            "larsCode": 119,
            "title": "Adult care worker (level 2)",
            "route": "",
            "type": "Apprenticeship",
        }
    ]


def test_training_courses_for_provider(client, sandbox):
    assert client.training_courses(ukprn=sandbox.ukprn)


def test_candidate_skills(client):
    skills = client.candidate_skills()

    assert "Team working" in skills
    assert len(skills) == 17


def test_qualification_types(client):
    assert client.qualification_types() == [
        "GCSE",
        "A Level",
        "T Level",
        "BTEC",
        "Degree",
        "Other",
    ]


def test_account_legal_entities(client, sandbox):
    entities = client.account_legal_entities()

    assert [entity["accountLegalEntityPublicHashedId"] for entity in entities] == [
        sandbox.legal_entity_id
    ]
    assert entities[0]["accountLegalEntityName"] == sandbox.legal_entity_name


# Logging


def test_api_key_not_logged(client, sandbox, caplog):
    caplog.set_level(logging.DEBUG)
    vacancy_id = uuid.uuid4()

    client.create_vacancy(vacancy_id, body_for(sandbox))
    with pytest.raises(VacancyAlreadySubmitted):
        client.create_vacancy(vacancy_id, body_for(sandbox))
    client.candidate_skills()

    messages = [record.getMessage() for record in caplog.records]
    assert any(str(vacancy_id) in message for message in messages)
    for message in messages:
        assert sandbox.api_key not in message
        assert "sam.taylor@example.co.uk" not in message
