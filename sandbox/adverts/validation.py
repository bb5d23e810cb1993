"""The live API's create-vacancy checks, with its keys and messages.

The character, HTML, postcode, email, web address, wage and duration
decisions come from the product's pure rules module, so the sandbox and the
product agree. This module adds only the API's keys, messages and order.

Three stages run in turn, each returning a dict of key -> messages:

* ``outer_html_errors``: the outer API's HTML check, keyed by display names.
* ``england_postcode_errors``: the outer API's geocoding check.
* ``inner_validation_errors``: the inner validator, keyed by its C# property
  paths. ``relay_inner_errors`` turns its result into the text the outer API
  passes through, with the outer API's key renaming.

Messages the published contract does not quote (mostly length limits of
fields whose outer attribute fires first, and profanity messages other than
the title's) follow the wording of their neighbours.
"""

from __future__ import annotations

import datetime
import math
import os
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any
from urllib.parse import urlsplit

from recruitment.jobs import rules

from .binding import APPLICATION_METHOD, DURATION_UNIT, WAGE_TYPE
from .responses import inner_validation_text

ErrorDict = dict[str, list[str]]

# The live API rejects an application link on a loopback host, because it
# has no dot or its host is an IPv4 address. A local copy of the product
# serves its application form on such a host, so the sandbox accepts loopback
# links unless SANDBOX_STRICT_APPLICATION_URLS is set. Then it applies the
# live rule.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
ACCEPT_LOOPBACK_APPLICATION_URLS = os.environ.get(
    "SANDBOX_STRICT_APPLICATION_URLS", ""
).lower() not in ("1", "true", "yes")

# The inner validator's minimum duration, with no start-date switch.
LIVE_MINIMUM_MONTHS = 8
FULL_TIME_HOURS = Decimal(30)

# Outer HTML check: request property -> the display name used as error key.
HTML_FIELD_KEYS = {
    "shortDescription": "Short Description",
    "description": "Description",
    "employerDescription": "Employer Description",
    "outcomeDescription": "Outcome Description",
    "thingsToConsider": "Things To Consider",
    "trainingDescription": "Training Description",
    "recruitingNationallyDetails": "Recruiting Nationally Details",
    "additionalTrainingDescription": "Additional Training Description",
}


def _add(errors: ErrorDict, key: str, message: str) -> None:
    errors.setdefault(key, []).append(message)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _length(text: str) -> int:
    return rules.utf16_length(text)


# ---------------------------------------------------------------------------
# Outer API checks
# ---------------------------------------------------------------------------


def outer_html_errors(request: dict) -> ErrorDict:
    errors: ErrorDict = {}
    fields = [(request.get(name), key) for name, key in HTML_FIELD_KEYS.items()]
    fields.append(
        (
            request["wage"].get("CompanyBenefitsInformation"),
            "Company Benefits Information",
        )
    )
    for value, key in fields:
        if isinstance(value, str):
            problems = rules.html_problems(value)
            if problems:
                _add(errors, key, "; ".join(problems))
    return errors


def request_addresses(request: dict) -> list[dict]:
    """Return the addresses the outer API passes on, as its mapper chooses them."""
    if request.get("recruitingNationally"):
        return []
    if request.get("multipleAddresses"):
        return list(request["multipleAddresses"])
    if request.get("address") is not None:
        return [request["address"]]
    return []


def england_postcode_errors(request: dict) -> ErrorDict:
    """Reject a known UK postcode outside England.

    A postcode that is not a valid UK postcode is left to the inner
    validator, as the live geocoder does with postcodes it cannot find.
    """
    for address in request_addresses(request):
        postcode = address.get("postcode") or ""
        if rules.is_uk_postcode(postcode) and not rules.is_england_postcode(postcode):
            return {"Postcode": ["Postcode must be in England"]}
    return {}


# ---------------------------------------------------------------------------
# Shared checks of the inner validator
# ---------------------------------------------------------------------------


def _is_banned(text: str, banned: Sequence[str]) -> bool:
    normalised = " " + " ".join(re.sub(r"[^\w]|_", " ", text).lower().split()) + " "
    for term in banned:
        words = " ".join(re.sub(r"[^\w]|_", " ", term).lower().split())
        if words and f" {words} " in normalised:
            return True
    return False


def _has_invalid_free_text(text: str) -> bool:
    return bool(rules.invalid_free_text_characters(text))


