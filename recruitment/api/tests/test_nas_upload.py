import datetime

import pytest
from django.utils import timezone

from conftest import make_programme
from recruitment.jobs.models import Job

from .factories import complete_job


@pytest.fixture
def sandbox_job(tenant, organisation, contact, sandbox, settings):
    settings.NAS_SANDBOX_BASE_URL = sandbox.base_url
    settings.NAS_READ_TIMEOUT = 2.0
    settings.NAS_CONNECT_TIMEOUT = 2.0
    programme = make_programme(tenant, key=sandbox.api_key)
    return complete_job(programme, organisation, contact)


def upload(api, job):
    return api.post(f"/api/v1/jobs/{job.pk}/nas-upload")


def test_upload_returns_new_state(api, sandbox_job):
    response = upload(api, sandbox_job)

    assert response.status_code == 200, response.json()
    body = response.json()
    sandbox_job.refresh_from_db()
    assert body["nas"]["status"] == "uploaded"
    assert body["nas"]["vacancy_reference"] == sandbox_job.nas_vacancy_reference
    assert body["nas"]["vacancy_reference"]
    assert body["nas"]["uploaded_at"]
    assert sandbox_job.nas_vacancy_reference in body["detail"]


def test_second_upload_gets_409(api, sandbox_job, sandbox):
    upload(api, sandbox_job)

    response = upload(api, sandbox_job)

    assert response.status_code == 409
    assert (
        "already uploaded; the Recruitment API does not allow duplicates or updates"
        in response.json()["detail"]
    )
    assert len(sandbox.received_creates()) == 1


def test_rule_failures_get_422_with_fields(api, sandbox_job, sandbox):
    Job.objects.filter(pk=sandbox_job.pk).update(postcode="")

    response = upload(api, sandbox_job)

    assert response.status_code == 422
    assert {"field": "postcode"}.items() <= response.json()["errors"][0].items()
    sandbox_job.refresh_from_db()
    assert sandbox_job.nas_status == Job.NasStatus.NOT_UPLOADED
    assert sandbox.received_creates() == []


def test_api_rejection_gets_422_with_fields(api, sandbox_job):
    Job.objects.filter(pk=sandbox_job.pk).update(title="Sandboxbannedword Apprentice")

    response = upload(api, sandbox_job)

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["title"]


def test_upload_in_progress_gets_423(api, sandbox_job, sandbox):
    Job.objects.filter(pk=sandbox_job.pk).update(
        nas_status=Job.NasStatus.UPLOADING, nas_claimed_at=timezone.now()
    )

    response = upload(api, sandbox_job)

    assert response.status_code == 423
    assert "in progress" in response.json()["detail"]
    assert sandbox.received_creates() == []


def test_server_error_gets_502_and_unknown_outcome(api, sandbox_job, sandbox):
    sandbox.set_fault("status_500")

    response = upload(api, sandbox_job)

    assert response.status_code == 502
    assert "not known" in response.json()["detail"]
    sandbox_job.refresh_from_db()
    assert sandbox_job.nas_status == Job.NasStatus.OUTCOME_UNKNOWN
    retry = upload(api, sandbox_job)
    assert retry.status_code == 200
    assert retry.json()["nas"]["status"] == "uploaded"


def test_rate_limit_gets_clear_message(api, sandbox_job, sandbox):
    sandbox.set_fault("rate_limit", seconds=30)

    response = upload(api, sandbox_job)

    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert "Try again in 30 seconds" in response.json()["detail"]
    sandbox_job.refresh_from_db()
    assert sandbox_job.nas_status == Job.NasStatus.NOT_UPLOADED


def test_non_apprenticeship_gets_422(api, sandbox_job, sandbox):
    Job.objects.filter(pk=sandbox_job.pk).update(
        contract_type=Job.ContractType.PERMANENT
    )

    response = upload(api, sandbox_job)

    assert response.status_code == 422
    assert "Apprenticeship" in response.json()["detail"]
    assert response.json()["errors"][0]["field"] == "non_field"


def test_viewer_gets_403(viewer_api, sandbox_job, sandbox):
    response = upload(viewer_api, sandbox_job)

    assert response.status_code == 403
    sandbox_job.refresh_from_db()
    assert sandbox_job.nas_status == Job.NasStatus.NOT_UPLOADED
    assert sandbox.received_creates() == []


def test_closing_date_too_soon_gets_422(api, sandbox_job, sandbox):
    soon = sandbox_job.closing_date - datetime.timedelta(days=20)
    Job.objects.filter(pk=sandbox_job.pk).update(closing_date=soon)

    response = upload(api, sandbox_job)

    assert response.status_code == 422
    fields = [error["field"] for error in response.json()["errors"]]
    assert "closing_date" in fields
