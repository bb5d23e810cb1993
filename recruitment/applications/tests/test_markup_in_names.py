"""Markup typed into the form is kept as text and never runs anywhere."""

import pytest
from django.core import mail

from recruitment.learners.models import Learner
from recruitment.tenancy.models import User

from .helpers import applicant, apply_url

FIRST = "<img src=x onerror=alert(1)>"
LAST = '"><script>alert(2)</script>'
ADDRESS = "<svg onload=alert(3)>"


def hostile(**fields):
    return applicant(first_name=FIRST, last_name=LAST, address_line1=ADDRESS, **fields)


@pytest.mark.django_db
def test_markup_is_stored_as_typed(client, job):
    response = client.post(apply_url(job), hostile())

    assert response.status_code == 302
    user = User.objects.get(role=User.Role.LEARNER)
    assert user.first_name == FIRST
    assert user.last_name == LAST
    assert Learner.objects.get().address_line1 == ADDRESS


@pytest.mark.django_db
def test_markup_is_escaped_on_form_page(client, job):
    response = client.post(apply_url(job), hostile(email="not-an-email"))

    page = response.content.decode()
    assert "<script>alert(2)" not in page
    assert "<img src=x" not in page
    assert "<svg onload" not in page
    assert 'value="&lt;img src=x onerror=alert(1)&gt;"' in page
    assert "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page


@pytest.mark.django_db(transaction=True)
def test_markup_is_escaped_in_staff_email(client, job, admin_user):
    client.post(apply_url(job), hostile())

    message = mail.outbox[0]
    html = message.alternatives[0].content
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert f"{FIRST} {LAST} has applied" in message.body


@pytest.mark.django_db
def test_job_text_is_escaped_on_form_page(client, job):
    job.title = "Baker <script>alert(4)</script>"
    job.description = "<b>Great</b> team"
    job.save()

    page = client.get(apply_url(job)).content.decode()

    assert "<script>alert(4)" not in page
    assert "&lt;b&gt;Great&lt;/b&gt;" in page
