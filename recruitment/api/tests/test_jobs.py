import datetime

from django.conf import settings

from recruitment.jobs.models import Job
from recruitment.jobs.services import london_today
from recruitment.organisations.models import Contact, Organisation

from .factories import complete_job


def test_list_shows_jobs_newest_first(api, job, programme, organisation, contact):
    newer = complete_job(programme, organisation, contact, title="Newer Apprentice")

    body = api.get("/api/v1/jobs").json()

    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [newer.pk, job.pk]


def test_list_filters(api, job, programme, organisation, contact, tenant):
    other_organisation = Organisation.objects.create(tenant=tenant, name="Other Ltd")
    permanent = complete_job(
        programme,
        other_organisation,
        None,
        title="Shop Assistant",
        contract_type=Job.ContractType.PERMANENT,
    )
    uploaded = complete_job(
        programme,
        organisation,
        contact,
        title="Baker Apprentice",
        nas_status=Job.NasStatus.UPLOADED,
    )

    def ids(**params):
        return {item["id"] for item in api.get("/api/v1/jobs", params).json()["items"]}

    assert ids(organisation=other_organisation.pk) == {permanent.pk}
    assert ids(contract_type="permanent") == {permanent.pk}
    assert ids(nas_status="uploaded") == {uploaded.pk}
    assert ids(nas_status="not_uploaded") == {job.pk, permanent.pk}
    assert ids(search="baker") == {job.pk, uploaded.pk}