def _html_is_invalid(text: str) -> bool:
    """Apply the inner HTML rule: allowed tags only, nothing a sanitiser removes,
    free-text characters plus < and >, and some text left."""
    if rules.html_problems(text) or rules.html_sanitiser_problems(text):
        return True
    if rules.invalid_html_text_characters(text):
        return True
    return not re.sub(r"<[^<>]*>", "", text).strip()


def _check_html_text(
    errors: ErrorDict,
    key: str,
    value: str | None,
    *,
    label: str,
    banned: Sequence[str],
    required: str | None = None,
    max_length: int = rules.LONG_TEXT_MAX_LENGTH,
    max_message: str | None = None,
) -> None:
    if _blank(value):
        if required:
            _add(errors, key, required)
        return
    if _length(value) > max_length:
        _add(
            errors,
            key,
            max_message or f"{label} must not exceed {max_length} characters",
        )
    if _html_is_invalid(value):
        _add(errors, key, f"{label} contains some invalid characters")
    if _is_banned(value, banned):
        _add(errors, key, f"{label} must not contain a banned word or phrase.")


def _check_free_text(
    errors: ErrorDict,
    key: str,
    value: str | None,
    *,
    label: str,
    banned: Sequence[str],
    max_length: int,
    required: str | None = None,
) -> None:
    """Check a plain text field, stopping at the first failure."""
    if _blank(value):
        if required:
            _add(errors, key, required)
        return
    if _length(value) > max_length:
        _add(errors, key, f"{label} must not exceed {max_length} characters")
    elif _has_invalid_free_text(value):
        _add(errors, key, f"{label} contains some invalid characters")
    elif _is_banned(value, banned):
        _add(errors, key, f"{label} must not contain a banned word or phrase.")


def _is_valid_link(url: str) -> bool:
    if " " in url or url.startswith(".") or url.endswith(".") or "." not in url:
        return False
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def _is_loopback_url(url: str) -> bool:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    return host in LOOPBACK_HOSTS


def _check_web_address(
    errors: ErrorDict, key: str, url: str, *, max_length: int
) -> None:
    if _length(url) > max_length:
        _add(
            errors,
            key,
            f"Application website link must not exceed {max_length} characters",
        )
    elif not _is_valid_link(url):
        _add(errors, key, "Application website link must be a valid link")
    elif not rules.is_absolute_web_url(url):
        _add(errors, key, "Enter a valid website address")


# ---------------------------------------------------------------------------
# Inner validator, field by field
# ---------------------------------------------------------------------------


def _check_title(errors: ErrorDict, title: str | None, banned: Sequence[str]) -> None:
    key = "Title"
    if _blank(title):
        _add(errors, key, "Enter a title for this apprenticeship")
    elif _length(title) > rules.TITLE_MAX_LENGTH:
        _add(errors, key, "Title must not exceed 100 characters")
    elif _has_invalid_free_text(title):
        _add(errors, key, "Title contains some invalid characters")
    elif not rules.title_has_apprentice_word(title):
        _add(
            errors,
            key,
            "Enter a title which includes the word 'apprentice' or 'apprenticeship'",
        )
    elif _is_banned(title, banned):
        _add(errors, key, "Title must not contain a banned word or phrase.")


def _check_short_description(
    errors: ErrorDict, text: str | None, banned: Sequence[str]
) -> None:
    key = "ShortDescription"
    label = "Short description of the apprenticeship"
    if _blank(text):
        _add(errors, key, "Enter a short description of the apprenticeship")
    elif _length(text) > rules.DESCRIPTION_MAX_LENGTH:
        _add(
            errors, key, "Summary of the apprenticeship must not exceed 350 characters"
        )
    elif _length(text) < rules.DESCRIPTION_MIN_LENGTH:
        _add(
            errors, key, "Summary of the apprenticeship must be at least 50 characters"
        )
    elif _html_is_invalid(text):
        _add(errors, key, f"{label} contains some invalid characters")
    elif _is_banned(text, banned):
        _add(errors, key, f"{label} must not contain a banned word or phrase.")


