"""A job with every field the upload needs, in our field names."""

from __future__ import annotations

import datetime
from decimal import Decimal


def sample_job(today: datetime.date | None = None, **changes) -> dict:
    """Return a job the sandbox accepts, closing 10 days after ``today`` (UTC)."""
    if today is None:
        today = datetime.datetime.now(datetime.UTC).date()
    job = {
        "title": "Trainee chef apprentice",
        "description": (
            "Learn to prepare and cook fresh food in a busy city-centre kitchen "
            "while training towards a commis chef qualification."
        ),
        "address_line1": "12 Market Street",
        "address_line2": "Leeds",
        "address_line3": "",
        "address_line4": None,
        "postcode": "LS1 6DT",
        "web_address": "https://www.example.co.uk",
        "wage_type": "fixed_wage",
        "fixed_wage_yearly_amount": Decimal("17500.50"),
        "working_hours": "Monday to Friday, 9am to 5:30pm with a 30 minute break.",
        "maximum_enrolments": 2,
        "closing_date": today + datetime.timedelta(days=10),
        "expected_start_date": today + datetime.timedelta(days=40),
        "desired_skills": ["Team working", "Attention to detail"],
        "desired_personal_qualities": ["Patience"],
        "qualifications": [
            {
                "type": "GCSE",
                "subject": "English",
                "grade": "4 (C) or above",
                "weighting": "desired",
            }
        ],
        "future_prospects": "A permanent commis chef role for successful apprentices.",
        "training_to_be_provided": "One day a week at college.",
        "employer_description": "An independent restaurant group with three sites.",
        "expected_duration_months": 15,
        "hours_per_week": Decimal("37.5"),
        "training_code": 119,
        "organisation": {
            "name": "Harbour Lane Bakery Ltd",
            "legal_entity_id": "V7XJ4M",
        },
        "contact": {
            "name": "Sam Taylor",
            "email": "sam.taylor@example.co.uk",
            "phone": "0113 496 0000",
        },
    }
    job.update(changes)
    return job
