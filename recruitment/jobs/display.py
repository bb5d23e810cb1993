"""Display data for the job screens: profile rows and the check's failures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.urls import reverse

from .models import Job, TrainingCourse
from .rules import Failure
from .text_checks import format_decimal

# Labels of the job fields, as the job form shows them.
FIELD_LABELS = {
    "organisation": "Organisation",
    "contact": "Contact",
    "programme": "Account programme",
    "owner": "Owner",
    "contract_type": "Contract type",
    "status": "Status",
    "title": "Title",
    "description": "Description",
    "address_line1": "Address line 1",
    "address_line2": "Address line 2",
    "address_line3": "Address line 3",
    "address_line4": "Address line 4",
    "postcode": "Postcode",
    "web_address": "Web address",
    "wage_type": "Wage type",
    "fixed_wage_yearly_amount": "Fixed wage, yearly amount (£)",
    "hours_per_week": "Hours per week",
    "working_hours": "Working hours",
    "closing_date": "Closing date",
    "expected_start_date": "Expected start date",
    "expected_duration_months": "Expected duration (months)",
    "maximum_enrolments": "Maximum enrolments (number of positions)",
    "desired_skills": "Desired skills",
    "desired_personal_qualities": "Desired personal qualities",
    "qualifications": "Qualifications",
    "training_code": "Training course",
    "training_to_be_provided": "Training to be provided",
    "future_prospects": "Future prospects",
    "employer_description": "Employer description",
}
# Fields that may contain the HTML tags the Recruitment API accepts.
HTML_FIELDS = frozenset(
    {
        "description",
        "future_prospects",
        "training_to_be_provided",
        "employer_description",
    }
)
ORGANISATION_LABELS = {
    "name": "Organisation name",
    "legal_entity_id": "Organisation's account legal entity ID",
}
# Labels of a qualification row's fields, as the error summary shows them.
QUALIFICATION_LABELS = {
    "type": "type",
    "subject": "subject",
    "grade": "grade",
    "weighting": "weighting",
    "level": "BTEC level",
    "other_name": "name of the qualification",
}
CONTACT_LABELS = {
    "name": "Contact name",
    "email": "Contact email",
    "phone": "Contact phone",
}


@dataclass(frozen=True)
class FailureLink:
    """One failed advert rule, with where to fix it."""

    field: str
    label: str
    message: str
    url: str


def failure_links(job: Job, failures: list[Failure]) -> list[FailureLink]:
    links = []
    for failure in failures:
        label, url = _target(job, failure.field)
        links.append(FailureLink(failure.field, label, failure.message, url))
    return links


def _edit_url(job: Job, html_name: str) -> str:
    return reverse("jobs:edit", args=[job.pk]) + f"#field-{html_name}"


def _target(job: Job, field: str) -> tuple[str, str]:
    """Return the label and the edit page anchor of a failure's field."""
    top, _, rest = field.partition(".")

    if top == "organisation" and rest:
        url = reverse("organisations:edit", args=[job.organisation_id])
        return ORGANISATION_LABELS.get(rest, rest), f"{url}#field-{rest}"

    if top == "contact" and rest and job.contact_id:
        url = reverse(
            "organisations:contact_edit", args=[job.organisation_id, job.contact_id]
        )
        return CONTACT_LABELS.get(rest, rest), f"{url}#field-{rest}"

    if top == "qualifications" and rest:
        index, _, part = rest.partition(".")
        if index.isdigit():
            part = part or "type"
            label = f"Qualification {int(index) + 1}, "
            label += QUALIFICATION_LABELS.get(part, part)
            return label, _edit_url(job, f"qualifications-{index}-{part}")

    label = FIELD_LABELS.get(top, top.replace("_", " ").capitalize())
    if top in ("desired_skills", "desired_personal_qualities") and rest.isdigit():
        label = f"{label}, line {int(rest) + 1}"
    return label, _edit_url(job, top)


def _format(value) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value)


def _qualification_text(item) -> str:
    """Describe an item, such as "BTEC level 3 Engineering, grade Merit (essential)".

    An Other item shows its name in brackets after the type.
    """
    if not isinstance(item, dict):
        return str(item)
    kind = str(item.get("type") or "").strip()
    if item.get("level") not in (None, ""):
        kind += f" level {item['level']}"
    if str(item.get("other_name") or "").strip():
        kind += f" ({str(item['other_name']).strip()})"
    text = f"{kind} {str(item.get('subject') or '').strip()}".strip()
    if item.get("grade"):
        text += f", grade {item['grade']}"
    if item.get("weighting"):
        text += f" ({item['weighting']})"
    return text


def _training_course_text(code: str) -> str:
    if not code:
        return ""
    course = TrainingCourse.objects.filter(lars_code=code).first()
    if course is None:
        return f"LARS code {code} (not in the current course list)"
    level = f" (level {course.level})" if course.level else ""
    return f"{course.title}{level}, LARS code {code}"


class ProfileRow(NamedTuple):
    """One line of the job profile. `html` marks text to render as advert HTML."""

    label: str
    value: str
    html: bool


def profile_rows(job: Job) -> list[ProfileRow]:
    """Return a row for every job field, in the order of the job form."""
    values = {
        "organisation": job.organisation.name,
        "contact": ""
        if job.contact is None
        else ", ".join(
            part
            for part in (job.contact.name, job.contact.email, job.contact.phone)
            if part
        ),
        "programme": str(job.programme),
        "owner": "" if job.owner is None else str(job.owner),
        "contract_type": job.get_contract_type_display(),
        "status": job.get_status_display(),
        "wage_type": job.get_wage_type_display(),
        "qualifications": "\n".join(
            _qualification_text(item) for item in job.qualifications or []
        ),
        "training_code": _training_course_text(job.training_code),
    }
    rows = []
    for name, label in FIELD_LABELS.items():
        value = values[name] if name in values else _format(getattr(job, name))
        rows.append(ProfileRow(label, value, name in HTML_FIELDS))
    return rows
