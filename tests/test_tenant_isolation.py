"""Staff of another tenant get 404 on every URL that names a tenant's row.

The table below must name every staff URL with an object id; a new URL that
is missing from it fails `test_every_object_url_is_listed`.
"""

import pytest
from django.urls import get_resolver

from recruitment.api.models import ApiToken
from recruitment.learners.tests.factories import make_applicant, make_job
from recruitment.organisations.models import Contact

# URL pattern -> how to fill its ids from the objects of the owning tenant.
OBJECT_URLS = {
    "programmes/<int:pk>/": "programmes/{programme}/",
    "programmes/<int:pk>/confirm/": "programmes/{programme}/confirm/",
    "programmes/<int:pk>/jobs-token/": "programmes/{programme}/jobs-token/",
    "organisations/<int:pk>/": "organisations/{organisation}/",
    "organisations/<int:pk>/edit/": "organisations/{organisation}/edit/",
    "organisations/<int:pk>/contacts/new/": (
        "organisations/{organisation}/contacts/new/"
    ),
    "organisations/<int:pk>/contacts/<int:contact_pk>/edit/": (
        "organisations/{organisation}/contacts/{contact}/edit/"
    ),
    "jobs/<int:pk>/": "jobs/{job}/",
    "jobs/<int:pk>/edit/": "jobs/{job}/edit/",
    "jobs/<int:pk>/check/": "jobs/{job}/check/",
    "nas/jobs/<int:pk>/upload/": "nas/jobs/{job}/upload/",
    "nas/jobs/<int:pk>/reference/": "nas/jobs/{job}/reference/",
    "learners/<int:pk>/": "learners/{learner}/",
    "learners/<int:pk>/cvs/": "learners/{learner}/cvs/",
    "learners/<int:pk>/cvs/<int:cv_pk>/download/": (
        "learners/{learner}/cvs/{cv}/download/"
    ),
    "learners/<int:pk>/case-owner/": "learners/{learner}/case-owner/",
    "learners/<int:pk>/invitation/": "learners/{learner}/invitation/",
    "learners/<int:pk>/applications/<int:application_pk>/delete/": (
        "learners/{learner}/applications/{application}/delete/"
    ),
    "learners/<int:pk>/reinstate/": "learners/{learner}/reinstate/",
    "api/tokens/<int:pk>/revoke/": "api/tokens/{token}/revoke/",
}

# Patterns with ids that are not a tenant's rows: the Django admin (support
# only) and the JSON API, whose isolation tests use bearer tokens.
NOT_STAFF_PAGES = ("support/", "api/v1/")


def object_patterns():
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            text = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, text)
            elif "<int:" in text and not text.startswith(NOT_STAFF_PAGES):
                found.append(text)

    walk(get_resolver().url_patterns, "")
    return found


def test_every_object_url_is_listed():
    assert sorted(set(object_patterns()) - set(OBJECT_URLS)) == []


@pytest.fixture
def owned(tenant, programme, admin_user):
    job = make_job(tenant, programme=programme)
    application = make_applicant(job)
    contact = Contact.objects.create(
        tenant=tenant, organisation=job.organisation, name="Jo", email="jo@example.com"
    )
    token, _ = ApiToken.issue(admin_user, "Reporting")
    return {
        "programme": programme.pk,
        "organisation": job.organisation_id,
        "contact": contact.pk,
        "job": job.pk,
        "learner": application.learner_id,
        "cv": application.cv_id,
        "application": application.pk,
        "token": token.pk,
    }


@pytest.mark.parametrize("pattern", sorted(OBJECT_URLS))
def test_outsider_gets_404(outsider_client, owned, pattern):
    url = "/" + OBJECT_URLS[pattern].format(**owned)

    # POST-only URLs return 405 to a GET before any lookup, for every user, so
    # that response reveals nothing about the row.
    assert outsider_client.get(url).status_code in (404, 405), url
    assert outsider_client.post(url, {}).status_code == 404, url


@pytest.mark.parametrize("pattern", sorted(OBJECT_URLS))
def test_owner_does_not_get_404(admin_client, owned, pattern):
    # The same URLs work for the owning tenant, so the 404s above come from
    # the tenant check and not from a wrong URL.
    url = "/" + OBJECT_URLS[pattern].format(**owned)

    status = admin_client.get(url).status_code
    if status == 405:
        status = admin_client.post(url, {}).status_code

    assert status != 404, url
