"""job_rule_input and check_job_for_nas: a saved job through the advert rules."""

import datetime

import pytest

from recruitment.jobs.models import TrainingCourse
from recruitment.jobs.rules import GOVERNMENT_RULE
from recruitment.jobs.services import (
    application_url,
    check_job_for_nas,
    job_rule_input,
    london_today,
)
from recruitment.programmes.models import JobsToken

# Fields the advert rules require, with the empty value a draft stores.
MANDATORY_FIELDS = {
    "title": "",
    "description": "",
    "address_line1": "",
    "postcode": "",
    "wage_type": "",
    "fixed_wage_yearly_amount": None,
    "working_hours": "",
    "maximum_enrolments": None,
    "closing_date": None,
    "expected_start_date": None,
    "qualifications": [],
    "future_prospects": "",
    "training_to_be_provided": "",
    "employer_description": "",
    "expected_duration_months": None,
    "hours_per_week": None,
    "training_code": "",
}


def test_rule_input_nests_organisation_and_contact(job):
    data = job_rule_input(job)

    assert data["organisation"] == {
        "name": "Harbour Lane Bakery Ltd",
        "legal_entity_id": "V7XJ4M",
    }
    assert data["contact"] == {
        "name": "Jo Marsh",
        "email": "jo.marsh@example.co.uk",
        "phone": "0113 496 0000",
    }
    assert data["title"] == "Bakery Apprentice"
    assert data["contract_type"] == "apprenticeship"
    assert data["training_code"] == "177"


def test_rule_input_without_contact(make_job):
    data = job_rule_input(make_job(contact=None))

    assert data["contact"] is None


def test_complete_job_passes(job):
    assert check_job_for_nas(job) == []


def test_today_defaults_to_london(job):
    assert check_job_for_nas(job) == check_job_for_nas(job, london_today())


@pytest.mark.parametrize("field", sorted(MANDATORY_FIELDS))
def test_missing_field_gives_its_error(make_job, field):
    job = make_job(**{field: MANDATORY_FIELDS[field]})

    failures = check_job_for_nas(job)

    assert [f.field for f in failures] == [field]


def test_no_skills_gives_skills_error(make_job):
    job = make_job(desired_skills=[], desired_personal_qualities=[])

    failures = check_job_for_nas(job)

    assert [f.field for f in failures] == ["desired_skills"]


def test_missing_contact_gives_contact_error(make_job):
    failures = check_job_for_nas(make_job(contact=None))

    assert [f.field for f in failures] == ["contact"]


def test_missing_legal_entity_gives_its_error(job):
    job.organisation.legal_entity_id = ""
    job.organisation.save()

    failures = check_job_for_nas(job)

    assert [f.field for f in failures] == ["organisation.legal_entity_id"]


def test_other_contract_type_fails(make_job):
    failures = check_job_for_nas(make_job(contract_type="permanent"))

    assert [f.field for f in failures] == ["contract_type"]


def test_duration_rule_comes_from_jobs_token(make_job, programme):
    start = datetime.date(2027, 9, 1)
    job = make_job(
        hours_per_week=16,
        expected_duration_months=15,
        fixed_wage_yearly_amount=None,
        wage_type="national_minimum_wage_for_apprentices",
        closing_date=start - datetime.timedelta(days=30),
        expected_start_date=start,
    )
    today = start - datetime.timedelta(days=60)

    product = check_job_for_nas(job, today)
    JobsToken.objects.filter(programme=programme).update(duration_rule=GOVERNMENT_RULE)
    government = check_job_for_nas(job, today)

    assert [f.field for f in product] == ["expected_duration_months"]
    assert "23 months" in product[0].message
    assert government == []


def test_training_code_checked_against_stored_courses(make_job):
    job = make_job(training_code="999999")

    failures = check_job_for_nas(job)

    assert [f.field for f in failures] == ["training_code"]


def test_any_code_accepted_without_stored_courses(make_job):
    TrainingCourse.objects.all().delete()
    job = make_job(training_code="999999")

    assert check_job_for_nas(job) == []


def test_application_url_uses_site_url(job, settings):
    settings.SITE_URL = "https://jobs.example.ac.uk"

    assert application_url(job) == f"https://jobs.example.ac.uk/apply/{job.public_key}/"
