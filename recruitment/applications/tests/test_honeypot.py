"""A filled honeypot looks like success to the sender and creates nothing."""

import pytest
from django.core import mail
from django.urls import reverse

from recruitment.learners.models import Learner
from recruitment.tenancy.models import User

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url, stored_files


@pytest.mark.django_db(transaction=True)
def test_filled_honeypot_creates_nothing(client, tenant, job, admin_user, cv_root):
    cv = upload("cv.pdf", make_pdf(), PDF_CONTENT_TYPE)

    response = client.post(
        apply_url(job), applicant(website="https://spam.example", cv=cv), follow=True
    )

    sign_in = reverse("tenancy:sign_in", kwargs={"slug": tenant.slug})
    assert response.redirect_chain == [(sign_in, 302)]
    assert "Your application has been received." in response.content.decode()
    assert not User.objects.filter(role=User.Role.LEARNER).exists()
    assert not Learner.objects.exists()
    assert stored_files(cv_root) == []
    assert mail.outbox == []


@pytest.mark.django_db
def test_blank_honeypot_is_ignored(client, job):
    response = client.post(apply_url(job), applicant(website="   "))

    assert response.status_code == 302
    assert Learner.objects.count() == 1
