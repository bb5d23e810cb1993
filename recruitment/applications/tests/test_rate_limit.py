"""Too many submissions from one address, or to one job, get a 429 page.

An address has two limits: every POST counts towards the attempts limit, and
only accepted applications count towards the applications limit.
"""

import pytest

from recruitment.learners.models import Learner

from .helpers import applicant, apply_url, make_open_job

pytestmark = pytest.mark.django_db


def post(client, job, number, address="203.0.113.7"):
    return client.post(
        apply_url(job),
        applicant(email=f"applicant{number}@example.org"),
        REMOTE_ADDR=address,
    )


def test_address_over_limit_gets_429(client, job, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "2/d"

    outcomes = [post(client, job, number).status_code for number in range(3)]

    assert outcomes == [302, 302, 429]
    assert Learner.objects.count() == 2


def test_invalid_posts_do_not_block_valid_one(client, job, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "20/h"
    settings.APPLICATION_ATTEMPT_RATE_PER_ADDRESS = "120/h"
    invalid = applicant(first_name="", email="not an email")

    failed = [
        client.post(apply_url(job), invalid, REMOTE_ADDR="203.0.113.7").status_code
        for _ in range(25)
    ]
    response = post(client, job, 1)

    assert failed == [200] * 25
    assert response.status_code == 302
    assert Learner.objects.count() == 1


def test_21st_accepted_application_gets_429(client, job, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "20/h"
    settings.APPLICATION_ATTEMPT_RATE_PER_ADDRESS = "120/h"

    accepted = [post(client, job, number).status_code for number in range(20)]
    response = post(client, job, 20)

    assert accepted == [302] * 20
    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert "has not been sent" in response.content.decode()
    assert Learner.objects.count() == 20
    assert not Learner.objects.filter(user__email="applicant20@example.org").exists()


def test_attempts_over_limit_get_429(client, job, settings):
    settings.APPLICATION_ATTEMPT_RATE_PER_ADDRESS = "3/d"
    invalid = applicant(first_name="")

    outcomes = [
        client.post(apply_url(job), invalid, REMOTE_ADDR="203.0.113.7").status_code
        for _ in range(3)
    ]
    response = post(client, job, 1)

    assert outcomes == [200, 200, 200]
    assert response.status_code == 429
    assert Learner.objects.count() == 0


def test_honeypot_counts_as_accepted(client, job, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "1/d"
    client.post(
        apply_url(job),
        applicant(website="https://spam.example"),
        REMOTE_ADDR="203.0.113.7",
    )

    response = post(client, job, 1)

    assert response.status_code == 429
    assert Learner.objects.count() == 0


def test_limited_page_is_friendly(client, job, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "1/d"
    post(client, job, 1)

    response = post(client, job, 2)

    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert "has not been sent" in response.content.decode()


def test_other_address_is_not_limited(client, job, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "1/d"
    post(client, job, 1, address="203.0.113.7")

    response = post(client, job, 2, address="198.51.100.4")

    assert response.status_code == 302


def test_reading_the_form_is_not_limited(client, job, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "1/d"
    post(client, job, 1)

    responses = [client.get(apply_url(job)) for _ in range(3)]

    assert [response.status_code for response in responses] == [200, 200, 200]


def test_job_over_limit_gets_429(client, tenant, job, settings):
    settings.APPLICATION_RATE_PER_JOB = "2/d"
    other_job = make_open_job(tenant, title="Trainee Chef")

    outcomes = [
        post(client, job, number, address=f"203.0.113.{number}").status_code
        for number in range(3)
    ]
    other = post(client, other_job, 9, address="203.0.113.99")

    assert outcomes == [302, 302, 429]
    assert other.status_code == 302
