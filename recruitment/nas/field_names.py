"""Map the Recruitment API's error keys back to our job field names.

The API reports errors under several spellings of the same field. There are
the inner validator's C# property paths (``Wage.WeeklyHours``), the outer
API's display names (``Short Description``) and JSON paths for unreadable JSON
(``$.wage.weeklyHours``). There are also the request's own camelCase names
after the API's text replacements (``address.postcode``). Keys compare
case-insensitively.
"""

from __future__ import annotations

import re

from .errors import NON_FIELD

_SIMPLE_KEYS = {
    "title": "title",
    "shortdescription": "description",
    "description": "description",
    "numberofpositions": "maximum_enrolments",
    "closingdate": "closing_date",
    # The inner validator reports the date-only start/closing cross check
    # under an empty key.
    "": "expected_start_date",
    "startdate": "expected_start_date",
    "wage": "wage_type",
    "wage.wagetype": "wage_type",
    "wage.weeklyhours": "hours_per_week",
    "wage.duration": "expected_duration_months",
    "wage.durationunit": "expected_duration_months",
    "wage.fixedwageyearlyamount": "fixed_wage_yearly_amount",
    "wage.workingweekdescription": "working_hours",
    "postcode": "postcode",
    "standardlarscode": "training_code",
    "programmeid": "training_code",
    "skills": "desired_skills",
    "qualifications": "qualifications",
    "outcomedescription": "future_prospects",
    "trainingdescription": "training_to_be_provided",
    "employerdescription": "employer_description",
    "employerwebsiteurl": "web_address",
    "contractingparties": "organisation.legal_entity_id",
    "contractingparties.accountlegalentitypublichashedid": (
        "organisation.legal_entity_id"
    ),
    "accountlegalentitypublichashedid": "organisation.legal_entity_id",
    "contact": "contact",
    "submittercontactdetails": "contact",
}

_LOCATION = r"(?:address|addresses|multipleaddresses|employerlocations)(?:\[\d+\])?"
_ADDRESS_PART = re.compile(rf"^{_LOCATION}\.(addressline[1-4]|postcode)$")
_LOCATION_ONLY = re.compile(rf"^{_LOCATION}$")
_SKILL_ITEM = re.compile(r"^skills\[\d+\]$")
_QUALIFICATION = re.compile(r"^qualifications\[(\d+)\](?:\.(\w+))?$")
_CONTACT = re.compile(r"^(?:contact|submittercontactdetails)\.(name|email|phone)$")

_QUALIFICATION_PARTS = {
    "subject": "subject",
    "grade": "grade",
    "qualificationtype": "type",
    "weighting": "weighting",
    "level": "level",
    "otherqualificationname": "other_name",
}


def _normalise_key(key: str) -> str | None:
    normalised = key.strip().replace(" ", "").lower()
    if normalised.startswith("$"):
        normalised = normalised[1:].lstrip(".")
        if not normalised:
            # "$" alone is the whole request body, not the empty key.
            return None
    return normalised


def job_field_for_api_key(key: str) -> str | None:
    """Return our job field name for an API error key, or None if it has none."""
    normalised = _normalise_key(key)
    if normalised is None:
        return None
    if normalised in _SIMPLE_KEYS:
        return _SIMPLE_KEYS[normalised]

    match = _ADDRESS_PART.match(normalised)
    if match:
        part = match.group(1)
        if part == "postcode":
            return "postcode"
        return "address_line" + part[-1]
    if _LOCATION_ONLY.match(normalised):
        return "address_line1"
    if _SKILL_ITEM.match(normalised):
        return "desired_skills"

    match = _QUALIFICATION.match(normalised)
    if match:
        index, part = match.groups()
        if part in _QUALIFICATION_PARTS:
            return f"qualifications.{index}.{_QUALIFICATION_PARTS[part]}"
        return f"qualifications.{index}"

    match = _CONTACT.match(normalised)
    if match:
        return f"contact.{match.group(1)}"
    return None


def map_api_errors(
    api_errors: list[tuple[str | None, str]],
) -> list[tuple[str, str]]:
    """Pair each (API key, message) with our field name.

    A key of None marks a message that came without any key (plain text or a
    bare list of strings). A key with no job field goes under ``NON_FIELD`` and
    keeps the key in the message, so the reader still sees which part of the
    request failed.
    """
    field_errors = []
    for key, message in api_errors:
        field = None if key is None else job_field_for_api_key(key)
        if field is not None:
            field_errors.append((field, message))
        elif key is None:
            field_errors.append((NON_FIELD, message))
        else:
            field_errors.append((NON_FIELD, f"{key}: {message}"))
    return field_errors
