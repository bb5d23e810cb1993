"""Jobs made directly with the models, for tests of any app."""

import datetime
from decimal import Decimal

from recruitment.jobs.models import Job
from recruitment.jobs.services import london_today


def complete_job(programme, organisation, contact, **changes):
    """Create an Apprenticeship job that passes every advert rule today."""
    today = london_today()
    fields = {
        "tenant": programme.tenant,
        "programme": programme,
        "organisation": organisation,
        "contact": contact,
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