def _check_long_texts(errors: ErrorDict, request: dict, banned: Sequence[str]) -> None:
    _check_html_text(
        errors,
        "Description",
        request.get("description"),
        label="What the apprentice will do at work",
        required="Enter what the apprenticeship will do at work",
        banned=banned,
    )
    _check_html_text(
        errors,
        "OutcomeDescription",
        request.get("outcomeDescription"),
        label="Future prospects",
        required="Enter the expected career progression after this apprenticeship",
        banned=banned,
    )
    _check_html_text(
        errors,
        "TrainingDescription",
        request.get("trainingDescription"),
        label="The apprentice’s training plan",
        max_message="The apprentice’s training plan must not exceed 4000 characters",
        banned=banned,
    )
    _check_html_text(
        errors,
        "AdditionalTrainingDescription",
        request.get("additionalTrainingDescription"),
        label="Additional training information",
        banned=banned,
    )
    _check_html_text(
        errors,
        "ThingsToConsider",
        request.get("thingsToConsider"),
        label="Other requirements",
        max_message="Other requirements must not exceed 4000 characters",
        banned=banned,
    )
    _check_html_text(
        errors,
        "EmployerDescription",
        request.get("employerDescription"),
        label="Details about the employer",
        required="Enter details about the employer",
        banned=banned,
    )


def _check_employer(
    errors: ErrorDict,
    request: dict,
    employer_name: str | None,
    banned: Sequence[str],
) -> None:
    option = request.get("employerNameOption")
    alternative = request.get("alternativeEmployerName")
    key = "EmployerName"

    if option == "RegisteredName":
        if _blank(employer_name):
            _add(errors, key, "Select the employer name you want on your vacancy")
    elif option == "TradingName":
        _check_free_text(
            errors,
            key,
            alternative,
            label="Trading name",
            required="Enter the trading name",
            max_length=100,
            banned=banned,
        )
    else:
        _check_free_text(
            errors,
            key,
            alternative,
            label="Description of what the employer does",
            required="Enter a brief description of what the employer does",
            max_length=100,
            banned=banned,
        )
        _check_free_text(
            errors,
            "AnonymousReason",
            request.get("anonymousReason"),
            label="Reason for being anonymous",
            required="Enter why you want your vacancy to be anonymous",
            max_length=200,
            banned=banned,
        )

    website = request.get("employerWebsiteUrl")
    if not _blank(website):
        _check_web_address(
            errors,
            "EmployerWebsiteUrl",
            website,
            max_length=rules.WEB_ADDRESS_MAX_LENGTH,
        )


def _check_locations(errors: ErrorDict, request: dict, banned: Sequence[str]) -> None:
    if request.get("recruitingNationally"):
        details = request.get("recruitingNationallyDetails")
        key = "EmployerLocationInformation"
        if details is None:
            _add(
                errors, key, "Add more information about where the apprentice will work"
            )
        elif _length(details) > 500:
            _add(
                errors,
                key,
                "Information about where the apprentice will work must be 500 "
                "characters or less",
            )
        elif _is_banned(details, banned):
            _add(
                errors,
                key,
                "Information about where the apprentice will work must not contain "
                "a banned word or phrase.",
            )
        return

    addresses = request_addresses(request)
    if request.get("multipleAddresses"):
        if not 2 <= len(addresses) <= 10:
            _add(errors, "EmployerLocations", "Select between 2 and 10 locations")
    elif len(addresses) != 1:
        _add(errors, "EmployerLocations", "Select a location")

    for index, address in enumerate(addresses):
        prefix = f"EmployerLocations[{index}]"
        _check_free_text(
            errors,
            f"{prefix}.AddressLine1",
            address.get("addressLine1"),
            label="Address line 1",
            required="Enter the address where the apprentice will work",
            max_length=rules.ADDRESS_LINE_MAX_LENGTH,
            banned=(),
        )
        for number in (2, 3, 4):
            _check_free_text(
                errors,
                f"{prefix}.AddressLine{number}",
                address.get(f"addressLine{number}"),
                label=f"Address line {number}",
                max_length=rules.ADDRESS_LINE_MAX_LENGTH,
                banned=(),
            )
        postcode = address.get("postcode")
        if _blank(postcode):
            _add(errors, f"{prefix}.Postcode", "Enter the postcode")
        elif not rules.is_uk_postcode(postcode):
            _add(errors, f"{prefix}.Postcode", "'Postcode' is not in a valid format")


