from recruitment.learners.models import AuditEvent, Learner


def url(learner):
    return f"/learners/{learner.pk}/reinstate/"


def test_reinstate_cancelled_learner(admin_client, admin_user, application):
    admin_client.post(
        f"/learners/{application.learner_id}/applications/{application.pk}/delete/"
    )
    learner = Learner.objects.get(pk=application.learner_id)
    page = admin_client.get(f"/learners/{learner.pk}/").content.decode()
    assert "Reinstate" in page

    response = admin_client.post(url(learner))

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.status == Learner.Status.PROSPECT
    event = AuditEvent.objects.get(learner=learner, action="reinstated")
    assert event.actor == admin_user


def test_reinstate_prospect_is_refused(admin_client, learner):
    response = admin_client.post(url(learner), follow=True)

    assert "cannot move from Prospect to Prospect" in response.content.decode()
    learner.refresh_from_db()
    assert learner.status == Learner.Status.PROSPECT


def test_reinstate_button_only_when_cancelled(admin_client, learner):
    page = admin_client.get(f"/learners/{learner.pk}/").content.decode()

    assert "Reinstate" not in page


def test_viewer_cannot_reinstate(client, viewer, learner):
    learner.status = Learner.Status.CANCELLED
    learner.save()
    client.force_login(viewer)

    assert client.post(url(learner)).status_code == 403
    learner.refresh_from_db()
    assert learner.status == Learner.Status.CANCELLED
