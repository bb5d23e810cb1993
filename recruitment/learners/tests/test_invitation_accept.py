import datetime

import pytest
from django.utils import timezone

from recruitment.learners import services
from recruitment.learners.models import AuditEvent, Learner

from .factories import make_applicant, make_job

NEW_PASSWORD = "violet-harbour-lantern-42"


@pytest.fixture
def invited(learner, recruiter, admin_user, django_capture_on_commit_callbacks):
    learner.case_owner = recruiter
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = services.send_invitation(learner, admin_user)
    return learner, invitation, token


def link(token):
    return f"/learners/invitations/{token}/"


def accept(client, token, password=NEW_PASSWORD, confirm=None):
    return client.post(
        link(token),
        {"new_password1": password, "new_password2": confirm or password},
    )


def test_link_shows_password_form(client, invited):
    learner, _, token = invited

    response = client.get(link(token))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Activate your account with Harbour College" in content
    assert learner.user.email in content
    assert 'name="new_password1"' in content
    assert 'name="new_password2"' in content


def test_link_page_hides_token_from_referrer(client, invited):
    response = client.get(link(invited[2]))

    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"]


def test_accept_signs_in_full_user(client, invited):
    learner, invitation, token = invited

    response = accept(client, token)

    assert response.status_code == 302
    assert response["Location"] == "/learners/me/"
    learner.refresh_from_db()
    invitation.refresh_from_db()
    assert learner.status == Learner.Status.FULL_USER
    assert invitation.used_at is not None
    assert learner.user.check_password(NEW_PASSWORD)
    assert client.get("/learners/me/").status_code == 200


def test_accept_writes_audit_event(client, invited):
    learner, _, token = invited

    accept(client, token)

    event = AuditEvent.objects.get(learner=learner, action="invitation_accepted")
    assert event.actor == learner.user


def test_new_password_signs_in_on_tenant_page(client, tenant, invited):
    learner, _, token = invited
    accept(client, token)
    client.logout()

    response = client.post(
        f"/t/{tenant.slug}/sign-in/",
        {"email": learner.user.email, "password": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert client.get("/").url == "/learners/me/"


def test_link_works_once(client, invited):
    learner, _, token = invited
    accept(client, token)
    client.logout()

    second_view = client.get(link(token))
    second_post = accept(client, token, password="another-fine-password-9")

    assert second_view.status_code == 410
    assert "already been used" in second_view.content.decode()
    assert second_post.status_code == 410
    learner.refresh_from_db()
    assert learner.user.check_password(NEW_PASSWORD)


def test_service_refuses_second_use(invited):
    _, _, token = invited
    services.accept_invitation(token, NEW_PASSWORD)

    with pytest.raises(services.ApplicantActionError, match="already been used"):
        services.accept_invitation(token, "another-fine-password-9")


def test_mismatched_passwords_are_an_error(client, invited):
    learner, _, token = invited

    response = accept(client, token, confirm="something-else-entirely-7")

    assert response.status_code == 200
    errors = response.context["form"].errors["new_password2"]
    assert errors == [
        "The two passwords are different. Type the same password in both boxes."
    ]
    learner.refresh_from_db()
    assert learner.status == Learner.Status.INVITED


def test_weak_password_fails_validators(client, invited):
    learner, invitation, token = invited

    response = accept(client, token, password="12345")

    errors = response.context["form"].errors["new_password1"]
    assert any("too short" in error for error in errors)
    assert any("entirely numeric" in error for error in errors)
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_password_of_spaces_is_refused(client, invited):
    learner, invitation, token = invited

    response = accept(client, token, password=" " * 10)

    errors = response.context["form"].errors["new_password1"]
    assert errors == [
        "Enter a password with letters, numbers or symbols, not only spaces."
    ]
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_service_validates_password(invited):
    from django.core.exceptions import ValidationError

    _, invitation, token = invited

    with pytest.raises(ValidationError):
        services.accept_invitation(token, "password")

    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_expired_link_page_and_status(client, invited):
    learner, invitation, token = invited
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()

    response = client.get(link(token))

    assert response.status_code == 410
    content = response.content.decode()
    assert "This invitation link has expired." in content
    assert "Ask your training provider for a new invitation." in content
    learner.refresh_from_db()
    assert learner.status == Learner.Status.EXPIRED
    event = AuditEvent.objects.get(learner=learner, action="invitation_expired")
    assert event.actor is None


def test_expired_link_moves_status_once(client, invited):
    learner, invitation, token = invited
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()

    client.get(link(token))
    client.get(link(token))
    accept(client, token)

    assert AuditEvent.objects.filter(action="invitation_expired").count() == 1
    learner.refresh_from_db()
    assert learner.status == Learner.Status.EXPIRED


def test_service_refuses_after_expiry(invited):
    _, invitation, token = invited
    later = invitation.expires_at + datetime.timedelta(seconds=1)

    with pytest.raises(services.ApplicantActionError, match="expired"):
        services.accept_invitation(token, NEW_PASSWORD, now=later)


def test_service_accepts_just_before_expiry(invited):
    learner, invitation, token = invited
    just_before = invitation.expires_at - datetime.timedelta(seconds=1)

    services.accept_invitation(token, NEW_PASSWORD, now=just_before)

    learner.refresh_from_db()
    assert learner.status == Learner.Status.FULL_USER


def test_expired_learner_new_invitation_works(
    client, admin_user, invited, django_capture_on_commit_callbacks
):
    learner, invitation, token = invited
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()
    client.get(link(token))

    with django_capture_on_commit_callbacks(execute=True):
        _, new_token = services.send_invitation(learner, admin_user)
    response = accept(client, new_token)

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.status == Learner.Status.FULL_USER


def test_unknown_token_page(client, db):
    response = client.get(link("no-such-token"))

    assert response.status_code == 404
    assert "ask your training provider for a new invitation" in (
        response.content.decode()
    )


def test_overlong_token_page(client, db):
    assert client.get(link("x" * 500)).status_code == 404


def test_cancelled_learner_link_is_dead(client, admin_user, invited):
    learner, invitation, token = invited
    application = learner.applications.get()
    services.delete_application_and_cancel(application, admin_user)

    response = accept(client, token)

    assert response.status_code == 410
    learner.refresh_from_db()
    assert learner.status == Learner.Status.CANCELLED
    assert not learner.user.check_password(NEW_PASSWORD)
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_my_applications_lists_own_applications(client, tenant, invited):
    learner, _, token = invited
    second_job = make_job(tenant, title="Apprentice plumber")
    from .factories import make_application

    make_application(second_job, learner)
    make_applicant(second_job, first_name="Someone", last_name="Else")
    accept(client, token)

    response = client.get("/learners/me/")

    content = response.content.decode()
    applications = list(response.context["applications"])
    assert len(applications) == 2
    assert "Apprentice baker" in content
    assert "Apprentice plumber" in content
    assert "Harbour Lane Bakery Ltd" in content
    assert "Applied" in content
    assert "Someone" not in content


def test_my_applications_needs_sign_in(client, db):
    response = client.get("/learners/me/")

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_my_applications_is_not_for_staff(admin_client):
    assert admin_client.get("/learners/me/").status_code == 404


def test_accept_passes_csrf_check(invited):
    from django.test import Client

    _, _, token = invited
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(link(token))
    csrf_token = page.context["csrf_token"]

    response = browser.post(
        link(token),
        {
            "csrfmiddlewaretoken": str(csrf_token),
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        headers={"Origin": "http://testserver"},
    )

    assert response.status_code == 302
