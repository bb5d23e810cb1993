import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from recruitment.core.crypto import encrypt
from recruitment.learners import services, status
from recruitment.learners.invitations import hash_token
from recruitment.learners.models import AuditEvent, Invitation, Learner
from recruitment.learners.tasks import send_invitation_email

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
LINK = re.compile(r"http://testserver\.example/learners/invitations/([\w-]+)/")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver.example"


@pytest.fixture
def owned_learner(learner, recruiter):
    learner.case_owner = recruiter
    learner.save()
    return learner


def url(learner):
    return f"/learners/{learner.pk}/invitation/"


def invite(client, learner, capture):
    with capture(execute=True):
        return client.post(url(learner), follow=True)


def test_button_absent_without_case_owner(admin_client, learner):
    content = admin_client.get(f"/learners/{learner.pk}/").content.decode()

    assert "Send invitation" not in content
    assert "Set a case owner to send an invitation." in content


def test_button_present_with_case_owner(admin_client, owned_learner):
    content = admin_client.get(f"/learners/{owned_learner.pk}/").content.decode()

    assert "Send invitation" in content


def test_post_without_case_owner_is_refused(
    admin_client, learner, django_capture_on_commit_callbacks
):
    response = invite(admin_client, learner, django_capture_on_commit_callbacks)

    assert "Set a case owner before sending an invitation." in (
        response.content.decode()
    )
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    learner.refresh_from_db()
    assert learner.status == Learner.Status.PROSPECT


def test_send_invitation(
    admin_client, admin_user, owned_learner, django_capture_on_commit_callbacks
):
    before = timezone.now()
    response = invite(admin_client, owned_learner, django_capture_on_commit_callbacks)

    assert "Invitation sent to" in response.content.decode()
    owned_learner.refresh_from_db()
    assert owned_learner.status == Learner.Status.INVITED
    invitation = Invitation.objects.get()
    assert invitation.learner == owned_learner
    assert invitation.tenant == owned_learner.tenant
    assert invitation.sent_by == admin_user
    assert invitation.expires_at >= before + datetime.timedelta(days=7)
    assert invitation.expires_at <= timezone.now() + datetime.timedelta(days=7)
    event = AuditEvent.objects.get(learner=owned_learner)
    assert event.action == "invitation_sent"
    assert event.actor == admin_user


def test_email_carries_link_whose_hash_is_stored(
    admin_client, owned_learner, django_capture_on_commit_callbacks
):
    invite(admin_client, owned_learner, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owned_learner.user.email]
    assert "Activate your account" in message.subject
    token = LINK.search(message.body).group(1)
    assert LINK.search(message.alternatives[0][0]).group(1) == token
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash


def test_valid_days_setting_sets_expiry(
    settings, admin_user, owned_learner, django_capture_on_commit_callbacks
):
    settings.INVITATION_VALID_DAYS = 2
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        invitation, _ = services.send_invitation(owned_learner, admin_user, now=now)

    assert invitation.expires_at == now + datetime.timedelta(days=2)


def test_email_waits_for_commit(
    admin_user, owned_learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.send_invitation(owned_learner, admin_user)

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_hostile_name_escaped_in_html_email(
    admin_client, owned_learner, django_capture_on_commit_callbacks
):
    owned_learner.user.first_name = HOSTILE_NAME
    owned_learner.user.save()

    invite(admin_client, owned_learner, django_capture_on_commit_callbacks)

    html = mail.outbox[0].alternatives[0][0]
    assert HOSTILE_NAME not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # Plain text is never rendered as markup, so it keeps the name as typed.
    assert HOSTILE_NAME in mail.outbox[0].body


def test_resend_revokes_old_link(
    admin_client, owned_learner, django_capture_on_commit_callbacks
):
    invite(admin_client, owned_learner, django_capture_on_commit_callbacks)
    content = admin_client.get(f"/learners/{owned_learner.pk}/").content.decode()
    assert "Resend invitation" in content

    invite(admin_client, owned_learner, django_capture_on_commit_callbacks)

    old, new = (LINK.search(message.body).group(1) for message in mail.outbox)
    assert old != new
    first, second = Invitation.objects.order_by("id")
    assert first.revoked_at is not None
    assert second.revoked_at is None
    assert AuditEvent.objects.filter(action="invitation_resent").count() == 1


def test_old_link_dead_after_resend(
    client, admin_user, owned_learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _, old_token = services.send_invitation(owned_learner, admin_user)
        _, new_token = services.send_invitation(owned_learner, admin_user)

    old_page = client.get(f"/learners/invitations/{old_token}/")
    new_page = client.get(f"/learners/invitations/{new_token}/")

    assert old_page.status_code == 410
    assert "ask your training provider for a new invitation" in (
        old_page.content.decode()
    )
    assert new_page.status_code == 200


def test_expired_learner_can_be_invited_again(
    admin_client, owned_learner, django_capture_on_commit_callbacks
):
    owned_learner.status = Learner.Status.EXPIRED
    owned_learner.save()

    invite(admin_client, owned_learner, django_capture_on_commit_callbacks)

    owned_learner.refresh_from_db()
    assert owned_learner.status == Learner.Status.INVITED
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("state", [Learner.Status.CANCELLED, Learner.Status.FULL_USER])
def test_learner_in_state_cannot_be_invited(
    admin_client, owned_learner, django_capture_on_commit_callbacks, state
):
    owned_learner.status = state
    owned_learner.save()
    content = admin_client.get(f"/learners/{owned_learner.pk}/").content.decode()
    assert "Send invitation" not in content

    response = invite(admin_client, owned_learner, django_capture_on_commit_callbacks)

    assert f"cannot move from {state.label} to Invited" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    owned_learner.refresh_from_db()
    assert owned_learner.status == state


def test_service_raises_for_cancelled(admin_user, owned_learner):
    owned_learner.status = Learner.Status.CANCELLED
    owned_learner.save()

    with pytest.raises(status.StatusMoveError):
        services.send_invitation(owned_learner, admin_user)


def test_viewer_cannot_invite(client, viewer, owned_learner):
    client.force_login(viewer)

    response = client.post(url(owned_learner))

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_task_skips_revoked_invitation(
    admin_user, owned_learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        invitation, token = services.send_invitation(owned_learner, admin_user)
    invitation.revoked_at = timezone.now()
    invitation.save()

    sent = send_invitation_email.call(invitation.pk, encrypt(token))

    assert sent is False
    assert mail.outbox == []


def test_task_skips_wrong_token(
    admin_user, owned_learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        invitation, _ = services.send_invitation(owned_learner, admin_user)

    sent = send_invitation_email.call(invitation.pk, encrypt("not-the-token"))

    assert sent is False
    assert mail.outbox == []
