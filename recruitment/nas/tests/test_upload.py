"""Upload to NAS against the sandbox server over real HTTP."""

import pytest

from recruitment.jobs.models import Job
from recruitment.nas.models import UploadAttempt
from recruitment.nas.upload import ALREADY_UPLOADED_MESSAGE, Outcome, upload_job


def test_upload_succeeds_and_stores_reference(job, recruiter, sandbox):
    result = upload_job(job, recruiter)

    job.refresh_from_db()
    assert result.outcome == Outcome.UPLOADED
    assert job.nas_status == Job.NasStatus.UPLOADED
    assert job.nas_vacancy_reference == result.reference
    assert result.reference.isdigit()
    assert len(sandbox.received_creates(job.nas_vacancy_id)) == 1


def test_upload_sends_application_url(job, recruiter, sandbox):
    upload_job(job, recruiter)

    page = sandbox_page_for(sandbox, job)
    assert job.application_url in page


def sandbox_page_for(sandbox, job):
    import httpx

    job.refresh_from_db()
    response = httpx.get(
        f"{sandbox.site_url}/apprenticeship/VAC{job.nas_vacancy_reference}", timeout=5
    )
    assert response.status_code == 200
    return response.text


def test_second_upload_refused_without_call(job, recruiter, sandbox):
    upload_job(job, recruiter)

    result = upload_job(job, recruiter)

    assert result.outcome == Outcome.ALREADY_UPLOADED
    assert result.message == ALREADY_UPLOADED_MESSAGE
    assert len(sandbox.received_creates()) == 1


def test_rule_failures_stop_before_api(job, recruiter, sandbox):
    Job.objects.filter(pk=job.pk).update(hours_per_week=12, title="Baker")
    job.refresh_from_db()

    result = upload_job(job, recruiter)

    assert result.outcome == Outcome.RULE_FAILURES
    assert {failure.field for failure in result.failures} >= {"hours_per_week", "title"}
    assert sandbox.received_creates() == []
    job.refresh_from_db()
    assert job.nas_status == Job.NasStatus.NOT_UPLOADED
    assert job.nas_vacancy_id is None


def test_api_rejection_maps_fields(job, recruiter, sandbox):
    # Our rules cannot know which legal entities a key may act for, so the
    # sandbox rejects a job that passes them when the entity is not the key's.
    job.organisation.legal_entity_id = "ZZZ999"
    job.organisation.save()

    result = upload_job(job, recruiter)

    assert result.outcome == Outcome.FAILED
    assert "legal entity" in result.message
    job.refresh_from_db()
    assert job.nas_status == Job.NasStatus.NOT_UPLOADED


def test_api_field_errors_shown_like_rules(job, recruiter, sandbox):
    # The banned-word list is the API's own and not public, so only the API
    # can reject this title. Its field error comes back under our field name.
    Job.objects.filter(pk=job.pk).update(title="Sandboxbannedword Apprentice")
    job.refresh_from_db()

    result = upload_job(job, recruiter)

    job.refresh_from_db()
    assert result.outcome == Outcome.API_REJECTED
    assert [failure.field for failure in result.failures] == ["title"]
    assert job.nas_status == Job.NasStatus.NOT_UPLOADED
    assert job.nas_vacancy_id is not None


@pytest.mark.parametrize(
    ("mode", "expected_outcome", "expected_status"),
    [
        ("status_500", Outcome.OUTCOME_UNKNOWN, Job.NasStatus.OUTCOME_UNKNOWN),
        ("status_503", Outcome.OUTCOME_UNKNOWN, Job.NasStatus.OUTCOME_UNKNOWN),
        ("drop_connection", Outcome.OUTCOME_UNKNOWN, Job.NasStatus.OUTCOME_UNKNOWN),
        ("invalid_json", Outcome.OUTCOME_UNKNOWN, Job.NasStatus.OUTCOME_UNKNOWN),
        ("rate_limit", Outcome.RATE_LIMITED, Job.NasStatus.NOT_UPLOADED),
    ],
)
def test_sandbox_faults(
    job, recruiter, sandbox, mode, expected_outcome, expected_status
):
    sandbox.set_fault(mode, seconds=30 if mode == "rate_limit" else None)

    result = upload_job(job, recruiter)

    job.refresh_from_db()
    assert result.outcome == expected_outcome
    assert job.nas_status == expected_status
    assert "Traceback" not in result.message
    if mode == "rate_limit":
        assert "Try again in 30 seconds" in result.message


