from recruitment.jobs.models import Job


def test_complete_job_is_valid(api, job):
    response = api.post(f"/api/v1/jobs/{job.pk}/nas-check")

    assert response.status_code == 200
    assert response.json() == {"valid": True, "errors": []}


def test_failures_list_fields_and_messages(api, job):
    Job.objects.filter(pk=job.pk).update(postcode="", maximum_enrolments=None)

    body = api.post(f"/api/v1/jobs/{job.pk}/nas-check").json()

    assert body["valid"] is False
    fields = [error["field"] for error in body["errors"]]
    assert "postcode" in fields
    assert "maximum_enrolments" in fields
    assert all(error["message"] for error in body["errors"])


def test_viewer_can_check(viewer_api, job):
    assert viewer_api.post(f"/api/v1/jobs/{job.pk}/nas-check").status_code == 200


def test_check_changes_nothing(api, job):
    before = Job.objects.filter(pk=job.pk).values().get()

    api.post(f"/api/v1/jobs/{job.pk}/nas-check")

    assert Job.objects.filter(pk=job.pk).values().get() == before
