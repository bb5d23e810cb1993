from recruitment.applications.models import JobApplication
from recruitment.learners.models import Learner


def test_read_application(api, application):
    response = api.get(f"/api/v1/applications/{application.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "applied"
    assert body["job_id"] == application.job_id
    assert body["learner_id"] == application.learner_id
    assert body["cv"]["original_name"] == "Sam Taylor CV.pdf"
    assert body["cv"]["is_completed"] is True


def test_delete_application_cancels_learner(api, application):
    response = api.delete(f"/api/v1/applications/{application.pk}")

    assert response.status_code == 204
    assert not JobApplication.objects.filter(pk=application.pk).exists()
    learner = Learner.objects.get(pk=application.learner_id)
    assert learner.status == Learner.Status.CANCELLED


def test_delete_unknown_application_gets_404(api, tenant):
    assert api.delete("/api/v1/applications/999999").status_code == 404


def test_viewer_cannot_delete(viewer_api, application):
    response = viewer_api.delete(f"/api/v1/applications/{application.pk}")

    assert response.status_code == 403
    assert JobApplication.objects.filter(pk=application.pk).exists()
