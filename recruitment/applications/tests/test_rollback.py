"""A submission that fails part-way leaves no rows and no files behind."""

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models.signals import post_save

from recruitment.applications.models import JobApplication
from recruitment.applications.services import submit_application
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.models import User

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url, stored_files
from .storages import FailingStorage

pytestmark = pytest.mark.django_db(transaction=True)


def assert_nothing_left(cv_root):
    assert not User.objects.filter(role=User.Role.LEARNER).exists()
    assert not Learner.objects.exists()
    assert not CV.objects.exists()
    assert not JobApplication.objects.exists()
    assert stored_files(cv_root) == []


def cleaned(**fields):
    data = applicant(**fields)
    data["postcode"] = "BS6 6AA"
    return data


@pytest.fixture
def failing_storage(settings, cv_root):
    settings.STORAGES = {
        **settings.STORAGES,
        "cvs": {
            "BACKEND": "recruitment.applications.tests.storages.FailingStorage",
            "OPTIONS": {"location": cv_root},
        },
    }
    storages._storages = {}
    FailingStorage.partial_paths.clear()
    yield
    storages._storages = {}


@pytest.fixture
def failing_application_insert():
    def fail(sender, instance, created, **kwargs):
        raise DatabaseError("simulated failure of the job application insert")

    post_save.connect(fail, sender=JobApplication, dispatch_uid="test-failure")
    yield
    post_save.disconnect(sender=JobApplication, dispatch_uid="test-failure")


def test_storage_failure_leaves_nothing(job, cv_root, failing_storage):
    cv = upload("cv.pdf", make_pdf(size=50_000), PDF_CONTENT_TYPE)

    with pytest.raises(OSError, match="simulated"):
        submit_application(job, cleaned(), cv)

    assert len(FailingStorage.partial_paths) == 1
    assert FailingStorage.partial_paths[0].startswith(str(cv_root))
    assert_nothing_left(cv_root)


def test_storage_failure_through_form_leaves_nothing(
    client, job, cv_root, failing_storage
):
    cv = upload("cv.pdf", make_pdf(size=50_000), PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv, first_name="Jo"))

    assert response.status_code == 503
    body = response.content.decode()
    assert "Your application was not sent" in body
    assert 'value="Jo"' in body
    assert_nothing_left(cv_root)


def test_database_failure_through_form_is_explained(
    client, job, cv_root, failing_application_insert
):
    cv = upload("cv.pdf", make_pdf(), PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert response.status_code == 503
    assert "nothing was kept" in response.content.decode()
    assert_nothing_left(cv_root)


def test_database_failure_after_cv_leaves_nothing(
    job, cv_root, failing_application_insert
):
    cv = upload("cv.pdf", make_pdf(), PDF_CONTENT_TYPE)

    with pytest.raises(DatabaseError, match="simulated"):
        submit_application(job, cleaned(), cv)

    assert_nothing_left(cv_root)


def test_other_integrity_error_is_not_a_duplicate(job, cv_root):
    def fail(sender, instance, created, **kwargs):
        raise IntegrityError("simulated constraint failure")

    post_save.connect(fail, sender=JobApplication, dispatch_uid="test-integrity")
    try:
        with pytest.raises(IntegrityError, match="simulated"):
            submit_application(
                job, cleaned(), upload("cv.pdf", make_pdf(), PDF_CONTENT_TYPE)
            )
    finally:
        post_save.disconnect(sender=JobApplication, dispatch_uid="test-integrity")

    assert_nothing_left(cv_root)


def test_failed_submission_sends_no_email(job, cv_root, failing_application_insert):
    with pytest.raises(DatabaseError):
        submit_application(job, cleaned(), None)

    assert mail.outbox == []


def test_service_rejects_outer_transaction(job, cv_root):
    with pytest.raises(RuntimeError), transaction.atomic():
        submit_application(job, cleaned(), None)

    assert_nothing_left(cv_root)
