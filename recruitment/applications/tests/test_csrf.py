"""The form needs Django's CSRF token, like every other POST."""

import pytest
from django.test import Client

from recruitment.learners.models import Learner

from .helpers import applicant, apply_url

pytestmark = pytest.mark.django_db


def test_post_without_token_is_rejected(job):
    client = Client(enforce_csrf_checks=True)

    response = client.post(apply_url(job), applicant())

    assert response.status_code == 403
    assert not Learner.objects.exists()


def test_post_with_token_from_form_is_accepted(job):
    client = Client(enforce_csrf_checks=True)
    client.get(apply_url(job))
    token = client.cookies["csrftoken"].value

    response = client.post(
        apply_url(job), {**applicant(), "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    assert Learner.objects.count() == 1
