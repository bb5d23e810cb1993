import datetime
from decimal import Decimal

import pytest

from recruitment.jobs.models import Job
from recruitment.jobs.services import london_today
from recruitment.organisations.models import Contact, Organisation


def complete_job(tenant, programme, owner=None, **changes):
    """Create an Apprenticeship job that passes every advert rule today."""
    organisation = Organisation.objects.create(
        tenant=tenant, name="Harbour Lane Bakery Ltd", legal_entity_id="V7XJ4M"
    )
    contact = Contact.objects.create(
        tenant=tenant,
        organisation=organisation,
        name="Jo Marsh",
        email="jo.marsh@example.co.uk",
        phone="0113 496 0000",
    )
    today = london_today()
    fields = {
        "tenant": tenant,
        "programme": programme,
        "organisation": organisation,
        "contact": contact,
        "owner": owner,
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
        "closing_date": today + datetime.timedelta(days=21),
        "expected_start_date": today + datetime.timedelta(days=60),
        "desired_skills": ["Team working"],
        "desired_personal_qualities": ["Patience"],
        "qualifications": [
            {"type": "GCSE", "subject": "English", "grade": "4", "weighting": "desired"}
        ],
        "future_prospects": "A permanent baker role for successful apprentices.",
        "training_to_be_provided": "One day a week at college.",
        "employer_description": "A family bakery with two shops.",
        "expected_duration_months": 15,
        "hours_per_week": Decimal("37.5"),
        "training_code": "177",
    }
    fields.update(changes)
    return Job.objects.create(**fields)


@pytest.fixture
def nas_settings(settings, sandbox):
    settings.NAS_SANDBOX_BASE_URL = sandbox.base_url
    settings.NAS_READ_TIMEOUT = 2.0
    settings.NAS_CONNECT_TIMEOUT = 2.0
    return settings


@pytest.fixture
def sandbox_programme(tenant, sandbox, nas_settings):
    from conftest import make_programme

    return make_programme(tenant, key=sandbox.api_key)


@pytest.fixture
def job(tenant, sandbox_programme, recruiter):
    return complete_job(tenant, sandbox_programme, owner=recruiter)
