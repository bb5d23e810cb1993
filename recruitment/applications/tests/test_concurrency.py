"""Simultaneous submissions with one address: exactly one of them wins.

These run on PostgreSQL, where the requests really overlap; SQLite runs one
writer at a time, so the race cannot happen there.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from recruitment.applications.models import JobApplication
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.models import User

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url, stored_files

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

WARNING = "This portal requires a unique email"


def post_at_once(job, count, cv_content):
    """Post the same application from `count` threads released together."""
    barrier = threading.Barrier(count)
    responses = [None] * count
    errors = []

    def send(index):
        try:
            cv = upload("cv.pdf", cv_content, PDF_CONTENT_TYPE)
            client = Client(raise_request_exception=True)
            barrier.wait(timeout=30)
            responses[index] = client.post(apply_url(job), applicant(cv=cv))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return responses, errors


def assert_one_winner(responses, errors, cv_root):
    assert errors == []
    statuses = [response.status_code for response in responses]
    assert statuses.count(302) == 1
    for response in responses:
        if response.status_code != 302:
            assert response.status_code == 200
            assert WARNING in response.content.decode()
    assert User.objects.filter(role=User.Role.LEARNER).count() == 1
    assert Learner.objects.count() == 1
    assert JobApplication.objects.count() == 1
    assert CV.objects.count() == 1
    assert stored_files(cv_root) == [CV.objects.get().file.name]


def test_double_click_creates_one_application(job, cv_root, settings):
    responses, errors = post_at_once(job, 2, make_pdf(size=150 * 1024))

    assert_one_winner(responses, errors, cv_root)


def test_fifty_simultaneous_posts_create_one(job, cv_root, settings):
    settings.APPLICATION_RATE_PER_ADDRESS = "1000/h"

    responses, errors = post_at_once(job, 50, make_pdf(size=20 * 1024))

    assert_one_winner(responses, errors, cv_root)