def test_list_rejects_unknown_filter_value(api, tenant):
    response = api.get("/api/v1/jobs", {"nas_status": "sent"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "nas_status"


def test_read_shows_fields_and_nas_state(api, job):
    body = api.get(f"/api/v1/jobs/{job.pk}").json()

    assert body["title"] == "Bakery Apprentice"
    assert body["organisation_id"] == job.organisation_id
    assert body["hours_per_week"] == "37.50"
    assert body["fixed_wage_yearly_amount"] == "18500.00"
    assert body["qualifications"][0]["type"] == "GCSE"
    assert body["application_url"] == (f"{settings.SITE_URL}/apply/{job.public_key}/")
    assert body["nas"] == {
        "status": "not_uploaded",
        "vacancy_reference": "",
        "uploaded_at": None,
    }


def test_create_draft_with_required_fields(api, programme, organisation, admin_user):
    response = api.post(
        "/api/v1/jobs",
        {
            "title": "Plumbing Apprentice",
            "organisation_id": organisation.pk,
            "programme_id": programme.pk,
        },
    )

    assert response.status_code == 201
    job = Job.objects.get(pk=response.json()["id"])
    assert job.tenant == programme.tenant
    assert job.contract_type == Job.ContractType.APPRENTICESHIP
    assert job.owner == admin_user
    assert job.nas_status == Job.NasStatus.NOT_UPLOADED


def test_create_full_job_passes_nas_check(api, programme, organisation, contact):
    today = london_today()
    response = api.post(
        "/api/v1/jobs",
        {
            "title": "Plumbing Apprentice",
            "organisation_id": organisation.pk,
            "programme_id": programme.pk,
            "contact_id": contact.pk,
            "description": "Learn plumbing and heating installation with a "
            "friendly team while training towards level 2.",
            "address_line1": "12 Market Street",
            "postcode": "ls1 6dt",
            "wage_type": "fixed_wage",
            "fixed_wage_yearly_amount": "18500.50",
            "working_hours": "Monday to Friday, 8am to 4pm.",
            "maximum_enrolments": 1,
            "closing_date": str(today + datetime.timedelta(days=20)),
            "expected_start_date": str(today + datetime.timedelta(days=50)),
            "desired_skills": ["Team working", "Problem solving"],
            "qualifications": [
                {
                    "type": "GCSE",
                    "subject": "Maths",
                    "grade": "4",
                    "weighting": "desired",
                }
            ],
            "future_prospects": "A permanent plumber role.",
            "training_to_be_provided": "One day a week at college.",
            "employer_description": "A plumbing firm in Leeds.",
            "expected_duration_months": 18,
            "hours_per_week": 37.5,
            "training_code": "",
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["postcode"] == "LS1 6DT"
    assert body["hours_per_week"] == "37.50"
    assert body["desired_skills"] == ["Team working", "Problem solving"]
    assert body["qualifications"] == [
        {
            "type": "GCSE",
            "subject": "Maths",
            "grade": "4",
            "weighting": "desired",
            "level": None,
            "other_name": "",
        }
    ]
    check = api.post(f"/api/v1/jobs/{body['id']}/nas-check").json()
    assert check["errors"] == [
        {"field": "training_code", "message": "Choose the training course"}
    ]


def test_create_rejects_invalid_values(api, programme, organisation):
    response = api.post(
        "/api/v1/jobs",
        {
            "title": "Plumbing Apprentice",
            "organisation_id": organisation.pk,
            "programme_id": programme.pk,
            "postcode": "nowhere",
            "hours_per_week": "70",
            "closing_date": "2027-06-30",
            "expected_start_date": "2027-06-01",
            "qualifications": [{"type": "Diploma", "subject": "Maths", "grade": "4"}],
        },
    )

    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {
        "postcode",
        "hours_per_week",
        "expected_start_date",
        "qualifications.0.type",
    }
    assert not Job.objects.exists()


def test_create_rejects_title_without_apprentice(api, programme, organisation):
    response = api.post(
        "/api/v1/jobs",
        {
            "title": "Plumber",
            "organisation_id": organisation.pk,
            "programme_id": programme.pk,
        },
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "title"


def test_create_with_other_tenants_organisation_fails(api, programme, other_tenant):
    elsewhere = Organisation.objects.create(tenant=other_tenant, name="Elsewhere")

    response = api.post(
        "/api/v1/jobs",
        {
            "title": "Plumbing Apprentice",
            "organisation_id": elsewhere.pk,
            "programme_id": programme.pk,
        },
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "organisation_id"


def test_create_with_contact_of_other_organisation_fails(
    api, programme, organisation, tenant
):
    other = Organisation.objects.create(tenant=tenant, name="Other Ltd")
    stranger = Contact.objects.create(
        tenant=tenant, organisation=other, name="Al", email="al@example.co.uk"
    )

    response = api.post(
        "/api/v1/jobs",
        {
            "title": "Plumbing Apprentice",
            "organisation_id": organisation.pk,
            "programme_id": programme.pk,
            "contact_id": stranger.pk,
        },
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "contact_id"


def test_create_rejects_multiline_skill(api, programme, organisation):
    response = api.post(
        "/api/v1/jobs",
        {
            "title": "Plumbing Apprentice",
            "organisation_id": organisation.pk,
            "programme_id": programme.pk,
            "desired_skills": ["Team\nworking"],
        },
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "desired_skills.0"


def test_create_without_title_gets_400(api, programme, organisation):
    response = api.post(
        "/api/v1/jobs",
        {"organisation_id": organisation.pk, "programme_id": programme.pk},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "title"


def test_viewer_cannot_create(viewer_api, programme, organisation):
    response = viewer_api.post(
        "/api/v1/jobs",
        {
            "title": "Plumbing Apprentice",
            "organisation_id": organisation.pk,
            "programme_id": programme.pk,
        },
    )

    assert response.status_code == 403
    assert not Job.objects.exists()


def test_update_changes_only_sent_fields(api, job):
    response = api.patch(
        f"/api/v1/jobs/{job.pk}", {"maximum_enrolments": 3, "hours_per_week": "30"}
    )

    assert response.status_code == 200, response.json()
    job.refresh_from_db()
    assert job.maximum_enrolments == 3
    assert str(job.hours_per_week) == "30.00"
    assert job.title == "Bakery Apprentice"
    assert job.qualifications == [
        {"type": "GCSE", "subject": "English", "grade": "4", "weighting": "desired"}
    ]
    assert job.desired_skills == ["Team working"]


def test_update_clears_nullable_field(api, job):
    response = api.patch(f"/api/v1/jobs/{job.pk}", {"contact_id": None})

    assert response.status_code == 200
    job.refresh_from_db()
    assert job.contact is None


def test_update_replaces_qualifications(api, job):
    response = api.patch(f"/api/v1/jobs/{job.pk}", {"qualifications": []})

    assert response.status_code == 200
    job.refresh_from_db()
    assert job.qualifications == []


def test_update_rejects_invalid_value_and_keeps_job(api, job):
    response = api.patch(
        f"/api/v1/jobs/{job.pk}",
        {"web_address": "www.example", "maximum_enrolments": 3},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "web_address"
    job.refresh_from_db()
    assert job.maximum_enrolments == 2


def test_update_rejects_wrong_types(api, job):
    response = api.patch(
        f"/api/v1/jobs/{job.pk}",
        {"maximum_enrolments": "many", "closing_date": "tomorrow", "title": 7},
    )

    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"maximum_enrolments", "closing_date", "title"}


def test_viewer_cannot_update(viewer_api, job):
    response = viewer_api.patch(f"/api/v1/jobs/{job.pk}", {"maximum_enrolments": 3})

    assert response.status_code == 403
    job.refresh_from_db()
    assert job.maximum_enrolments == 2


def test_programmes_list(api, programme):
    body = api.get("/api/v1/programmes").json()

    assert body["items"] == [
        {
            "id": programme.pk,
            "name": programme.name,
            "confirmed": True,
            "nas_ready": True,
        }
    ]
