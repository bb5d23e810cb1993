"""The database connection dies in the middle of a submission: the response
is a server error rather than the "received" redirect, and nothing is left
half-written (no user, learner, application, CV row or CV file)."""

import time

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test import Client

from recruitment.applications.models import JobApplication
from recruitment.applications.tests.files import make_pdf, upload
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.emails import email_key
from recruitment.tenancy.models import User

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

EMAIL = "jo.hughes@example.com"


def terminate_own_backend():
    """End this connection's server process from a second connection."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()

    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            # pg_terminate_backend only sends the signal, so wait for the
            # exit: then the next statement of the submission must fail.
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
                if cursor.fetchone() is None:
                    return
                time.sleep(0.02)
        raise AssertionError(f"Backend {pid} was still running after 10 s.")
    finally:
        other.close()


@pytest.fixture
def kill_connection_after_save():
    """Connect a post_save receiver that kills the connection, once."""
    connected = []

    def connect(model):
        def receiver(sender, **kwargs):
            post_save.disconnect(receiver, sender=model)
            terminate_own_backend()

        post_save.connect(receiver, sender=model, weak=False)
        connected.append((receiver, model))

    yield connect
    for receiver, model in connected:
        post_save.disconnect(receiver, sender=model)


@pytest.mark.parametrize("model", [User, Learner, CV, JobApplication])
def test_lost_connection_leaves_nothing(
    model, kill_connection_after_save, open_job, _private_cv_storage
):
    kill_connection_after_save(model)
    client = Client(raise_request_exception=False)

    response = client.post(
        open_job.application_path,
        {
            "first_name": "Jo",
            "last_name": "Hughes",
            "email": EMAIL,
            "cv": upload("cv.pdf", make_pdf(size=20 * 1024), "application/pdf"),
        },
    )

    assert response.status_code >= 500
    connection.close()
    assert not User.objects.filter(email_key=email_key(EMAIL)).exists()
    assert Learner.objects.count() == 0
    assert JobApplication.objects.count() == 0
    assert CV.objects.count() == 0
    assert [path for path in _private_cv_storage.rglob("*") if path.is_file()] == []
