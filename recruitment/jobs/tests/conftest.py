"""Fixtures for the job tests: an organisation with a contact, and complete jobs."""

import datetime
from decimal import Decimal

import pytest

from recruitment.jobs.models import Job
from recruitment.jobs.services import london_today


def complete_fields(today=None):
    """Return the fields of an Apprenticeship job that passes every rule on today."""
    closing = (today or london_today()) + datetime.timedelta(days=21)
    return {
        "contract_type": Job.ContractType.APPRENTICESHIP,
        "title": "Bakery Apprentice",
        "description": "Learn to bake bread and pastries in a busy family bakery "
        "while training towards a level 2 qualification.",
        "address_line1": "12 Market Street",
        "address_line2": "Leeds",
        "postcode": "LS1 6DT",
        "web_address": "https://www.example.co.uk",
        "wage_type": Job.WageType.FIXED_WAGE,
        "fixed_wage_yearly_amount": Decimal("18500"),
        "working_hours": "Monday to Friday, 8am to 4pm.",
        "maximum_enrolments": 2,
        "closing_date": closing,
        "expected_start_date": closing + datetime.timedelta(days=30),
        "desired_skills": ["Team working"],
        "desired_personal_qualities": ["Patience"],
        "qualifications": [
            {
                "type": "GCSE",
                "subject": "English",
                "grade": "4",
                "weighting": "desired",
            }
        ],
        "future_prospects": "A permanent baker role for successful apprentices.",
        "training_to_be_provided": "One day a week at college.",
        "employer_description": "A family bakery with two shops.",
        "expected_duration_months": 15,
        "hours_per_week": Decimal("37.5"),
        "training_code": "177",
    }


@pytest.fixture
def make_job(tenant, programme, organisation, contact, admin_user):
    def make(**changes):
        fields = {
            "tenant": tenant,
            "programme": programme,
            "organisation": organisation,
            "contact": contact,
            "owner": admin_user,
            **complete_fields(),
        }
        fields.update(changes)
        return Job.objects.create(**fields)

    return make


@pytest.fixture
def job(make_job):
    return make_job()


def form_data(organisation, programme, contact=None, **changes):
    """Return a POST body for the job form, for a job complete today."""
    fields = complete_fields()
    data = {
        "organisation": str(organisation.pk),
        "contact": str(contact.pk) if contact else "",
        "programme": str(programme.pk),
        "owner": "",
        "status": Job.Status.OPEN,
        "address_line3": "",
        "address_line4": "",
        "qualifications-TOTAL_FORMS": "2",
        "qualifications-INITIAL_FORMS": "0",
        "qualifications-MIN_NUM_FORMS": "0",
        "qualifications-MAX_NUM_FORMS": "20",
        "qualifications-0-type": "GCSE",
        "qualifications-0-subject": "English",
        "qualifications-0-grade": "4",
        "qualifications-0-weighting": "desired",
        "qualifications-1-type": "",
        "qualifications-1-subject": "",
        "qualifications-1-grade": "",
        "qualifications-1-weighting": "essential",
    }
    for name, value in fields.items():
        if name == "qualifications":
            continue
        if isinstance(value, list):
            value = "\n".join(value)
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        data[name] = str(value)
    data.update({name: str(value) for name, value in changes.items()})
    return data
