"""The "Check against NAS rules" page lists every failure with a link to fix it."""

import html

from recruitment.jobs.services import check_job_for_nas


def test_lists_every_failure_with_links(admin_client, make_job):
    job = make_job(
        title="Trainee Chef",
        postcode="",
        hours_per_week=None,
        qualifications=[
            {"type": "GCSE", "subject": "", "grade": "4", "weighting": "desired"}
        ],
        desired_skills=["Team working", "A very long skill of over thirty characters"],
    )
    failures = check_job_for_nas(job)

    response = admin_client.get(f"/jobs/{job.pk}/check/")

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert f"{len(failures)} rules not met" in page
    for failure in failures:
        assert failure.message in page
    edit = f"/jobs/{job.pk}/edit/"
    assert f'href="{edit}#field-title"' in page
    assert f'href="{edit}#field-postcode"' in page
    assert f'href="{edit}#field-hours_per_week"' in page
    assert f'href="{edit}#field-qualifications-0-subject"' in page
    assert f'href="{edit}#field-desired_skills"' in page


def test_organisation_failure_links_to_organisation(admin_client, job):
    job.organisation.legal_entity_id = ""
    job.organisation.save()

    response = admin_client.get(f"/jobs/{job.pk}/check/")

    page = response.content.decode()
    url = f"/organisations/{job.organisation_id}/edit/#field-legal_entity_id"
    assert f'href="{url}"' in page


def test_contact_failure_links_to_contact(admin_client, job):
    job.contact.phone = "12"
    job.contact.save()

    response = admin_client.get(f"/jobs/{job.pk}/check/")

    page = response.content.decode()
    url = (
        f"/organisations/{job.organisation_id}/contacts/{job.contact_id}/edit/"
        "#field-phone"
    )
    assert f'href="{url}"' in page


def test_passing_job_says_ready(admin_client, job):
    response = admin_client.get(f"/jobs/{job.pk}/check/")

    page = response.content.decode()
    assert "meets every NAS rule" in page
    assert "not met" not in page


def test_edit_page_has_field_anchors(admin_client, job):
    response = admin_client.get(f"/jobs/{job.pk}/edit/")

    page = response.content.decode()
    for name in ("title", "postcode", "hours_per_week", "qualifications-0-subject"):
        assert f'id="field-{name}"' in page


def test_viewer_sees_failures_without_edit_links(client, viewer, make_job):
    job = make_job(postcode="")
    client.force_login(viewer)

    response = client.get(f"/jobs/{job.pk}/check/")

    page = response.content.decode()
    assert "Enter the postcode" in page
    assert "#field-postcode" not in page
