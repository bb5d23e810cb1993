"""CVs sent with the form: judged by content, limited in size."""

import pytest
from django.conf import settings as live_settings

from recruitment.applications.models import JobApplication
from recruitment.learners.models import CV, Learner

from .files import (
    DOCX_CONTENT_TYPE,
    HTML_WITH_SCRIPT,
    PDF_CONTENT_TYPE,
    PHP_TEXT,
    make_docx,
    make_pdf,
    upload,
)
from .helpers import applicant, apply_url, stored_files

pytestmark = pytest.mark.django_db


def assert_cv_rejected(response, cv_root, message):
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="field field-error" id="field-cv"' in page
    assert message in page
    assert 'value="Jo"' in page
    assert 'value="jo.hughes@example.org"' in page
    assert not Learner.objects.exists()
    assert not CV.objects.exists()
    assert stored_files(cv_root) == []


def test_pdf_name_with_php_is_rejected(client, job, cv_root):
    cv = upload("cv.pdf", PHP_TEXT, PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert_cv_rejected(response, cv_root, "contains web page or program code")


def test_pdf_name_with_html_is_rejected(client, job, cv_root):
    cv = upload("cv.pdf", HTML_WITH_SCRIPT, PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert_cv_rejected(response, cv_root, "contains web page or program code")


def test_html_file_is_rejected(client, job, cv_root):
    cv = upload("cv.html", HTML_WITH_SCRIPT, "text/html")

    response = client.post(apply_url(job), applicant(cv=cv))

    assert_cv_rejected(response, cv_root, "this file&#x27;s name ends in .html")


def test_docx_sent_as_octet_stream_is_accepted(client, job, cv_root):
    cv = upload("cv.docx", make_docx(), "application/octet-stream")

    response = client.post(apply_url(job), applicant(cv=cv))

    assert response.status_code == 302
    stored = CV.objects.get()
    assert stored.file_type == "docx"
    assert stored_files(cv_root) == [stored.file.name]


def test_pdf_sent_as_download_is_accepted(client, job, cv_root):
    cv = upload("cv.pdf", make_pdf(), "application/x-download")

    response = client.post(apply_url(job), applicant(cv=cv))

    assert response.status_code == 302
    assert CV.objects.get().file_type == "pdf"


def test_declared_type_cannot_make_html_a_docx(client, job, cv_root):
    cv = upload("cv.docx", HTML_WITH_SCRIPT, DOCX_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert_cv_rejected(response, cv_root, "contains web page or program code")


def test_pdf_over_limit_is_rejected(client, job, cv_root):
    limit = live_settings.CV_MAX_BYTES
    cv = upload("cv.pdf", make_pdf(size=limit + 1), PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert_cv_rejected(
        response,
        cv_root,
        "The CV is too large: this file is 5.1 MB and the limit is 5 MB.",
    )


def test_smaller_pdf_after_too_large_is_accepted(client, job, cv_root):
    limit = live_settings.CV_MAX_BYTES
    too_large = upload("cv.pdf", make_pdf(size=limit + 1), PDF_CONTENT_TYPE)
    smaller = upload("cv.pdf", make_pdf(size=300 * 1024), PDF_CONTENT_TYPE)

    rejected = client.post(apply_url(job), applicant(cv=too_large))
    accepted = client.post(apply_url(job), applicant(cv=smaller))

    assert rejected.status_code == 200
    assert accepted.status_code == 302
    assert CV.objects.get().size == 300 * 1024
    assert len(stored_files(cv_root)) == 1


def test_pdf_of_exactly_limit_is_accepted(client, job, cv_root):
    limit = live_settings.CV_MAX_BYTES
    cv = upload("cv.pdf", make_pdf(size=limit), PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert response.status_code == 302
    assert CV.objects.get().size == limit
    assert (cv_root / CV.objects.get().file.name).stat().st_size == limit


def test_two_megabyte_pdf_passes_real_limits(client, job, cv_root):
    # The request limits of the real settings, not ones set for this test.
    assert live_settings.CV_MAX_BYTES >= 2 * 1024 * 1024
    assert live_settings.DATA_UPLOAD_MAX_MEMORY_SIZE > live_settings.CV_MAX_BYTES
    cv = upload("cv.pdf", make_pdf(size=2 * 1024 * 1024), PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert response.status_code == 302
    assert JobApplication.objects.get().cv.size == 2 * 1024 * 1024
    assert len(stored_files(cv_root)) == 1


def test_limit_follows_settings(client, job, cv_root, settings):
    settings.CV_MAX_BYTES = 1000
    cv = upload("cv.pdf", make_pdf(size=1001), PDF_CONTENT_TYPE)

    response = client.post(apply_url(job), applicant(cv=cv))

    assert_cv_rejected(
        response, cv_root, "this file is 1001 bytes and the limit is 1000 bytes"
    )