def _check_dates(errors: ErrorDict, request: dict, today: datetime.date) -> None:
    closing = request.get("closingDate")
    start = request.get("startDate")
    minimum = datetime.datetime.min

    if closing is None or closing == minimum:
        _add(errors, "ClosingDate", "Enter an application closing date")
        closing = None
    elif closing.date() < today + datetime.timedelta(days=rules.CLOSING_DATE_MIN_DAYS):
        _add(
            errors,
            "ClosingDate",
            "Closing date should be at least 7 days in the future.",
        )

    if start is None or start == minimum:
        _add(errors, "StartDate", "Enter when you expect the apprenticeship to start")
        return
    if closing is None:
        return
    if start <= closing:
        _add(
            errors,
            "StartDate",
            "Start date cannot be before the closing date. We advise using a date "
            "more than 14 days from now.",
        )
    if start.date() <= closing.date():
        _add(errors, "", "The possible start date should be after the closing date")


def live_minimum_duration_months(hours: Decimal) -> int:
    """Return the inner validator's minimum: 8 months, more below 30 hours a week.

    Below 30 hours it is ceiling(30 / hours x 8), computed exactly.
    """
    if hours >= FULL_TIME_HOURS or hours <= 0:
        return LIVE_MINIMUM_MONTHS
    return math.ceil(Fraction(FULL_TIME_HOURS) / Fraction(hours) * LIVE_MINIMUM_MONTHS)


def _check_wage(
    errors: ErrorDict, wage: dict, start: datetime.datetime | None, banned
) -> None:
    wage_type = wage.get("wageType")
    if wage_type not in WAGE_TYPE.values:
        _add(errors, "Wage.WageType", "Select how much the apprentice will be paid")

    hours = wage.get("weeklyHours")
    hours_valid = False
    if hours is None or hours == 0:
        _add(
            errors,
            "Wage.WeeklyHours",
            "Enter how many hours the apprenticeship will work each week, including "
            "training",
        )
    elif hours < rules.MIN_HOURS_PER_WEEK:
        _add(errors, "Wage.WeeklyHours", "The total hours a week must be at least 16")
    elif hours > rules.MAX_HOURS_PER_WEEK:
        _add(
            errors,
            "Wage.WeeklyHours",
            "The total hours a week must not be more than 48",
        )
    else:
        hours_valid = True

    _check_free_text(
        errors,
        "Wage.WorkingWeekDescription",
        wage.get("workingWeekDescription"),
        label="Working week details",
        required="Enter details about the working week",
        max_length=rules.WORKING_HOURS_MAX_LENGTH,
        banned=banned,
    )
    if "Wage.WorkingWeekDescription" in errors:
        errors["Wage.WorkingWeekDescription"] = [
            message.replace(
                "Working week details must not exceed",
                "Details about the working week must not exceed",
            )
            for message in errors["Wage.WorkingWeekDescription"]
        ]

    for name, label in (
        ("wageAdditionalInformation", "Information about pay"),
        ("CompanyBenefitsInformation", "Company benefits information"),
    ):
        _check_html_text(
            errors,
            f"Wage.{name[0].upper()}{name[1:]}",
            wage.get(name),
            label=label,
            max_length=500,
            banned=banned,
        )

    _check_duration(errors, wage, hours if hours_valid else None)

    if wage_type == "FixedWage" and hours_valid and start is not None:
        amount = wage.get("fixedWageYearlyAmount")
        minimum = rules.minimum_yearly_wage(start.date(), hours)
        if amount is None or amount < minimum:
            _add(
                errors,
                "Wage.FixedWageYearlyAmount",
                f"Yearly wage must be at least {rules.format_pounds(minimum)}",
            )


def _check_duration(errors: ErrorDict, wage: dict, hours: Decimal | None) -> None:
    unit = wage.get("durationUnit")
    duration = wage.get("duration")
    if unit not in DURATION_UNIT.values or duration is None:
        _add(
            errors,
            "Wage.Duration",
            "Enter how long the whole apprenticeship is, including work and training",
        )
        return
    if unit == "Month" and duration < LIVE_MINIMUM_MONTHS:
        _add(errors, "Wage.Duration", "Expected duration must be at least 8 months")
        return
    if hours is None or hours >= FULL_TIME_HOURS:
        return
    # The live validator converts years to months with a factor of 8, not 12,
    # so "1 Year" counts as 8 months. The sandbox keeps that behaviour.
    months = duration * LIVE_MINIMUM_MONTHS if unit == "Year" else duration
    required = live_minimum_duration_months(hours)
    if required > months:
        _add(
            errors,
            "Wage.Duration",
            f"Duration of apprenticeship must be {required} months based on the "
            "number of hours per week entered",
        )


