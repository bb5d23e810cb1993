"""Who may see and change jobs: tenant staff only, and editors for changes."""

import pytest

from recruitment.jobs.models import Job
from recruitment.programmes.models import AccountProgramme

from .conftest import form_data

JOB_URLS = ["/jobs/{pk}/", "/jobs/{pk}/edit/", "/jobs/{pk}/check/"]


@pytest.mark.parametrize("url", JOB_URLS)
def test_outsider_gets_404(outsider_client, job, url):
    response = outsider_client.get(url.format(pk=job.pk))

    assert response.status_code == 404


def test_outsider_post_edit_gets_404(outsider_client, job, organisation, programme):
    response = outsider_client.post(
        f"/jobs/{job.pk}/edit/", form_data(organisation, programme, title="Taken")
    )

    job.refresh_from_db()
    assert response.status_code == 404
    assert job.title == "Bakery Apprentice"


def test_outsider_list_hides_jobs(outsider_client, job):
    response = outsider_client.get("/jobs/")

    assert response.status_code == 200
    assert "Bakery Apprentice" not in response.content.decode()


def test_outsider_cannot_use_other_organisation(
    outsider_client, organisation, outsider
):
    response = outsider_client.get(f"/jobs/new/?organisation={organisation.pk}")

    assert response.status_code == 200
    assert "Harbour Lane Bakery" not in response.content.decode()


def test_outsider_cannot_create_for_other_organisation(
    outsider_client, organisation, other_tenant
):
    programme = AccountProgramme.objects.create(tenant=other_tenant, name="Theirs")

    response = outsider_client.post("/jobs/new/", form_data(organisation, programme))

    assert response.status_code == 200
    assert not Job.objects.exists()
    assert "Choose one of your organisations" in response.content.decode()


def test_outsider_contact_options_empty(outsider_client, contact):
    response = outsider_client.get(
        f"/jobs/contact-options/?organisation={contact.organisation_id}"
    )

    assert response.status_code == 200
    assert "Jo Marsh" not in response.content.decode()


@pytest.mark.parametrize("url", ["/jobs/new/", "/jobs/{pk}/edit/"])
def test_viewer_cannot_create_or_edit(client, viewer, job, url):
    client.force_login(viewer)

    response = client.get(url.format(pk=job.pk))

    assert response.status_code == 403


def test_viewer_post_edit_forbidden(client, viewer, job, organisation, programme):
    client.force_login(viewer)

    response = client.post(
        f"/jobs/{job.pk}/edit/", form_data(organisation, programme, title="Changed")
    )

    job.refresh_from_db()
    assert response.status_code == 403
    assert job.title == "Bakery Apprentice"


@pytest.mark.parametrize("url", ["/jobs/", *JOB_URLS[::2]])
def test_viewer_can_read(client, viewer, job, url):
    client.force_login(viewer)

    response = client.get(url.format(pk=job.pk))

    assert response.status_code == 200


def test_viewer_sees_no_edit_button(client, viewer, job):
    client.force_login(viewer)

    response = client.get(f"/jobs/{job.pk}/")

    assert "Edit job" not in response.content.decode()


def test_recruiter_can_create(client, recruiter):
    client.force_login(recruiter)

    response = client.get("/jobs/new/")

    assert response.status_code == 200


def test_anonymous_is_sent_to_sign_in(client, job):
    response = client.get(f"/jobs/{job.pk}/")

    assert response.status_code == 302
