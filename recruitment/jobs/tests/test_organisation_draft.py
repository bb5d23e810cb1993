"""Creating an organisation from the new-job form keeps what was typed."""

import re

import pytest

from recruitment.jobs.drafts import SESSION_KEY
from recruitment.jobs.models import Job
from recruitment.organisations.models import Organisation

pytestmark = pytest.mark.django_db

TITLE = "Bakery Apprentice"
DESCRIPTION = "Learn to bake bread and pastries in a busy family bakery."


def typed_job(programme, **changes):
    data = {
        "organisation": "",
        "contact": "",
        "programme": str(programme.pk),
        "owner": "",
        "contract_type": Job.ContractType.APPRENTICESHIP,
        "status": Job.Status.OPEN,
        "title": TITLE,
        "description": DESCRIPTION,
        "address_line1": "",
        "postcode": "",
        "hours_per_week": "37,5",
        "working_hours": "Monday to Friday, 8am to 4pm.",
        "desired_skills": "Team working\r\nEarly starts",
        "qualifications-TOTAL_FORMS": "2",
        "qualifications-INITIAL_FORMS": "0",
        "qualifications-MIN_NUM_FORMS": "0",
        "qualifications-MAX_NUM_FORMS": "20",
        "qualifications-0-type": "GCSE",
        "qualifications-0-subject": "Maths",
        "qualifications-0-grade": "4",
        "qualifications-0-weighting": "essential",
        "qualifications-1-type": "",
        "qualifications-1-subject": "",
        "qualifications-1-grade": "",
        "qualifications-1-weighting": "essential",
        "create_organisation": "1",
    }
    data.update(changes)
    return data


NEW_ORGANISATION = {
    "name": "Riverside Garage Ltd",
    "address_line1": "3 River Road",
    "address_line2": "",
    "town": "York",
    "postcode": "YO1 7HH",
    "employer_description": "A family garage.",
    "web_address": "",
    "legal_entity_id": "",
    "next": "job",
}


def value_of(page, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    return match.group(1) if match else None


def textarea_of(page, name):
    match = re.search(
        rf'<textarea[^>]*name="{name}"[^>]*>\s*(.*?)</textarea>', page, re.S
    )
    return match.group(1) if match else None


def test_form_shows_create_organisation_button(admin_client, programme):
    page = admin_client.get("/jobs/new/").content.decode()

    assert 'name="create_organisation"' in page
    assert "formnovalidate" in page
    assert 'href="/organisations/new/?next=job"' not in page


def test_button_stores_draft_and_redirects(admin_client, programme):
    response = admin_client.post("/jobs/new/", typed_job(programme))

    assert response.status_code == 302
    assert response["Location"] == "/organisations/new/?next=job"
    assert Job.objects.count() == 0
    draft = admin_client.session[SESSION_KEY]["values"]
    assert draft["title"] == TITLE
    assert draft["hours_per_week"] == "37,5"
    assert "create_organisation" not in draft
    assert "csrfmiddlewaretoken" not in draft


def test_typed_values_come_back_with_new_organisation(admin_client, programme):
    admin_client.post("/jobs/new/", typed_job(programme))
    created = admin_client.post("/organisations/new/", NEW_ORGANISATION)
    organisation = Organisation.objects.get(name="Riverside Garage Ltd")
    assert created["Location"] == f"/jobs/new/?organisation={organisation.pk}"

    response = admin_client.get(created["Location"])

    page = response.content.decode()
    assert response.status_code == 200
    assert value_of(page, "title") == TITLE
    assert textarea_of(page, "description") == DESCRIPTION
    assert value_of(page, "hours_per_week") == "37,5"
    assert value_of(page, "working_hours") == "Monday to Friday, 8am to 4pm."
    assert textarea_of(page, "desired_skills") == "Team working\r\nEarly starts"
    assert value_of(page, "qualifications-0-subject") == "Maths"
    assert f'<option value="{organisation.pk}" selected>' in page
    # The new organisation's details fill the fields left blank.
    assert value_of(page, "address_line1") == "3 River Road"
    assert value_of(page, "postcode") == "YO1 7HH"
    assert "There is a problem" not in page


def test_draft_is_cleared_once_restored(admin_client, programme):
    admin_client.post("/jobs/new/", typed_job(programme))
    created = admin_client.post("/organisations/new/", NEW_ORGANISATION)
    admin_client.get(created["Location"])

    again = admin_client.get(created["Location"]).content.decode()

    assert SESSION_KEY not in admin_client.session
    assert value_of(again, "title") in (None, "")


def test_typed_value_wins_over_organisation_details(admin_client, programme):
    admin_client.post(
        "/jobs/new/", typed_job(programme, address_line1="Unit 5, Mill Yard")
    )
    created = admin_client.post("/organisations/new/", NEW_ORGANISATION)

    page = admin_client.get(created["Location"]).content.decode()

    assert value_of(page, "address_line1") == "Unit 5, Mill Yard"


def test_cancel_returns_to_the_draft(admin_client, programme):
    admin_client.post("/jobs/new/", typed_job(programme))
    form = admin_client.get("/organisations/new/?next=job").content.decode()
    assert 'href="/jobs/new/?draft=1">Cancel</a>' in form

    page = admin_client.get("/jobs/new/?draft=1").content.decode()

    assert value_of(page, "title") == TITLE


def test_plain_new_job_form_ignores_a_draft(admin_client, programme):
    admin_client.post("/jobs/new/", typed_job(programme))

    page = admin_client.get("/jobs/new/").content.decode()

    assert value_of(page, "title") in (None, "")
    assert SESSION_KEY in admin_client.session


def test_draft_of_other_tenant_is_not_restored(admin_client, programme, tenant):
    admin_client.post("/jobs/new/", typed_job(programme))
    session = admin_client.session
    session[SESSION_KEY] = {**session[SESSION_KEY], "tenant": tenant.pk + 1000}
    session.save()
    organisation = Organisation.objects.create(tenant=tenant, name="Harbour Ltd")

    page = admin_client.get(f"/jobs/new/?organisation={organisation.pk}").content

    assert TITLE.encode() not in page


def test_draft_keeps_btec_level_and_other_name(admin_client, programme):
    typed = typed_job(
        programme,
        **{
            "qualifications-0-type": "BTEC",
            "qualifications-0-level": "3",
            "qualifications-1-type": "Other",
            "qualifications-1-other_name": "Food Hygiene Certificate",
        },
    )
    admin_client.post("/jobs/new/", typed)
    created = admin_client.post("/organisations/new/", NEW_ORGANISATION)

    page = admin_client.get(created["Location"]).content.decode()

    assert value_of(page, "qualifications-0-level") == "3"
    assert value_of(page, "qualifications-1-other_name") == "Food Hygiene Certificate"