def _check_skills(errors: ErrorDict, skills: list | None, banned) -> None:
    if not skills:
        _add(
            errors,
            "Skills",
            "Select the skills and personal qualities you'd like the applicant to have",
        )
        return
    for index, skill in enumerate(skills):
        key = f"Skills[{index}]"
        if _blank(skill):
            _add(errors, key, "You must include a skill or quality")
        elif _has_invalid_free_text(skill):
            _add(errors, key, "Skill contains some invalid characters")
        elif _length(skill) > rules.MAX_SKILL_LENGTH:
            _add(errors, key, "Skill or quality must not exceed 30 characters")
        elif _is_banned(skill, banned):
            _add(
                errors,
                key,
                "Skill or quality must not contain a banned word or phrase.",
            )


def _check_qualifications(errors: ErrorDict, items: list | None, banned) -> None:
    for index, item in enumerate(items or []):
        prefix = f"Qualifications[{index}]"
        qualification_type = item.get("qualificationType")
        if _blank(qualification_type):
            _add(errors, f"{prefix}.QualificationType", "Select a qualification")
        elif qualification_type not in rules.QUALIFICATION_TYPES:
            _add(errors, f"{prefix}.QualificationType", "Invalid qualification type")

        subject = item.get("subject")
        if _blank(subject):
            _add(errors, f"{prefix}.Subject", "Enter the subject")
        elif _length(subject) > rules.QUALIFICATION_SUBJECT_MAX_LENGTH:
            _add(
                errors,
                f"{prefix}.Subject",
                "The qualification must not exceed 50 characters",
            )
        else:
            _check_free_text(
                errors,
                f"{prefix}.Subject",
                subject,
                label="Subject",
                max_length=rules.QUALIFICATION_SUBJECT_MAX_LENGTH,
                banned=banned,
            )

        grade = item.get("grade")
        if _blank(grade):
            _add(errors, f"{prefix}.Grade", "Enter the grade")
        elif _length(grade) > rules.QUALIFICATION_GRADE_MAX_LENGTH:
            _add(
                errors,
                f"{prefix}.Grade",
                "The grade should be no longer than 30 characters",
            )
        else:
            _check_free_text(
                errors,
                f"{prefix}.Grade",
                grade,
                label="Grade",
                max_length=rules.QUALIFICATION_GRADE_MAX_LENGTH,
                banned=banned,
            )

        type_text = qualification_type or ""
        if "BTEC" in type_text and item.get("level") is None:
            _add(errors, f"{prefix}.Level", "Select the BTEC level")
        if "Other" in type_text and _blank(item.get("otherQualificationName")):
            _add(
                errors,
                f"{prefix}.OtherQualificationName",
                "Enter the name of the qualification",
            )
        if item.get("weighting") is None:
            _add(
                errors,
                f"{prefix}.Weighting",
                "Select if this qualification is essential or desirable",
            )


def _check_application(errors: ErrorDict, request: dict, banned) -> None:
    method = request.get("applicationMethod")
    url = request.get("applicationUrl")
    instructions = request.get("applicationInstructions")

    if method not in APPLICATION_METHOD.values:
        _add(errors, "ApplicationMethod", "Select a website for applications")
        return
    if method == "ThroughFindAnApprenticeship":
        if not _blank(url):
            _add(
                errors,
                "ApplicationUrl",
                "Application website link must be empty when apply through Find an "
                "apprenticeship service option is specified",
            )
        if not _blank(instructions):
            _add(
                errors,
                "ApplicationInstructions",
                "Application process must be empty when apply through Find an "
                "apprenticeship service option is specified",
            )
        _check_questions(errors, request, banned)
        return

    if _blank(url):
        _add(errors, "ApplicationUrl", "Enter the application website link")
    elif not (ACCEPT_LOOPBACK_APPLICATION_URLS and _is_loopback_url(url)):
        _check_web_address(errors, "ApplicationUrl", url, max_length=2000)
    if not _blank(instructions):
        if _length(instructions) > 500:
            _add(
                errors,
                "ApplicationInstructions",
                "How to apply must not exceed 500 characters",
            )
        elif _has_invalid_free_text(instructions):
            _add(
                errors,
                "ApplicationInstructions",
                "How to apply contains some invalid characters",
            )
        elif _is_banned(instructions, banned):
            _add(
                errors,
                "ApplicationInstructions",
                "How to apply must not contain a banned word or phrase.",
            )