def test_check_again_after_fault_never_duplicates(job, recruiter, sandbox):
    sandbox.set_fault("invalid_json")
    upload_job(job, recruiter)
    job.refresh_from_db()
    vacancy_id = job.nas_vacancy_id
    assert job.nas_status == Job.NasStatus.OUTCOME_UNKNOWN

    result = upload_job(job, recruiter)

    job.refresh_from_db()
    assert result.outcome == Outcome.UPLOADED
    assert job.nas_vacancy_id == vacancy_id
    assert job.nas_status == Job.NasStatus.UPLOADED
    creates = sandbox.received_creates()
    assert {r["vacancyId"] for r in creates} == {str(vacancy_id)}
    assert len([r for r in creates if r["status"] == 201]) == 1


def test_bad_key_tells_staff_to_check_nas_tab(job, recruiter, sandbox):
    token = job.programme.jobs_token
    token.set_system_key("wrong-key-0000")
    token.save()

    result = upload_job(job, recruiter)

    job.refresh_from_db()
    assert result.outcome == Outcome.FAILED
    assert "system key on the NAS tab" in result.message
    assert job.nas_status == Job.NasStatus.NOT_UPLOADED


def test_attempts_recorded_without_personal_data(job, recruiter, sandbox):
    Job.objects.filter(pk=job.pk).update(title="Baker")
    job.refresh_from_db()
    upload_job(job, recruiter)
    Job.objects.filter(pk=job.pk).update(title="Bakery Apprentice")
    job.refresh_from_db()
    upload_job(job, recruiter)

    attempts = list(UploadAttempt.objects.filter(job=job).order_by("id"))
    assert [a.result for a in attempts] == [
        UploadAttempt.Result.REJECTED_BY_RULES,
        UploadAttempt.Result.UPLOADED,
    ]
    assert attempts[0].user == recruiter
    for attempt in attempts:
        assert "jo.marsh@example.co.uk" not in attempt.error_text


def test_viewer_cannot_upload(job, viewer, sandbox):
    result = upload_job(job, viewer)

    assert result.outcome == Outcome.NOT_ALLOWED
    assert sandbox.received_creates() == []


def test_non_apprenticeship_not_uploaded(job, recruiter, sandbox):
    Job.objects.filter(pk=job.pk).update(contract_type=Job.ContractType.PERMANENT)
    job.refresh_from_db()

    result = upload_job(job, recruiter)

    assert result.outcome == Outcome.NOT_ALLOWED
    assert sandbox.received_creates() == []


def test_nas_needs_support_switch(job, recruiter, sandbox, tenant):
    tenant.nas_enabled = False
    tenant.save()
    job.refresh_from_db()

    result = upload_job(job, recruiter)

    assert result.outcome == Outcome.NOT_ALLOWED
    assert "Support has not enabled" in result.message


def test_live_needs_public_site_url(job, recruiter, sandbox, settings):
    token = job.programme.jobs_token
    token.nas_environment = "live"
    token.save()
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.NAS_LIVE_BASE_URL = sandbox.base_url

    result = upload_job(job, recruiter)

    assert result.outcome == Outcome.NOT_ALLOWED
    assert "SITE_URL" in result.message
    assert sandbox.received_creates() == []


def test_support_switch_off_names_only_that_reason(job, recruiter, sandbox, tenant):
    tenant.nas_enabled = False
    tenant.save()
    job.refresh_from_db()

    result = upload_job(job, recruiter)

    assert "Support has not enabled" in result.message
    assert "account programme" not in result.message


def test_rule_failures_page_links_labelled_fields(job, recruiter, sandbox, client):
    Job.objects.filter(pk=job.pk).update(title="Baker")
    client.force_login(recruiter)

    response = client.post(f"/nas/jobs/{job.pk}/upload/")

    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="/jobs/{job.pk}/edit/#field-title">Title</a>' in body
    attempt = UploadAttempt.objects.get(job=job)
    assert "Title: " in attempt.error_text
    assert "title: " not in attempt.error_text
