"""Lost responses, repeats and simultaneous presses never make two adverts."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from recruitment.jobs.models import Job
from recruitment.nas.upload import ALREADY_UPLOADED_MESSAGE, Outcome, upload_job


def stored_vacancies(sandbox):
    return [r for r in sandbox.received_creates() if r["status"] == 201]


def test_timeout_after_storing_then_check_again(job, recruiter, sandbox):
    """A lost response leaves the outcome unknown, and Check again reconciles it."""
    sandbox.set_fault("delay", seconds=4)

    first = upload_job(job, recruiter)

    job.refresh_from_db()
    assert first.outcome == Outcome.OUTCOME_UNKNOWN
    assert "did not answer in time" in first.message
    assert job.nas_status == Job.NasStatus.OUTCOME_UNKNOWN
    vacancy_id = job.nas_vacancy_id

    second = upload_job(job, recruiter)

    job.refresh_from_db()
    assert second.outcome == Outcome.UPLOADED
    assert job.nas_status == Job.NasStatus.UPLOADED
    assert job.nas_vacancy_id == vacancy_id
    creates = sandbox.received_creates()
    assert {r["vacancyId"] for r in creates} == {str(vacancy_id)}
    assert len(stored_vacancies(sandbox)) == 1


def test_e01_one_advert_then_refused(job, recruiter, sandbox, client):
    """Case E01: delay past the timeout, press again, later edit and press."""
    sandbox.set_fault("delay", seconds=4)
    client.force_login(recruiter)

    client.post(f"/nas/jobs/{job.pk}/upload/")
    job.refresh_from_db()
    assert job.nas_status == Job.NasStatus.OUTCOME_UNKNOWN
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "Upload outcome unknown" in page
    assert "Not uploaded" not in page

    client.post(f"/nas/jobs/{job.pk}/upload/")
    job.refresh_from_db()
    assert job.nas_status == Job.NasStatus.UPLOADED

    client.post(f"/nas/jobs/{job.pk}/reference/", {"reference": "VAC2000000000"})
    job.refresh_from_db()
    assert job.nas_vacancy_reference == "2000000000"
    assert "2000000000" in client.get(f"/jobs/{job.pk}/").content.decode()

    Job.objects.filter(pk=job.pk).update(title="Senior Bakery Apprentice")
    creates_before = len(sandbox.received_creates())
    response = client.post(f"/nas/jobs/{job.pk}/upload/", follow=True)

    assert ALREADY_UPLOADED_MESSAGE in response.content.decode()
    assert len(sandbox.received_creates()) == creates_before
    assert len(stored_vacancies(sandbox)) == 1


def test_press_during_upload_is_told_in_progress(job, recruiter, sandbox):
    # Another request has claimed the job, as it has while it waits for the API.
    Job.objects.filter(pk=job.pk).update(
        nas_status=Job.NasStatus.UPLOADING, nas_claimed_at=timezone.now()
    )

    result = upload_job(Job.objects.get(pk=job.pk), recruiter)

    assert result.outcome == Outcome.IN_PROGRESS
    assert sandbox.received_creates() == []


def test_stale_claim_counts_as_unknown(job, recruiter, sandbox):
    # A claim left by a process that died mid-request.
    Job.objects.filter(pk=job.pk).update(
        nas_status=Job.NasStatus.UPLOADING,
        nas_claimed_at=timezone.now() - datetime.timedelta(hours=1),
    )

    result = upload_job(Job.objects.get(pk=job.pk), recruiter)

    assert result.outcome == Outcome.UPLOADED
    assert len(sandbox.received_creates()) == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_presses_send_one_request(job, recruiter, sandbox):
    presses = 20
    barrier = threading.Barrier(presses)
    outcomes = []
    failures = []

    def press():
        try:
            barrier.wait()
            outcomes.append(upload_job(Job.objects.get(pk=job.pk), recruiter).outcome)
        except Exception as error:  # reported by the assertion below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(presses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert outcomes.count(Outcome.UPLOADED) == 1
    assert set(outcomes) <= {
        Outcome.UPLOADED,
        Outcome.IN_PROGRESS,
        Outcome.ALREADY_UPLOADED,
    }
    assert len(sandbox.received_creates()) == 1
    job.refresh_from_db()
    assert job.nas_status == Job.NasStatus.UPLOADED
