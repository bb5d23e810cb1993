from django.core import mail

from recruitment.applications.models import JobApplication
from recruitment.learners.models import AuditEvent, Invitation, Learner

from .factories import complete_job, make_application


def test_read_learner(api, application):
    learner = application.learner

    response = api.get(f"/api/v1/learners/{learner.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "prospect"
    assert body["email"] == learner.user.email
    assert body["case_owner"] is None
    assert body["programme_ids"] == [application.job.programme_id]
    assert body["applications"][0]["id"] == application.pk
    assert body["applications"][0]["job_title"] == "Bakery Apprentice"


def test_set_case_owner(api, application, recruiter, admin_user):
    learner = application.learner

    response = api.post(
        f"/api/v1/learners/{learner.pk}/case-owner", {"case_owner_id": recruiter.pk}
    )

    assert response.status_code == 200
    assert response.json()["case_owner"]["id"] == recruiter.pk
    learner.refresh_from_db()
    assert learner.case_owner == recruiter
    event = AuditEvent.objects.get(learner=learner, action="case_owner_set")
    assert event.actor == admin_user


def test_case_owner_of_other_tenant_gets_400(api, application, outsider):
    learner = application.learner

    response = api.post(
        f"/api/v1/learners/{learner.pk}/case-owner", {"case_owner_id": outsider.pk}
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "case_owner_id"
    learner.refresh_from_db()
    assert learner.case_owner is None


def test_case_owner_must_be_staff(api, job):
    other = make_application(job).learner
    learner = make_application(job).learner

    response = api.post(
        f"/api/v1/learners/{learner.pk}/case-owner",
        {"case_owner_id": other.user.pk},
    )

    assert response.status_code == 400


def test_invitation_needs_case_owner(api, application):
    learner = application.learner

    response = api.post(f"/api/v1/learners/{learner.pk}/invitation")

    assert response.status_code == 409
    assert "case owner" in response.json()["detail"]
    assert not Invitation.objects.exists()


def test_send_invitation(
    api, application, recruiter, django_capture_on_commit_callbacks
):
    learner = application.learner
    Learner.objects.filter(pk=learner.pk).update(case_owner=recruiter)

    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/v1/learners/{learner.pk}/invitation")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["learner"]["status"] == "invited"
    assert body["expires_at"]
    assert Invitation.objects.filter(learner=learner).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.user.email]


def test_cancel_deletes_application_and_cancels(api, application):
    learner = application.learner

    response = api.post(
        f"/api/v1/learners/{learner.pk}/cancel", {"application_id": application.pk}
    )

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["applications"] == []
    assert not JobApplication.objects.filter(pk=application.pk).exists()


def test_cancel_with_other_learners_application_gets_404(api, application, job):
    other = make_application(job)

    response = api.post(
        f"/api/v1/learners/{application.learner.pk}/cancel",
        {"application_id": other.pk},
    )

    assert response.status_code == 404
    assert JobApplication.objects.filter(pk=other.pk).exists()


def test_cancel_twice_gets_409(api, job, contact):
    first = make_application(job)
    learner = first.learner
    other_job = complete_job(
        job.programme, job.organisation, contact, title="Second Apprentice"
    )
    second = make_application(other_job, learner)
    api.post(f"/api/v1/learners/{learner.pk}/cancel", {"application_id": first.pk})

    response = api.post(
        f"/api/v1/learners/{learner.pk}/cancel", {"application_id": second.pk}
    )

    assert response.status_code == 409
    assert JobApplication.objects.filter(pk=second.pk).exists()


def test_viewer_cannot_change_learners(viewer_api, application, recruiter):
    learner = application.learner

    responses = [
        viewer_api.post(
            f"/api/v1/learners/{learner.pk}/case-owner",
            {"case_owner_id": recruiter.pk},
        ),
        viewer_api.post(f"/api/v1/learners/{learner.pk}/invitation"),
        viewer_api.post(
            f"/api/v1/learners/{learner.pk}/cancel",
            {"application_id": application.pk},
        ),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    learner.refresh_from_db()
    assert learner.case_owner is None
    assert learner.status == Learner.Status.PROSPECT