def _check_questions(errors: ErrorDict, request: dict, banned) -> None:
    # The messages name "Question 3" for both fields on standard courses.
    for name in ("additionalQuestion1", "additionalQuestion2"):
        question = request.get(name)
        key = name[0].upper() + name[1:]
        if _blank(question):
            continue
        if _length(question) > 250:
            _add(errors, key, "Question 3 must not exceed 250 characters.")
        if _is_banned(question, banned):
            _add(errors, key, "Questions must not contain a restricted word")
        if "?" not in question:
            _add(errors, key, "Question 3 must include a question mark (‘?’).")


def _check_contact(errors: ErrorDict, contact: dict, banned) -> None:
    _check_free_text(
        errors,
        "Contact.Name",
        contact.get("name"),
        label="Contact name",
        max_length=rules.CONTACT_NAME_MAX_LENGTH,
        banned=banned,
    )
    email = contact.get("email")
    if not _blank(email):
        if _length(email) > rules.CONTACT_EMAIL_MAX_LENGTH:
            _add(
                errors, "Contact.Email", "Email address must not exceed 100 characters"
            )
        elif not rules.is_valid_email(email):
            _add(errors, "Contact.Email", "Email address must be in a valid format")

    phone = contact.get("phone")
    if not _blank(phone):
        if any(c not in "0123456789+-() \t" for c in phone):
            _add(
                errors,
                "Contact.Phone",
                "Contact number contains some invalid characters",
            )
        elif len(phone) > rules.PHONE_MAX_LENGTH:
            _add(errors, "Contact.Phone", "Contact number must not exceed 16 digits")
        elif len(phone) < rules.PHONE_MIN_LENGTH:
            _add(errors, "Contact.Phone", "Contact number must be more than 8 digits")


def inner_validation_errors(
    request: dict,
    *,
    today: datetime.date,
    employer_name: str | None,
    banned: Sequence[str] = (),
) -> ErrorDict:
    """Run the inner validator over a bound request; an empty dict means valid.

    ``today`` is the current UTC date. ``employer_name`` is the legal entity's
    registered name. ``banned`` lists the banned words and phrases.
    """
    errors: ErrorDict = {}
    _check_title(errors, request.get("title"), banned)
    if (request.get("numberOfPositions") or 0) <= 0:
        _add(
            errors,
            "NumberOfPositions",
            "Enter the number of positions for this apprenticeship",
        )
    _check_short_description(errors, request.get("shortDescription"), banned)
    _check_long_texts(errors, request, banned)
    _check_employer(errors, request, employer_name, banned)
    _check_locations(errors, request, banned)
    _check_dates(errors, request, today)
    if _blank(request.get("standardLarsCode")):
        _add(errors, "ProgrammeId", "Enter a valid training course")
    _check_wage(errors, request["wage"], request.get("startDate"), banned)
    _check_skills(errors, request.get("skills"), banned)
    _check_qualifications(errors, request.get("qualifications"), banned)
    _check_application(errors, request, banned)
    _check_contact(errors, request["submitterContactDetails"], banned)

    ukprn = (request.get("contractingParties") or {}).get("ukprn") or 0
    if ukprn == 0:
        _add(errors, "TrainingProvider", "You must enter a training provider")
    elif len(str(ukprn)) != 8:
        _add(errors, "TrainingProvider.Ukprn", "The UKPRN is 8 digits")
    return errors


def _replace(text: str, old: str, new: str) -> str:
    return re.sub(re.escape(old), lambda _: new, text, flags=re.IGNORECASE)


def relay_inner_errors(errors: ErrorDict, *, used_address: bool) -> str:
    """Return the inner problem details as the outer API relays them.

    The outer API renames keys with plain case-insensitive replacements over
    the whole text, messages included, so "Address" inside a message is
    lower-cased too. The inner list name EmployerLocations is not renamed.
    """
    text = inner_validation_text(errors)
    text = _replace(text, "ProgrammeId", "standardLarsCode")
    text = _replace(text, 'EmployerName"', 'alternativeEmployerName"')
    text = _replace(text, ".Country", ".postcode")
    text = _replace(text, "Country must be England", "Postcode must be in England")
    text = _replace(text, "EmployerLocationInformation", "recruitingNationallyDetails")
    if used_address:
        text = _replace(text, "Addresses[0]", "address")
        text = _replace(text, "Address", "address")
    else:
        text = _replace(text, "Addresses", "multipleAddresses")
    return text
