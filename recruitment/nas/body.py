"""Build the create-vacancy request body from our job fields, and encode it.

The body follows the Recruitment API's CreateVacancyRequest: camelCase names,
enum values as their names, dates as UTC midnight, ``standardLarsCode`` as a
string. Money and hours stay ``Decimal`` and are written as exact JSON numbers
by ``encode_json``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from recruitment.jobs.rules import parse_whole_number

WAGE_TYPE_NAMES = {
    "fixedwage": "FixedWage",
    "nationalminimumwageforapprentices": "NationalMinimumWageForApprentices",
    "nationalminimumwage": "NationalMinimumWage",
    "competitivesalary": "CompetitiveSalary",
}

WEIGHTING_NAMES = {
    "essential": "Essential",
    "desired": "Desired",
    "desirable": "Desired",
}


def _enum_key(value: str) -> str:
    return "".join(ch for ch in str(value).lower() if ch.isalnum())


def wage_type_name(wage_type: str) -> str:
    """Return the API's enum name for a wage type such as ``fixed_wage``."""
    try:
        return WAGE_TYPE_NAMES[_enum_key(wage_type)]
    except KeyError:
        raise ValueError(
            f"Unknown wage type {wage_type!r}; expected one of "
            f"{', '.join(WAGE_TYPE_NAMES.values())}."
        ) from None


def weighting_name(weighting: str) -> str:
    try:
        return WEIGHTING_NAMES[_enum_key(weighting)]
    except KeyError:
        raise ValueError(
            f"Unknown qualification weighting {weighting!r}; "
            "expected essential or desired."
        ) from None


def format_api_date(value: datetime.date | str) -> str:
    """Format a calendar date as the API's UTC midnight, ``YYYY-MM-DDT00:00:00Z``."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    elif isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return f"{value.isoformat()}T00:00:00Z"


def _decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # str() gives the shortest text that reads back as the same float,
        # so 37.5 becomes Decimal("37.5") and not its binary expansion.
        return Decimal(str(value))
    return Decimal(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _text_items(value: Any) -> list[str]:
    """Return the non-blank items of a list, or of a text with one item a line."""
    if value is None:
        return []
    if isinstance(value, str):
        items: Iterable[Any] = value.splitlines()
    else:
        items = value
    return [_text(item) for item in items if _text(item)]


def _address(job: Mapping[str, Any]) -> dict[str, str]:
    address = {"addressLine1": _text(job.get("address_line1"))}
    for number in (2, 3, 4):
        line = _text(job.get(f"address_line{number}"))
        if line:
            address[f"addressLine{number}"] = line
    address["postcode"] = _text(job.get("postcode"))
    return address


def _wage(job: Mapping[str, Any]) -> dict[str, Any]:
    wage_type = wage_type_name(job["wage_type"])
    wage: dict[str, Any] = {"wageType": wage_type}
    if wage_type == "FixedWage" and job.get("fixed_wage_yearly_amount") is not None:
        wage["fixedWageYearlyAmount"] = _decimal(job["fixed_wage_yearly_amount"])
    wage["weeklyHours"] = _decimal(job["hours_per_week"])
    wage["workingWeekDescription"] = _text(job.get("working_hours"))
    wage["duration"] = int(job["expected_duration_months"])
    wage["durationUnit"] = "Month"
    return wage


def _contact(contact: Mapping[str, Any]) -> dict[str, str]:
    details = {
        "name": _text(contact.get("name")),
        "email": _text(contact.get("email")),
    }
    phone = _text(contact.get("phone"))
    if phone:
        details["phone"] = phone
    return details


def _qualification(item: Mapping[str, Any]) -> dict:
    qualification_type = _text(item.get("type"))
    body = {
        "qualificationType": qualification_type,
        "subject": _text(item.get("subject")),
        "grade": _text(item.get("grade")),
        "weighting": weighting_name(item.get("weighting") or "essential"),
    }
    # The API requires these only when the type contains "BTEC" or "Other".
    # A missing level is sent as null, so the API names the field it needs.
    if "BTEC" in qualification_type:
        body["level"] = parse_whole_number(item.get("level"))
    if "Other" in qualification_type:
        body["otherQualificationName"] = _text(item.get("other_name"))
    return body


def _qualifications(items: Iterable[Mapping[str, Any]] | None) -> list[dict]:
    return [_qualification(item) for item in items or []]


def build_vacancy_body(
    job: Mapping[str, Any], *, ukprn: int, application_url: str
) -> dict[str, Any]:
    """Build the create-vacancy body for one job.

    ``job`` uses our job field names; ``organisation`` and ``contact`` are
    nested mappings. The description is sent as both the short and the full
    description, and the skills list is the desired skills followed by the
    desired personal qualities. Applicants apply through ``application_url``.
    Raises ValueError for a wage type or qualification weighting the API does
    not know, and KeyError for a missing mandatory field.
    """
    organisation = job.get("organisation") or {}
    description = _text(job.get("description"))

    body: dict[str, Any] = {
        "title": _text(job.get("title")),
        "numberOfPositions": int(job["maximum_enrolments"]),
        "closingDate": format_api_date(job["closing_date"]),
        "startDate": format_api_date(job["expected_start_date"]),
        "contractingParties": {
            "accountLegalEntityPublicHashedId": _text(
                organisation.get("legal_entity_id")
            ),
            "ukprn": int(ukprn),
        },
        "wage": _wage(job),
        "address": _address(job),
        "shortDescription": description,
        "description": description,
        "outcomeDescription": _text(job.get("future_prospects")),
        "trainingDescription": _text(job.get("training_to_be_provided")),
        "standardLarsCode": _text(job.get("training_code")),
        "employerNameOption": "RegisteredName",
        "employerDescription": _text(job.get("employer_description")),
        "disabilityConfident": "No",
        "submitterContactDetails": _contact(job.get("contact") or {}),
        "skills": _text_items(job.get("desired_skills"))
        + _text_items(job.get("desired_personal_qualities")),
        "qualifications": _qualifications(job.get("qualifications")),
        "applicationMethod": "ThroughExternalApplicationSite",
        "applicationUrl": application_url,
    }
    web_address = _text(job.get("web_address"))
    if web_address:
        body["employerWebsiteUrl"] = web_address
    return body


def _format_decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"Cannot send {value} as a JSON number.")
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def encode_json(value: Any) -> str:
    """Encode a request body as compact JSON, writing Decimals exactly.

    ``json.dumps`` rejects Decimal, and converting to float first could change
    an amount, so Decimal values are written from their own digits
    (``Decimal("37.50")`` becomes ``37.5``).
    """
    if isinstance(value, Decimal):
        return _format_decimal(value)
    if isinstance(value, Mapping):
        members = (
            f"{json.dumps(str(key))}:{encode_json(item)}" for key, item in value.items()
        )
        return "{" + ",".join(members) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(encode_json(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
