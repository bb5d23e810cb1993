"""An outsider's token gets 404 on every URL that names one of our rows."""

import pytest

from recruitment.applications.models import JobApplication
from recruitment.jobs.models import Job
from recruitment.learners.models import Learner


@pytest.fixture
def object_requests(job, contact, application, recruiter):
    """Return (method, path template, URL, body) for every object URL."""
    organisation = job.organisation
    learner = application.learner
    ids = {
        "organisation_id": organisation.pk,
        "contact_id": contact.pk,
        "job_id": job.pk,
        "learner_id": learner.pk,
        "application_id": application.pk,
    }
    table = [
        ("get", "/api/v1/organisations/{organisation_id}", None),
        ("patch", "/api/v1/organisations/{organisation_id}", {"town": "Hull"}),
        ("get", "/api/v1/organisations/{organisation_id}/contacts", None),
        (
            "post",
            "/api/v1/organisations/{organisation_id}/contacts",
            {"name": "Al", "email": "al@example.co.uk"},
        ),
        ("get", "/api/v1/organisations/{organisation_id}/contacts/{contact_id}", None),
        (
            "patch",
            "/api/v1/organisations/{organisation_id}/contacts/{contact_id}",
            {"name": "Al"},
        ),
        ("get", "/api/v1/jobs/{job_id}", None),
        ("patch", "/api/v1/jobs/{job_id}", {"title": "Outsider Apprentice"}),
        ("post", "/api/v1/jobs/{job_id}/nas-check", None),
        ("post", "/api/v1/jobs/{job_id}/nas-upload", None),
        ("get", "/api/v1/learners/{learner_id}", None),
        (
            "post",
            "/api/v1/learners/{learner_id}/case-owner",
            {"case_owner_id": recruiter.pk},
        ),
        ("post", "/api/v1/learners/{learner_id}/invitation", None),
        (
            "post",
            "/api/v1/learners/{learner_id}/cancel",
            {"application_id": application.pk},
        ),
        ("get", "/api/v1/applications/{application_id}", None),
        ("delete", "/api/v1/applications/{application_id}", None),
    ]
    return [
        (method, template, template.format(**ids), body)
        for method, template, body in table
    ]


def send(api, method, url, body):
    if method in ("get", "delete"):
        return getattr(api, method)(url)
    return getattr(api, method)(url, body)


def test_outsider_gets_404_everywhere(outsider_api, object_requests):
    for method, _template, url, body in object_requests:
        response = send(outsider_api, method, url, body)
        assert response.status_code == 404, f"{method.upper()} {url}"
        assert response.json()["errors"] == [], f"{method.upper()} {url}"


def test_outsider_changes_nothing(outsider_api, object_requests, job, application):
    job_before = Job.objects.filter(pk=job.pk).values().get()

    for method, _template, url, body in object_requests:
        send(outsider_api, method, url, body)

    assert Job.objects.filter(pk=job.pk).values().get() == job_before
    assert JobApplication.objects.filter(pk=application.pk).exists()
    learner = Learner.objects.get(pk=application.learner_id)
    assert learner.status == Learner.Status.PROSPECT
    assert learner.case_owner is None
    assert job.organisation.contacts.count() == 1


def test_table_covers_every_object_url(client, object_requests):
    document = client.get("/api/v1/openapi.json").json()
    documented = {
        (method, path)
        for path, item in document["paths"].items()
        if "{" in path
        for method in item
    }

    covered = {(method, template) for method, template, _url, _body in object_requests}

    assert covered == documented


def test_owner_reaches_every_object_url(api, object_requests):
    # The same table with the owner's token does not get 404, so the
    # outsider's 404s come from tenant scoping, not from broken URLs.
    for method, _template, url, body in object_requests:
        if method == "delete" or url.endswith(("/nas-upload", "/cancel")):
            continue
        response = send(api, method, url, body)
        assert response.status_code != 404, f"{method.upper()} {url}"
