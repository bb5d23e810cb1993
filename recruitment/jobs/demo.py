"""Demo jobs: two adverts published on Find an apprenticeship, completed, and
one job of another contract type. Registered in ``recruitment.demo``.

The adverts come from ``data/real-adverts.json``. Only the top of each page
was published, so the fields it lacks get plausible values here, and the
dates move forward so that the adverts pass the check on the day the demo
is built.
"""

from __future__ import annotations

import csv
import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from recruitment.organisations.models import Contact

from .models import Job
from .services import london_today

ADVERTS_PATH = Path(settings.BASE_DIR) / "data" / "real-adverts.json"
STANDARDS_PATH = Path(settings.BASE_DIR) / "data" / "standards.csv"

# Upload needs the closing date at least 7 days ahead, and 21 leave time to try.
CLOSING_DAYS_AHEAD = 28
MIN_CLOSING_DAYS_AHEAD = 21
START_DAYS_AFTER_CLOSING = 31

GCSE_ENGLISH_AND_MATHS = [
    {
        "type": "GCSE",
        "subject": "English",
        "grade": "4 (C) or above",
        "weighting": "desired",
    },
    {
        "type": "GCSE",
        "subject": "Maths",
        "grade": "4 (C) or above",
        "weighting": "desired",
    },
]

# The fields each advert lacks, keyed by its title on Find an apprenticeship.
COMPLETIONS = {
    "Apprentice Business Administrator": {
        "address_line1": "Unit 4, Yoden Way",
        "desired_skills": [
            "Administrative skills",
            "IT skills",
            "Communication skills",
        ],
        "desired_personal_qualities": ["Attention to detail", "Initiative"],
        "qualifications": GCSE_ENGLISH_AND_MATHS,
        "future_prospects": "<p>A permanent administrator role for apprentices who "
        "complete the apprenticeship, with support towards a level 4 "
        "qualification.</p>",
        "training_to_be_provided": "<p>Business administrator level 3 standard, "
        "with one day a month at Demo College and online learning in work "
        "time.</p>",
    },
    "Hair Apprentice": {
        "desired_skills": ["Customer care skills", "Team working"],
        "desired_personal_qualities": ["Creative", "Patience"],
        "qualifications": GCSE_ENGLISH_AND_MATHS[:1],
        "future_prospects": "<p>A junior stylist role in the salon for apprentices "
        "who complete the apprenticeship.</p>",
        "training_to_be_provided": "<p>Hairdressing professional level 2 standard, "
        "one day a week at Demo College, with in-house training in the "
        "salon.</p>",
    },
}

OTHER_JOB_TITLE = "Bakery Sales Assistant"


def add_demo_jobs(demo) -> None:
    """Create the demo jobs once, and keep their dates ahead of today."""
    today = london_today()
    contact = Contact.objects.filter(
        tenant=demo.tenant, organisation=demo.organisation
    ).first()
    other = _other_job(demo, contact, today)

    adverts = {advert["title"]: advert for advert in _read_adverts()}
    apprenticeships = [
        _apprenticeship_job(demo, contact, adverts[title], today)
        for title in ("Hair Apprentice", "Apprentice Business Administrator")
    ]
    # Newest first, as job lists show them.
    demo.jobs = [*reversed(apprenticeships), other]


def _read_adverts() -> list[dict]:
    with ADVERTS_PATH.open(encoding="utf-8") as file:
        return json.load(file)


def lars_code_for(course_title: str, level: int | None) -> str:
    """Find a standard's LARS code in the shipped standards by title and level."""
    with STANDARDS_PATH.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            same_title = row["title"].strip().casefold() == course_title.casefold()
            same_level = level is None or row["level"].strip() == str(level)
            if same_title and same_level:
                return row["lars_code"].strip()
    raise LookupError(f"No standard titled {course_title!r} at level {level}.")


def _dates(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    closing = today + datetime.timedelta(days=CLOSING_DAYS_AHEAD)
    return closing, closing + datetime.timedelta(days=START_DAYS_AFTER_CLOSING)


def _existing(demo, title: str, today: datetime.date) -> Job | None:
    """Return the demo job with this title, its dates moved on if they are near."""
    job = Job.objects.filter(tenant=demo.tenant, title=title).first()
    if job is None:
        return None
    soon = today + datetime.timedelta(days=MIN_CLOSING_DAYS_AHEAD)
    not_uploaded = job.nas_status == Job.NasStatus.NOT_UPLOADED
    if not_uploaded and (job.closing_date is None or job.closing_date < soon):
        job.closing_date, job.expected_start_date = _dates(today)
        job.save(update_fields=["closing_date", "expected_start_date", "updated_at"])
    return job


def _apprenticeship_job(demo, contact, advert: dict, today: datetime.date) -> Job:
    job = _existing(demo, advert["title"], today)
    if job is not None:
        return job

    closing, start = _dates(today)
    completion = COMPLETIONS[advert["title"]]
    return Job.objects.create(
        tenant=demo.tenant,
        programme=demo.programme,
        organisation=demo.organisation,
        contact=contact,
        owner=demo.staff,
        contract_type=Job.ContractType.APPRENTICESHIP,
        title=advert["title"],
        description=advert["description"],
        address_line1=advert["address_line1"] or completion["address_line1"],
        address_line2=advert["town"].title(),
        postcode=advert["postcode"],
        web_address=demo.organisation.web_address,
        wage_type=advert["wage_type"],
        fixed_wage_yearly_amount=advert["fixed_wage_yearly_amount"],
        working_hours=advert["working_hours"],
        maximum_enrolments=advert["maximum_enrolments"],
        closing_date=closing,
        expected_start_date=start,
        desired_skills=completion["desired_skills"],
        desired_personal_qualities=completion["desired_personal_qualities"],
        qualifications=completion["qualifications"],
        future_prospects=completion["future_prospects"],
        training_to_be_provided=completion["training_to_be_provided"],
        employer_description=demo.organisation.employer_description,
        expected_duration_months=advert["expected_duration_months"],
        hours_per_week=Decimal(str(advert["hours_per_week"])),
        training_code=lars_code_for(
            advert["training_course_title"], advert["training_level"]
        ),
    )


def _other_job(demo, contact, today: datetime.date) -> Job:
    job = _existing(demo, OTHER_JOB_TITLE, today)
    if job is not None:
        return job

    closing, start = _dates(today)
    return Job.objects.create(
        tenant=demo.tenant,
        programme=demo.programme,
        organisation=demo.organisation,
        contact=contact,
        owner=demo.staff,
        contract_type=Job.ContractType.PERMANENT,
        title=OTHER_JOB_TITLE,
        description="Serve customers in our Market Street shop, take orders for "
        "celebration cakes and keep the counter stocked through the day.",
        address_line1="12 Market Street",
        address_line2="Leeds",
        postcode="LS1 6DT",
        wage_type=Job.WageType.FIXED_WAGE,
        fixed_wage_yearly_amount=Decimal("23500"),
        working_hours="Tuesday to Saturday, 7am to 3pm.",
        maximum_enrolments=1,
        closing_date=closing,
        expected_start_date=start,
        desired_skills=["Customer care skills"],
        desired_personal_qualities=["Team working"],
        hours_per_week=Decimal("37.5"),
    )
