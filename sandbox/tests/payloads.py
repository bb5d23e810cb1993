"""The published example create request, with dates moved relative to today."""

from __future__ import annotations

import copy
import datetime

EXAMPLE_REQUEST = {
    "title": "Trainee chef apprentice",
    "numberOfPositions": 2,
    "closingDate": None,
    "startDate": None,
    "contractingParties": {
        "accountLegalEntityPublicHashedId": "V7XJ4M",
        "ukprn": 10012345,
    },
    "wage": {
        "wageType": "FixedWage",
        "fixedWageYearlyAmount": 17500,
        "wageAdditionalInformation": "Pay review after 6 months.",
        "companyBenefitsInformation": "Free meals on shift.",
        "weeklyHours": 37.5,
        "workingWeekDescription": (
            "Monday to Friday, 9am to 5:30pm with a 30 minute break."
        ),
        "duration": 15,
        "durationUnit": "Month",
    },
    "address": {
        "addressLine1": "12 Market Street",
        "addressLine2": "Leeds",
        "postcode": "LS1 6DT",
    },
    "shortDescription": (
        "Learn to prepare and cook fresh food in a busy city-centre kitchen while "
        "training towards a commis chef qualification."
    ),
    "description": (
        "<p>Your daily tasks could include:</p><ul><li>preparing ingredients</li>"
        "<li>cooking dishes to recipe</li><li>keeping the kitchen clean</li></ul>"
    ),
    "outcomeDescription": "A permanent commis chef role for successful apprentices.",
    "trainingDescription": "One day a week at college.",
    "standardLarsCode": "119",
    "employerNameOption": "RegisteredName",
    "employerDescription": "An independent restaurant group with three sites.",
    "employerWebsiteUrl": "https://www.example.co.uk",
    "disabilityConfident": "No",
    "submitterContactDetails": {
        "name": "Sam Taylor",
        "email": "sam.taylor@example.co.uk",
        "phone": "0113 496 0000",
    },
    "skills": ["Team working", "Attention to detail"],
    "qualifications": [
        {
            "qualificationType": "GCSE",
            "subject": "English",
            "grade": "4 (C) or above",
            "weighting": "Desired",
        }
    ],
    "applicationMethod": "ThroughExternalApplicationSite",
    "applicationUrl": "https://jobs.example.co.uk/apply/chef-apprentice",
    "applicationInstructions": "Apply online and attach a short cover letter.",
}


def utc_today() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()


def api_date(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def example_request(**changes) -> dict:
    """Return a copy of the example that the sandbox accepts today.

    The closing date is 10 days from today (UTC) and the start date 40 days.
    Keyword arguments replace top-level members.
    """
    today = utc_today()
    body = copy.deepcopy(EXAMPLE_REQUEST)
    body["closingDate"] = api_date(today + datetime.timedelta(days=10))
    body["startDate"] = api_date(today + datetime.timedelta(days=40))
    body.update(changes)
    return body
