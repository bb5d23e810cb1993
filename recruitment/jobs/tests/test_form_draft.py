"""Saving jobs through the form: drafts, complete jobs and kept values."""

from recruitment.jobs.models import Job

from .conftest import form_data


def test_incomplete_apprenticeship_saves_as_draft(
    admin_client, organisation, programme
):
    data = {
        "organisation": organisation.pk,
        "programme": programme.pk,
        "contract_type": "apprenticeship",
        "status": "open",
        "title": "Bakery Apprentice",
        "qualifications-TOTAL_FORMS": "0",
        "qualifications-INITIAL_FORMS": "0",
    }

    response = admin_client.post("/jobs/new/", data)

    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/{job.pk}/"
    assert job.tenant == organisation.tenant
    assert job.title == "Bakery Apprentice"
    assert job.qualifications == []
    assert job.hours_per_week is None
    assert job.nas_status == Job.NasStatus.NOT_UPLOADED


def test_draft_message_counts_failed_rules(admin_client, organisation, programme):
    data = {
        "organisation": organisation.pk,
        "programme": programme.pk,
        "contract_type": "apprenticeship",
        "status": "open",
        "title": "Bakery Apprentice",
        "qualifications-TOTAL_FORMS": "0",
        "qualifications-INITIAL_FORMS": "0",
    }

    response = admin_client.post("/jobs/new/", data, follow=True)

    assert "as a draft" in response.content.decode()


def test_complete_job_saves_every_field(admin_client, organisation, programme, contact):
    data = form_data(organisation, programme, contact)

    response = admin_client.post("/jobs/new/", data, follow=True)

    job = Job.objects.get()
    assert "meets every NAS rule" in response.content.decode()
    assert job.contact == contact
    assert str(job.hours_per_week) == "37.50"
    assert job.desired_skills == ["Team working"]
    assert job.desired_personal_qualities == ["Patience"]
    assert job.qualifications == [
        {"type": "GCSE", "subject": "English", "grade": "4", "weighting": "desired"}
    ]
    assert job.training_code == "177"
    assert job.postcode == "LS1 6DT"


def test_lines_become_phrases(admin_client, organisation, programme, contact):
    data = form_data(
        organisation,
        programme,
        contact,
        desired_skills="  Team working \r\n\r\nIT skills\r\n",
    )

    admin_client.post("/jobs/new/", data)

    assert Job.objects.get().desired_skills == ["Team working", "IT skills"]


def test_edit_shows_stored_values(admin_client, job):
    response = admin_client.get(f"/jobs/{job.pk}/edit/")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="37.5"' in page
    assert 'value="18500"' in page
    assert "\nTeam working</textarea>" in page
    assert 'name="qualifications-0-subject" value="English"' in page


def test_edit_saves_changes(admin_client, job, organisation, programme, contact):
    data = form_data(organisation, programme, contact, title="Pastry Apprentice")

    response = admin_client.post(f"/jobs/{job.pk}/edit/", data)

    job.refresh_from_db()
    assert response.status_code == 302
    assert job.title == "Pastry Apprentice"


def test_cleared_qualification_row_is_removed(
    admin_client, job, organisation, programme, contact
):
    data = form_data(organisation, programme, contact)
    data.update(
        {
            "qualifications-INITIAL_FORMS": "1",
            "qualifications-0-type": "",
            "qualifications-0-subject": "",
            "qualifications-0-grade": "",
        }
    )

    admin_client.post(f"/jobs/{job.pk}/edit/", data)

    job.refresh_from_db()
    assert job.qualifications == []


def test_uploaded_job_edit_warns(admin_client, make_job):
    job = make_job(
        nas_status=Job.NasStatus.UPLOADED, nas_vacancy_reference="1000000001"
    )

    response = admin_client.get(f"/jobs/{job.pk}/edit/")

    page = response.content.decode()
    assert "advert on NAS will not change" in page
    assert "1000000001" in page


def test_not_uploaded_job_edit_has_no_warning(admin_client, job):
    response = admin_client.get(f"/jobs/{job.pk}/edit/")

    assert "advert on NAS will not change" not in response.content.decode()


def test_other_contract_type_saves_without_nas_rules(
    admin_client, organisation, programme
):
    data = {
        "organisation": organisation.pk,
        "programme": programme.pk,
        "contract_type": "permanent",
        "status": "open",
        "title": "Bakery Sales Assistant",
        "hours_per_week": "10",
        "desired_skills": "A skill that is longer than thirty characters",
        "qualifications-TOTAL_FORMS": "0",
        "qualifications-INITIAL_FORMS": "0",
    }

    response = admin_client.post("/jobs/new/", data)

    assert response.status_code == 302
    assert Job.objects.get().contract_type == "permanent"


def test_withdrawing_uploaded_job_says_advert_stays(
    admin_client, make_job, organisation, programme
):
    job = make_job(
        nas_status=Job.NasStatus.UPLOADED, nas_vacancy_reference="1000000001"
    )
    data = form_data(organisation, programme, status="withdrawn")

    response = admin_client.post(f"/jobs/{job.pk}/edit/", data, follow=True)

    page = response.content.decode()
    assert "does not change: the Recruitment API allows no updates" in page
    assert "close it on the apprenticeship service" in page
    assert "as a draft" not in page
