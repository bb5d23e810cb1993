"""The job form's choices: organisation, contact, programme, training course, marks."""

from recruitment.jobs.models import Job
from recruitment.organisations.models import Contact, Organisation

from .conftest import form_data


def test_contact_of_other_organisation_rejected(
    admin_client, tenant, organisation, programme
):
    other = Organisation.objects.create(tenant=tenant, name="Northgate Garage")
    stranger = Contact.objects.create(
        tenant=tenant, organisation=other, name="Ali Shah", email="ali@example.com"
    )

    response = admin_client.post(
        "/jobs/new/", form_data(organisation, programme, stranger)
    )

    assert response.status_code == 200
    assert not Job.objects.exists()
    assert "Choose a contact of the selected organisation" in response.content.decode()


def test_contact_options_list_organisation_contacts(admin_client, tenant, contact):
    other = Organisation.objects.create(tenant=tenant, name="Northgate Garage")
    Contact.objects.create(
        tenant=tenant, organisation=other, name="Ali Shah", email="ali@example.com"
    )

    response = admin_client.get(
        f"/jobs/contact-options/?organisation={contact.organisation_id}"
    )

    page = response.content.decode()
    assert f'<option value="{contact.pk}">Jo Marsh</option>' in page
    assert "Ali Shah" not in page


def test_contact_options_without_organisation(admin_client, contact):
    response = admin_client.get("/jobs/contact-options/?organisation=abc")

    assert response.status_code == 200
    assert "Jo Marsh" not in response.content.decode()


def test_organisation_select_reloads_contacts(admin_client):
    response = admin_client.get("/jobs/new/")

    page = response.content.decode()
    assert 'hx-get="/jobs/contact-options/"' in page
    assert 'hx-target="#id_contact"' in page


def test_preselected_organisation_fills_details(admin_client, organisation, contact):
    response = admin_client.get(f"/jobs/new/?organisation={organisation.pk}")

    page = response.content.decode()
    assert f'<option value="{organisation.pk}" selected>' in page
    assert f'<option value="{contact.pk}" selected>Jo Marsh</option>' in page
    assert 'value="12 Market Street"' in page
    assert "A family bakery with two shops in Leeds." in page


def test_training_course_select_lists_standards(admin_client):
    response = admin_client.get("/jobs/new/")

    page = response.content.decode()
    assert '<option value="177">Baker (level 2), LARS code 177</option>' in page


def test_unknown_training_code_rejected(admin_client, organisation, programme, contact):
    response = admin_client.post(
        "/jobs/new/",
        form_data(organisation, programme, contact, training_code="999999"),
    )

    assert not Job.objects.exists()
    assert "Choose a training course from the list" in response.content.decode()


def test_qualification_types_from_reference_data(admin_client):
    response = admin_client.get("/jobs/new/")

    page = response.content.decode()
    for value in ("GCSE", "A Level", "T Level", "BTEC", "Degree", "Other"):
        assert f'<option value="{value}">{value}</option>' in page


def test_apprenticeship_marks_mandatory_fields(admin_client, job):
    response = admin_client.get(f"/jobs/{job.pk}/edit/")

    page = response.content.decode()
    assert page.count('title="mandatory for NAS">(M)</abbr>') >= 17
    assert 'for="id_postcode">Postcode <abbr' in page


def test_other_contract_type_has_no_marks(admin_client, make_job):
    job = make_job(contract_type="permanent")

    response = admin_client.get(f"/jobs/{job.pk}/edit/")

    assert "(M)</abbr>" not in response.content.decode()


def test_marks_follow_submitted_contract_type(admin_client, organisation, programme):
    data = form_data(organisation, programme, contract_type="apprenticeship")
    data["hours_per_week"] = "abc"

    response = admin_client.post("/jobs/new/", data)

    assert 'for="id_postcode">Postcode <abbr' in response.content.decode()


def test_counter_shows_server_count(admin_client, make_job):
    job = make_job(description="  Caf\u00e9 \U0001f35e  ")

    response = admin_client.get(f"/jobs/{job.pk}/edit/")

    page = response.content.decode()
    assert "<span data-count>7</span> of 350 characters" in page
    assert "/static/jobs/counter.js" in page


def test_new_job_offers_every_contact_with_organisation(admin_client, contact):
    response = admin_client.get("/jobs/new/")

    page = response.content.decode()
    assert (
        f'<option value="{contact.pk}">Jo Marsh (Harbour Lane Bakery Ltd)</option>'
        in page
    )
