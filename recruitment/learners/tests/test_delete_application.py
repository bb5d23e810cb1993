from recruitment.applications.models import JobApplication
from recruitment.learners.models import CV, AuditEvent, Learner


def url(application):
    return f"/learners/{application.learner_id}/applications/{application.pk}/delete/"


def test_confirmation_page(admin_client, application):
    response = admin_client.get(url(application))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Delete application and cancel learner" in content
    assert application.job.title in content
    assert JobApplication.objects.filter(pk=application.pk).exists()


def test_post_deletes_and_cancels(admin_client, admin_user, application):
    learner = application.learner

    response = admin_client.post(url(application))

    assert response.status_code == 302
    assert response["Location"] == f"/learners/{learner.pk}/"
    assert not JobApplication.objects.filter(pk=application.pk).exists()
    learner.refresh_from_db()
    assert learner.status == Learner.Status.CANCELLED


def test_cv_is_kept(admin_client, application):
    cv = application.cv

    admin_client.post(url(application))

    assert CV.objects.filter(pk=cv.pk).exists()


def test_delete_writes_audit_events(admin_client, admin_user, application):
    admin_client.post(url(application))

    actions = set(
        AuditEvent.objects.filter(learner=application.learner_id).values_list(
            "action", flat=True
        )
    )
    assert actions == {"application_deleted", "cancelled"}
    assert not AuditEvent.objects.exclude(actor=admin_user).exists()


def test_full_user_application_not_deleted(admin_client, application):
    learner = application.learner
    learner.status = Learner.Status.FULL_USER
    learner.save()
    page = admin_client.get(url(application)).content.decode()
    assert "cannot be marked Cancelled" in page

    response = admin_client.post(url(application), follow=True)

    assert "The application was not deleted." in response.content.decode()
    assert JobApplication.objects.filter(pk=application.pk).exists()
    learner.refresh_from_db()
    assert learner.status == Learner.Status.FULL_USER


def test_viewer_cannot_delete(client, viewer, application):
    client.force_login(viewer)

    assert client.get(url(application)).status_code == 403
    assert client.post(url(application)).status_code == 403
    assert JobApplication.objects.filter(pk=application.pk).exists()


def test_application_of_other_learner_is_404(admin_client, tenant, application):
    from .factories import make_learner

    other = make_learner(tenant, email="other@example.com")

    response = admin_client.post(
        f"/learners/{other.pk}/applications/{application.pk}/delete/"
    )

    assert response.status_code == 404
    assert JobApplication.objects.filter(pk=application.pk).exists()
