"""After applying, the message above the sign-in form says no sign-in is needed."""

import pytest

from .helpers import applicant, apply_url

pytestmark = pytest.mark.django_db


def test_message_names_job_and_provider(client, tenant, job):
    response = client.post(apply_url(job), applicant(), follow=True)

    page = response.content.decode()
    assert "Your application has been received." in page
    assert "You do not need to sign in now." in page
    assert f"{tenant.name} will contact you by email about {job.title}." in page


def test_message_escapes_job_title(client, job):
    job.title = "<b>Chef</b> Apprentice"
    job.save()

    page = client.post(apply_url(job), applicant(), follow=True).content.decode()

    assert "about &lt;b&gt;Chef&lt;/b&gt; Apprentice." in page
    assert "<b>Chef</b>" not in page


def test_honeypot_gets_same_message(client, tenant, job):
    response = client.post(
        apply_url(job), applicant(website="https://spam.example"), follow=True
    )

    page = response.content.decode()
    assert "You do not need to sign in now." in page
    assert f"{tenant.name} will contact you by email about {job.title}." in page
