"""A closed job shows that it is closed and takes no applications."""

import datetime

import pytest

from recruitment.jobs.models import Job
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.models import User

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url, london_today, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["past_closing_date", "withdrawn"])
def closed_job(request, job):
    if request.param == "past_closing_date":
        job.closing_date = london_today() - datetime.timedelta(days=1)
    else:
        job.status = Job.Status.WITHDRAWN
    job.save()
    return job


def test_closed_job_says_closed(client, closed_job):
    response = client.get(apply_url(closed_job))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This job is closed" in page
    assert "Plumbing Apprentice" in page
    assert '<form method="post" enctype' not in page


def test_closed_job_takes_no_applications(client, closed_job, cv_root):
    cv = upload("cv.pdf", make_pdf(), PDF_CONTENT_TYPE)

    response = client.post(apply_url(closed_job), applicant(cv=cv))

    assert response.status_code == 200
    assert "This job is closed" in response.content.decode()
    assert not User.objects.filter(role=User.Role.LEARNER).exists()
    assert not Learner.objects.exists()
    assert not CV.objects.exists()
    assert stored_files(cv_root) == []
