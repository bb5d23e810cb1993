"""Job services shared by the job screens, the upload, the JSON API and commands.

The advert rules in ``rules.py`` take a plain mapping. These functions build
that mapping from a saved Job and choose the tenant's settings for the check.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from recruitment.programmes.models import JobsToken

from .models import Job, TrainingCourse
from .rules import PRODUCT_RULE, Failure, check_job

LONDON = ZoneInfo("Europe/London")

# The job fields that the advert rules read, in the order of the job form.
RULE_FIELDS = (
    "contract_type",
    "title",
    "description",
    "address_line1",
    "address_line2",
    "address_line3",
    "address_line4",
    "postcode",
    "web_address",
    "wage_type",
    "fixed_wage_yearly_amount",
    "working_hours",
    "maximum_enrolments",
    "closing_date",
    "expected_start_date",
    "desired_skills",
    "desired_personal_qualities",
    "qualifications",
    "future_prospects",
    "training_to_be_provided",
    "employer_description",
    "expected_duration_months",
    "hours_per_week",
    "training_code",
)


def london_today() -> datetime.date:
    """Return today's calendar date in Europe/London, the date the rules use."""
    return datetime.datetime.now(LONDON).date()


def job_rule_input(job: Job) -> dict:
    """Build the mapping that ``rules.check_job`` takes from a saved job."""
    data = {name: getattr(job, name) for name in RULE_FIELDS}

    organisation = job.organisation
    data["organisation"] = {
        "name": organisation.name,
        "legal_entity_id": organisation.legal_entity_id,
    }

    contact = job.contact
    data["contact"] = (
        None
        if contact is None
        else {"name": contact.name, "email": contact.email, "phone": contact.phone}
    )
    return data


def duration_rule_for(job: Job) -> str:
    """Return the minimum duration rule chosen on the job programme's Jobs token.

    Reads the token without creating one, so a check never writes.
    """
    token = JobsToken.objects.filter(programme_id=job.programme_id).first()
    if token is None or not token.duration_rule:
        return PRODUCT_RULE
    return token.duration_rule


def stored_training_codes() -> frozenset[str] | None:
    """Return the LARS codes of the stored training courses, or None when none are.

    With None, ``check_job`` accepts any non-blank code, because an empty
    table means the reference data was never loaded, not that no code is valid.
    """
    codes = frozenset(TrainingCourse.objects.values_list("lars_code", flat=True))
    return codes or None


def check_job_for_nas(job: Job, today: datetime.date | None = None) -> list[Failure]:
    """Check a saved job against every advert rule, with its tenant's settings.

    ``today`` defaults to the current date in Europe/London.
    """
    return check_job(
        job_rule_input(job),
        today or london_today(),
        duration_rule=duration_rule_for(job),
        training_codes=stored_training_codes(),
    )


def application_url(job: Job) -> str:
    """Return the absolute address of the job's public application form."""
    return job.application_url
