"""Staff hear of each new application by email, once it is committed."""

import pytest
from django.core import mail

from recruitment.applications.services import submit_application
from recruitment.tenancy.models import User

from .helpers import applicant, apply_url


def cleaned(**fields):
    data = applicant(**fields)
    data["postcode"] = "BS6 6AA"
    return data


def make_admin(tenant, email, **fields):
    return User.objects.create_user(
        email, None, tenant=tenant, role=User.Role.ADMIN, **fields
    )


@pytest.mark.django_db(transaction=True)
def test_owner_is_emailed_after_commit(client, job, recruiter, admin_user):
    job.owner = recruiter
    job.save()

    client.post(apply_url(job), applicant())

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["recruiter@harbour.example"]
    assert message.subject == "New application for Plumbing Apprentice"
    assert "Jo Hughes has applied for Plumbing Apprentice" in message.body
    assert "jo.hughes@example.org" in message.body
    html = message.alternatives[0].content
    assert "<strong>Plumbing Apprentice</strong>" in html


@pytest.mark.django_db(transaction=True)
def test_admins_are_emailed_without_owner(
    client, tenant, job, admin_user, recruiter, viewer, outsider
):
    make_admin(tenant, "second.admin@harbour.example")
    make_admin(tenant, "former.admin@harbour.example", is_active=False)

    client.post(apply_url(job), applicant())

    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == [
        "admin@harbour.example",
        "second.admin@harbour.example",
    ]


@pytest.mark.django_db
def test_email_waits_for_commit(job, admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_application(job, cleaned(), None)

    assert mail.outbox == []
    assert len(callbacks) == 1

    callbacks[0]()

    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_duplicate_sends_no_email(
    client, job, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_url(job), applicant())
        client.post(apply_url(job), applicant())

    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_inactive_owner_passes_to_admins(client, job, recruiter, admin_user):
    recruiter.is_active = False
    recruiter.save()
    job.owner = recruiter
    job.save()

    client.post(apply_url(job), applicant())

    assert mail.outbox[0].to == ["admin@harbour.example"]
