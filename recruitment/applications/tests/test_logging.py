"""Logs name applications by id and never carry the applicant's details."""

import logging

import pytest

from recruitment.applications.models import JobApplication

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url


@pytest.mark.django_db(transaction=True)
def test_logs_hold_ids_not_personal_data(client, job, admin_user, caplog):
    caplog.set_level(logging.DEBUG)
    cv = upload("Jo Hughes CV.pdf", make_pdf(), PDF_CONTENT_TYPE)

    client.post(apply_url(job), applicant(cv=cv))

    application = JobApplication.objects.get()
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert f"Application {application.pk} received for job {job.pk}" in text
    for personal in ("Hughes", "jo.hughes", "07700", "Mill Lane", "BS6"):
        assert personal not in text
