"""Tests of the advert rules through check_job, with whole jobs."""

from __future__ import annotations

import copy
import datetime
from decimal import Decimal

import pytest

from recruitment.jobs.rules import (
    GOVERNMENT_RULE,
    PRODUCT_RULE,
    Failure,
    check_job,
    minimum_duration_months,
    normalise_postcode,
    normalise_text,
    parse_decimal,
)

TODAY = datetime.date(2027, 5, 10)


def valid_job() -> dict:
    """Return a job that passes every rule on TODAY."""
    return {
        "contract_type": "apprenticeship",
        "title": "Trainee Chef Apprentice",
        "description": (
            "Learn to prepare and cook fresh food in a busy city-centre kitchen "
            "while training towards a commis chef qualification."
        ),
        "address_line1": "12 Market Street",
        "address_line2": "Leeds",
        "address_line3": "",
        "address_line4": "",
        "postcode": "LS1 6DT",
        "web_address": "https://www.example.co.uk",
        "wage_type": "fixed_wage",
        "fixed_wage_yearly_amount": "17500",
        "working_hours": "Monday to Friday, 9am to 5:30pm with a 30 minute break.",
        "maximum_enrolments": "2",
        "closing_date": "2027-06-30",
        "expected_start_date": "2027-07-01",
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
        "training_to_be_provided": "<p>One day a week at college.</p>",
        "employer_description": "An independent restaurant group with three sites.",
        "expected_duration_months": "15",
        "hours_per_week": "37.5",
        "training_code": "119",
        "organisation": {"name": "Market Street Kitchens", "legal_entity_id": "V7XJ4M"},
        "contact": {
            "name": "Sam Taylor",
            "email": "sam.taylor@example.co.uk",
            "phone": "0113 496 0000",
        },
    }


def failures_for(field: str, failures: list[Failure]) -> list[Failure]:
    return [f for f in failures if f.field == field]


def check_with(today: datetime.date = TODAY, **changes) -> list[Failure]:
    job = valid_job()
    job.update(changes)
    return check_job(job, today)


# ---------------------------------------------------------------------------
# A whole job
# ---------------------------------------------------------------------------


def test_valid_job_passes():
    assert check_job(valid_job(), TODAY) == []


def test_valid_job_with_typed_values_passes():
    job = valid_job()
    job.update(
        fixed_wage_yearly_amount=Decimal("17500.00"),
        maximum_enrolments=2,
        closing_date=datetime.date(2027, 6, 30),
        expected_start_date=datetime.date(2027, 7, 1),
        expected_duration_months=15,
        hours_per_week=Decimal("37.5"),
        training_code=119,
    )
    assert check_job(job, TODAY) == []


def test_check_job_does_not_change_job():
    job = valid_job()
    job["description"] = "  " + job["description"] + "  "
    before = copy.deepcopy(job)
    check_job(job, TODAY)
    assert job == before


def test_every_failure_returned_at_once():
    failures = check_with(
        title="Trainee Chef", hours_per_week="60", postcode="CF10 1AA"
    )
    fields = [f.field for f in failures]
    assert "title" in fields
    assert "hours_per_week" in fields
    assert "postcode" in fields


def test_empty_job_reports_without_raising():
    failures = check_job({}, TODAY)
    fields = {f.field for f in failures}
    assert "title" in fields
    assert "contact" in fields
    assert "organisation" in fields
    assert "qualifications" in fields


def test_unknown_duration_rule_raises():
    with pytest.raises(ValueError, match="duration rule"):
        check_job(valid_job(), TODAY, duration_rule="weekly")


# Each path is a mandatory field, dotted for nested ones.
MANDATORY_FIELDS = [
    "contract_type",
    "title",
    "description",
    "address_line1",
    "postcode",
    "wage_type",
    "fixed_wage_yearly_amount",
    "working_hours",
    "maximum_enrolments",
    "closing_date",
    "expected_start_date",
    "qualifications",
    "future_prospects",
    "training_to_be_provided",
    "employer_description",
    "expected_duration_months",
    "hours_per_week",
    "training_code",
    "organisation",
    "organisation.name",
    "organisation.legal_entity_id",
    "contact",
    "contact.name",
    "contact.email",
]


def remove(job: dict, path: str) -> None:
    *parents, name = path.split(".")
    target = job
    for parent in parents:
        target = target[parent]
    del target[name]


def blank(job: dict, path: str, value) -> None:
    *parents, name = path.split(".")
    target = job
    for parent in parents:
        target = target[parent]
    target[name] = value


@pytest.mark.parametrize("path", MANDATORY_FIELDS)
def test_missing_field_gives_its_error(path):
    job = valid_job()
    remove(job, path)
    failures = check_job(job, TODAY)
    assert len(failures) == 1, failures
    assert failures[0].field == path


@pytest.mark.parametrize("value", ["", "   ", None])
@pytest.mark.parametrize("path", MANDATORY_FIELDS)
def test_blank_field_gives_its_error(path, value):
    job = valid_job()
    blank(job, path, value)
    failures = check_job(job, TODAY)
    assert len(failures) == 1, failures
    assert failures[0].field == path


@pytest.mark.parametrize(
    "path",
    [
        "title",
        "description",
        "address_line1",
        "postcode",
        "working_hours",
        "future_prospects",
        "hours_per_week",
        "expected_duration_months",
        "closing_date",
    ],
)
def test_missing_field_message_starts_enter(path):
    job = valid_job()
    remove(job, path)
    [failure] = check_job(job, TODAY)
    assert failure.message.startswith("Enter the ")


def test_missing_legal_entity_message():
    job = valid_job()
    remove(job, "organisation.legal_entity_id")
    [failure] = check_job(job, TODAY)
    assert failure.message == (
        "Enter the organisation's employer account legal entity ID from the "
        "apprenticeship service"
    )


def test_no_skills_at_all_fails():
    job = valid_job()
    job["desired_skills"] = []
    job["desired_personal_qualities"] = []
    failures = check_job(job, TODAY)
    assert failures == [
        Failure(
            "desired_skills", "Enter at least one desired skill or personal quality"
        )
    ]


def test_personal_quality_alone_is_enough():
    assert check_with(desired_skills=[]) == []


def test_skill_alone_is_enough():
    assert check_with(desired_personal_qualities=None) == []


def test_empty_html_field_is_missing():
    failures = check_with(future_prospects="<p> </p>")
    assert failures == [Failure("future_prospects", "Enter the future prospects")]


# ---------------------------------------------------------------------------
# Postcodes
# ---------------------------------------------------------------------------

POSTCODE_CASES = [
    ("sw1a1aa", "SW1A 1AA"),
    ("  SW1A 1AA ", "SW1A 1AA"),
    ("ec1a 1bb", "EC1A 1BB"),
    ("GIR0AA", "GIR 0AA"),
    ("m1 1ae", "M1 1AE"),
    ("B33 8TH", "B33 8TH"),
]


@pytest.mark.parametrize(("typed", "stored"), POSTCODE_CASES)
def test_postcode_variants_normalised(typed, stored):
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize(("typed", "stored"), POSTCODE_CASES)
def test_postcode_variants_accepted(typed, stored):
    assert check_with(postcode=typed) == []


@pytest.mark.parametrize("postcode", ["SW1A 1A", "12345", "SW1A 1AAA", "QQ1 1AA", "~"])
def test_invalid_postcode_fails(postcode):
    [failure] = failures_for("postcode", check_with(postcode=postcode))
    assert "not a valid UK postcode" in failure.message
    assert "SW1A 1AA" in failure.message


@pytest.mark.parametrize(
    ("postcode", "country"),
    [
        ("EH1 1YZ", "Scotland"),
        ("G1 1XQ", "Scotland"),
        ("CF10 1EP", "Wales"),
        ("BT1 5GS", "Northern Ireland"),
        ("IM1 1AA", "the Isle of Man"),
        ("JE2 3AB", "Jersey"),
    ],
)
def test_postcode_outside_england_fails(postcode, country):
    [failure] = failures_for("postcode", check_with(postcode=postcode))
    assert "must be in England" in failure.message
    assert country in failure.message


@pytest.mark.parametrize("postcode", ["TD15 1AA", "SY1 1AA", "CH1 1AA", "GL1 1AA"])
def test_border_and_lookalike_postcodes_pass(postcode):
    assert failures_for("postcode", check_with(postcode=postcode)) == []


# ---------------------------------------------------------------------------
# Text pasted from a word processor, and characters the API rejects
# ---------------------------------------------------------------------------

PASTED = (
    "We\u2019re looking for a \u201cpeople person\u201d to join our team \u2013 "
    "full training given\x0b and a friendly welcome\x07 from day one."
)


def test_pasted_control_characters_fail():
    failures = failures_for("description", check_with(description=PASTED))
    assert len(failures) == 1
    message = failures[0].message
    assert "control characters" in message
    assert "U+000B" in message
    assert "U+0007" in message


def test_pasted_quotes_and_dash_not_reported():
    [failure] = failures_for("description", check_with(description=PASTED))
    assert "\u2019" not in failure.message
    assert "\u201c" not in failure.message
    assert "\u2013" not in failure.message


def test_curly_quotes_and_dash_kept():
    cleaned = PASTED.replace("\x0b", "").replace("\x07", "")
    assert check_with(description=cleaned) == []
    assert normalise_text(cleaned) == cleaned


def test_bold_tag_and_tilde_fail():
    description = (
        "<b>Great</b> chance to learn the trade ~ with a friendly team of chefs "
        "in Leeds."
    )
    failures = failures_for("description", check_with(description=description))
    messages = " | ".join(f.message for f in failures)
    assert len(failures) == 2
    assert "Tag <b> is not allowed." in messages
    assert 'not allowed: "~"' in messages


@pytest.mark.parametrize("character", ["~", "{", "}", "\\", "|", "^", "`"])
def test_title_rejects_character(character):
    [failure] = failures_for("title", check_with(title=f"Chef {character} Apprentice"))
    assert f'"{character}"' in failure.message


@pytest.mark.parametrize("character", ["<", ">"])
def test_title_rejects_angle_bracket(character):
    [failure] = failures_for("title", check_with(title=f"Chef {character} Apprentice"))
    assert f'"{character}"' in failure.message


def test_title_accepts_curly_quotes_and_dash():
    title = "Chef\u2019s Apprentice \u2013 \u201cLeeds\u201d (£ & €)"
    assert failures_for("title", check_with(title=title)) == []


def test_working_hours_rejects_control_character():
    [failure] = failures_for(
        "working_hours", check_with(working_hours="Monday to Friday\x0c9 to 5")
    )
    assert "U+000C" in failure.message


def test_description_allows_listed_tags():
    description = (
        "<p>Your daily tasks could include:</p><ul><li>preparing food</li>"
        "<li>cooking dishes</li></ul><br>"
    )
    assert check_with(description=description) == []


def test_description_rejects_attributes():
    description = (
        '<p class="intro">' + "Learn to cook fresh food every day. " * 2 + "</p>"
    )
    [failure] = failures_for("description", check_with(description=description))
    assert "attributes" in failure.message


def test_description_rejects_unclosed_tag():
    description = "<p>" + "Learn to cook fresh food every day. " * 2
    [failure] = failures_for("description", check_with(description=description))
    assert "Malformed HTML: <p> is never closed." in failure.message


# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ["Plumbing Apprentice", "APPRENTICESHIP in Accounting"]
)
def test_title_with_word_passes(title):
    assert failures_for("title", check_with(title=title)) == []


@pytest.mark.parametrize(
    "title",
    [
        "Apprentice-Electrician Level 3",
        "Apprentices wanted: Retail",
        "(Apprenticeship) Dental Nurse",
        "Apprenticeship: Dental Nurse",
        "Trainee Chef",
        "Pre-apprenticeship Chef",
    ],
)
def test_title_needs_word_alone(title):
    [failure] = failures_for("title", check_with(title=title))
    assert "'apprentice' or 'apprenticeship'" in failure.message


def test_title_length_limit_named():
    title = "Apprentice " + "x" * 100
    [failure] = failures_for("title", check_with(title=title))
    assert failure.message == "Title must be at most 100 characters (it has 111)"


# ---------------------------------------------------------------------------
# Closing and start dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["2027-06-30", "2027-06-29"])
def test_start_on_or_before_closing_fails(start):
    failures = check_with(closing_date="2027-06-30", expected_start_date=start)
    [failure] = failures
    assert failure.field == "expected_start_date"
    assert failure.message == (
        "Expected start date must be after the closing date (30 June 2027)"
    )


def test_start_day_after_closing_passes():
    assert check_with(closing_date="2027-06-30", expected_start_date="2027-07-01") == []


def test_closing_moved_past_start_fails():
    failures = check_with(closing_date="2027-07-05", expected_start_date="2027-07-01")
    [failure] = failures
    assert failure.field == "expected_start_date"
    assert "(5 July 2027)" in failure.message


def test_closing_seven_days_ahead_passes():
    failures = check_with(closing_date="2027-05-17", expected_start_date="2027-05-18")
    assert failures == []


def test_closing_six_days_ahead_fails():
    failures = check_with(closing_date="2027-05-16", expected_start_date="2027-07-01")
    assert failures == [
        Failure(
            "closing_date",
            "Closing date must be at least 7 days after today, so 17 May 2027 or later",
        )
    ]


@pytest.mark.parametrize("value", ["30/06/2027", "2027-02-30", "tomorrow", "20270630"])
def test_unreadable_date_fails(value):
    [failure] = failures_for("closing_date", check_with(closing_date=value))
    assert "as a date" in failure.message


# ---------------------------------------------------------------------------
# Hours per week
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("hours", ["16", "48", "37.5"])
def test_hours_in_range_pass(hours):
    assert failures_for("hours_per_week", check_with(hours_per_week=hours)) == []


def test_hours_keep_decimal_value():
    assert parse_decimal("37.5") == Decimal("37.5")
    assert str(parse_decimal("37.5")) == "37.5"


@pytest.mark.parametrize("hours", ["15.99", "48.01", "0", "-20"])
def test_hours_out_of_range_fail(hours):
    [failure] = failures_for("hours_per_week", check_with(hours_per_week=hours))
    assert failure.message == "Hours per week must be between 16 and 48"


@pytest.mark.parametrize("hours", ["abc", "37,5", "1e2", "37.5h", "NaN"])
def test_hours_unreadable_fail(hours):
    [failure] = failures_for("hours_per_week", check_with(hours_per_week=hours))
    assert failure.message == "Enter hours per week as a number, for example 37.5"


def test_hours_decimal_comma_not_read():
    assert parse_decimal("37,5") is None


def test_hours_blank_is_required():
    [failure] = failures_for("hours_per_week", check_with(hours_per_week=""))
    assert failure.message == "Enter the hours per week"


def test_hours_three_decimal_places_fail():
    [failure] = failures_for("hours_per_week", check_with(hours_per_week="37.555"))
    assert "2 decimal places" in failure.message


# ---------------------------------------------------------------------------
# Minimum duration under the product's rule
# ---------------------------------------------------------------------------

DURATION_CASES = [
    ("16", 22, False),
    ("16", 23, True),
    ("25", 14, False),
    ("25", 15, True),
    ("22.5", 16, True),
    ("18", 19, False),
    ("18", 20, True),
    ("29.99", 12, False),
    ("29.99", 13, True),
    ("30", 12, True),
    ("37.5", 11, False),
    ("37.5", 12, True),
]

REQUIRED_MONTHS = {"16": 23, "25": 15, "22.5": 16, "18": 20, "29.99": 13, "30": 12}


@pytest.mark.parametrize(("hours", "months", "passes"), DURATION_CASES)
def test_product_duration_cases(hours, months, passes):
    job = valid_job()
    job.update(
        hours_per_week=hours,
        expected_duration_months=str(months),
        wage_type="competitive_salary",
    )
    failures = failures_for("expected_duration_months", check_job(job, TODAY))
    if passes:
        assert failures == []
    else:
        assert len(failures) == 1
        required = REQUIRED_MONTHS.get(hours, 12)
        assert f"at least {required} months" in failures[0].message
        assert "the product's rule" in failures[0].message


@pytest.mark.parametrize(("hours", "required"), REQUIRED_MONTHS.items())
def test_product_minimum_months(hours, required):
    months, _ = minimum_duration_months(Decimal(hours), None, PRODUCT_RULE)
    assert months == required


def test_duration_message_names_rule():
    failures = check_with(
        hours_per_week="16",
        expected_duration_months="22",
        wage_type="competitive_salary",
    )
    assert failures == [
        Failure(
            "expected_duration_months",
            "Duration must be at least 23 months for 16 hours a week (the "
            "product's rule: 12 months, longer below 30 hours a week)",
        )
    ]


def test_duration_whole_number_required():
    [failure] = failures_for(
        "expected_duration_months", check_with(expected_duration_months="15.5")
    )
    assert "whole number" in failure.message


# ---------------------------------------------------------------------------
# A nursery advert under both duration rules
# ---------------------------------------------------------------------------


def nursery_job(hours: str, months: int, start: str, closing: str) -> dict:
    job = valid_job()
    job.update(
        title="Nursery Practitioner Apprentice",
        hours_per_week=hours,
        expected_duration_months=months,
        expected_start_date=start,
        closing_date=closing,
    )
    return job


def duration_failures(job: dict, today: datetime.date, rule: str) -> list[Failure]:
    failures = check_job(job, today, duration_rule=rule)
    assert [f for f in failures if f.field != "expected_duration_months"] == []
    return failures


def test_nursery_fails_product_rule():
    job = nursery_job("16", 16, "2026-02-02", "2026-01-15")
    failures = duration_failures(job, datetime.date(2025, 12, 1), PRODUCT_RULE)
    assert len(failures) == 1
    assert "at least 23 months" in failures[0].message


def test_nursery_passes_government_rule():
    job = nursery_job("16", 16, "2026-02-02", "2026-01-15")
    assert duration_failures(job, datetime.date(2025, 12, 1), GOVERNMENT_RULE) == []


def test_government_rule_eight_months_passes():
    job = nursery_job("37.5", 8, "2027-09-01", "2027-08-20")
    assert duration_failures(job, TODAY, GOVERNMENT_RULE) == []


def test_government_rule_seven_months_fails():
    job = nursery_job("37.5", 7, "2027-09-01", "2027-08-20")
    failures = duration_failures(job, TODAY, GOVERNMENT_RULE)
    assert len(failures) == 1
    assert "at least 8 months" in failures[0].message
    assert "government minimum for starts from 1 August 2025" in failures[0].message


def test_government_rule_before_august_2025_fails():
    job = nursery_job("37.5", 8, "2025-07-01", "2025-06-20")
    failures = duration_failures(job, datetime.date(2025, 5, 1), GOVERNMENT_RULE)
    assert len(failures) == 1
    assert "at least 12 months" in failures[0].message
    assert "starts before 1 August 2025" in failures[0].message


# ---------------------------------------------------------------------------
# Wage
# ---------------------------------------------------------------------------


def test_wage_below_minimum_names_amount():
    failures = check_with(
        today=datetime.date(2025, 5, 1),
        closing_date="2025-06-20",
        expected_start_date="2025-07-01",
        fixed_wage_yearly_amount="14722.49",
    )
    assert failures == [
        Failure(
            "fixed_wage_yearly_amount",
            "Yearly wage must be at least £14,722.50 (the apprentice minimum wage "
            "for 37.5 hours a week)",
        )
    ]


def test_wage_equal_to_minimum_passes():
    failures = check_with(
        today=datetime.date(2025, 5, 1),
        closing_date="2025-06-20",
        expected_start_date="2025-07-01",
        fixed_wage_yearly_amount="14722.50",
    )
    assert failures == []


def test_wage_message_drops_zero_pence():
    failures = check_with(
        today=datetime.date(2025, 5, 1),
        closing_date="2025-06-20",
        expected_start_date="2025-07-01",
        hours_per_week="30",
        fixed_wage_yearly_amount="11000",
    )
    [failure] = failures_for("fixed_wage_yearly_amount", failures)
    assert "at least £11,778 (" in failure.message


def test_wage_rate_follows_start_date():
    # 15,000 is enough for 37.5 hours at the 2025 rate but not the 2026 rate.
    before_april = check_with(
        today=datetime.date(2026, 1, 5),
        closing_date="2026-03-01",
        expected_start_date="2026-03-31",
        fixed_wage_yearly_amount="15000",
    )
    from_april = check_with(
        today=datetime.date(2026, 1, 5),
        closing_date="2026-03-01",
        expected_start_date="2026-04-01",
        fixed_wage_yearly_amount="15000",
    )
    assert before_april == []
    [failure] = from_april
    assert "£15,600" in failure.message


def test_wage_without_start_uses_today():
    job = valid_job()
    del job["expected_start_date"]
    job["fixed_wage_yearly_amount"] = "15000"
    failures = check_job(job, datetime.date(2026, 4, 1))
    wage_failures = failures_for("fixed_wage_yearly_amount", failures)
    assert len(wage_failures) == 1
    assert "£15,600" in wage_failures[0].message


def test_wage_unreadable_amount_fails():
    [failure] = failures_for(
        "fixed_wage_yearly_amount",
        check_with(fixed_wage_yearly_amount="£17,500"),
    )
    assert "as an amount in pounds" in failure.message


def test_wage_amount_ignored_for_other_types():
    failures = check_with(
        wage_type="national_minimum_wage_for_apprentices",
        fixed_wage_yearly_amount="",
    )
    assert failures == []


def test_wage_type_unknown_fails():
    [failure] = failures_for("wage_type", check_with(wage_type="hourly"))
    assert "competitive salary" in failure.message


# ---------------------------------------------------------------------------
# Other fields
# ---------------------------------------------------------------------------


def test_description_length_counts_utf16():
    description = "\U0001f600" * 176
    [failure] = failures_for("description", check_with(description=description))
    assert failure.message == "Description must be at most 350 characters (it has 352)"


def test_description_emoji_at_limit_passes():
    assert check_with(description="\U0001f600" * 175) == []


def test_description_too_short_fails():
    [failure] = failures_for("description", check_with(description="Cook food."))
    assert failure.message == "Description must be at least 50 characters (it has 10)"


def test_description_counted_after_trim():
    description = "   " + "x" * 47 + "   "
    [failure] = failures_for("description", check_with(description=description))
    assert "(it has 47)" in failure.message


def test_long_text_limit_named():
    [failure] = failures_for(
        "employer_description", check_with(employer_description="x" * 4001)
    )
    assert failure.message == (
        "Employer description must be at most 4000 characters (it has 4001)"
    )


def test_working_hours_limit_named():
    [failure] = failures_for("working_hours", check_with(working_hours="x" * 251))
    assert "at most 250 characters" in failure.message


def test_optional_address_line_limit():
    [failure] = failures_for("address_line3", check_with(address_line3="x" * 101))
    assert "at most 100 characters" in failure.message


@pytest.mark.parametrize(
    "address",
    [
        "www.example.co.uk",
        "ftp://example.co.uk",
        "https://localhost",
        "https://192.168.1.10/jobs",
        "https://exa mple.co.uk",
        "https://user:secret@example.co.uk",
        "https://example.co.uk:http",
    ],
)
def test_web_address_invalid_fails(address):
    [failure] = failures_for("web_address", check_with(web_address=address))
    assert "https://" in failure.message


def test_web_address_optional():
    assert check_with(web_address="") == []


def test_web_address_limit_named():
    address = "https://www.example.co.uk/" + "a" * 80
    [failure] = failures_for("web_address", check_with(web_address=address))
    assert failure.message == "Web address must be at most 100 characters (it has 106)"


@pytest.mark.parametrize("value", ["0", "-1"])
def test_maximum_enrolments_at_least_one(value):
    [failure] = failures_for("maximum_enrolments", check_with(maximum_enrolments=value))
    assert failure.message == "Maximum enrolments must be at least 1"


@pytest.mark.parametrize("value", ["two", "1.5", "2,000"])
def test_maximum_enrolments_whole_number(value):
    [failure] = failures_for("maximum_enrolments", check_with(maximum_enrolments=value))
    assert "whole number" in failure.message


def test_skill_item_fields_indexed():
    failures = check_with(
        desired_skills=["Team working", "Attention to detail", "x" * 31],
        desired_personal_qualities=["  "],
    )
    assert [f.field for f in failures] == [
        "desired_skills.2",
        "desired_personal_qualities.0",
    ]
    assert "at most 30 characters (it has 31)" in failures[0].message


def test_skill_rejects_character():
    [failure] = check_with(desired_skills=["C++ {basic}"])
    assert failure.field == "desired_skills.0"
    assert '"{"' in failure.message


def test_no_qualifications_fails():
    assert check_with(qualifications=[]) == [
        Failure("qualifications", "Add at least one qualification")
    ]


def test_qualification_fields_checked():
    failures = check_with(
        qualifications=[
            {
                "type": "GCSE",
                "subject": "Maths",
                "grade": "4",
                "weighting": "essential",
            },
            {"type": "NVQ", "subject": "x" * 51, "grade": "", "weighting": "optional"},
        ]
    )
    assert [f.field for f in failures] == [
        "qualifications.1.type",
        "qualifications.1.subject",
        "qualifications.1.grade",
        "qualifications.1.weighting",
    ]
    assert "GCSE, A Level, T Level, BTEC, Degree, Other" in failures[0].message
    assert "at most 50 characters" in failures[1].message


def test_qualification_type_case_sensitive():
    qualification = {
        "type": "gcse",
        "subject": "English",
        "grade": "4",
        "weighting": "desired",
    }
    [failure] = check_with(qualifications=[qualification])
    assert failure.field == "qualifications.0.type"


def test_qualification_missing_weighting_fails():
    qualification = {"type": "Degree", "subject": "Biology", "grade": "2:1"}
    [failure] = check_with(qualifications=[qualification])
    assert failure.field == "qualifications.0.weighting"


def btec(**changes):
    item = {"type": "BTEC", "subject": "Engineering", "grade": "Merit"}
    item["weighting"] = "essential"
    item.update(changes)
    return item


def other(**changes):
    item = {"type": "Other", "subject": "Food safety", "grade": "Pass"}
    item["weighting"] = "desired"
    item.update(changes)
    return item


@pytest.mark.parametrize("level", [1, 7, "3", " 5 ", Decimal("4")])
def test_btec_with_level_passes(level):
    assert check_with(qualifications=[btec(level=level)]) == []


@pytest.mark.parametrize("level", [None, "", "  "])
def test_btec_without_level_fails(level):
    changes = {} if level is None else {"level": level}
    assert check_with(qualifications=[btec(), btec(**changes)]) == [
        Failure(
            "qualifications.0.level",
            "Choose the BTEC level of qualification 1, from 1 to 7",
        ),
        Failure(
            "qualifications.1.level",
            "Choose the BTEC level of qualification 2, from 1 to 7",
        ),
    ]


@pytest.mark.parametrize("level", [0, 8, -1, "3.5", 3.5, "three", True])
def test_btec_level_outside_range_fails(level):
    [failure] = check_with(qualifications=[btec(level=level)])
    assert failure.field == "qualifications.0.level"
    assert "whole number from 1 to 7" in failure.message


def test_btec_level_message_shows_value():
    [failure] = check_with(qualifications=[btec(level=9)])
    assert failure.message == (
        "Qualification 1 BTEC level must be a whole number from 1 to 7 (it is 9)"
    )


def test_level_ignored_for_other_types():
    qualification = {"type": "GCSE", "subject": "Maths", "grade": "4", "level": 9}
    qualification["weighting"] = "essential"
    assert check_with(qualifications=[qualification]) == []


def test_other_with_name_passes():
    qualification = other(other_name="Level 2 Food Hygiene Certificate")
    assert check_with(qualifications=[qualification]) == []


@pytest.mark.parametrize("name", [None, "", "   "])
def test_other_without_name_fails(name):
    changes = {} if name is None else {"other_name": name}
    assert check_with(qualifications=[other(**changes)]) == [
        Failure(
            "qualifications.0.other_name",
            "Enter the name of qualification 1, because its type is Other "
            "(at most 100 characters)",
        )
    ]


def test_other_name_at_limit_passes():
    assert check_with(qualifications=[other(other_name="n" * 100)]) == []


def test_other_name_too_long_fails():
    assert check_with(qualifications=[other(other_name="n" * 101)]) == [
        Failure(
            "qualifications.0.other_name",
            "Qualification 1 name must be at most 100 characters (it has 101)",
        )
    ]


def test_other_name_invalid_characters_fail():
    [failure] = check_with(qualifications=[other(other_name="Food <hygiene>")])
    assert failure.field == "qualifications.0.other_name"
    assert failure.message == (
        'Qualification 1 name contains characters that are not allowed: "<", ">"'
    )


def test_other_name_ignored_for_other_types():
    assert check_with(qualifications=[btec(level=3, other_name="x" * 200)]) == []


def test_training_code_must_be_listed():
    failures = check_job(valid_job(), TODAY, training_codes={"120", "121"})
    assert failures == [
        Failure("training_code", "Choose a training course from the list")
    ]


def test_training_code_listed_passes():
    assert check_job(valid_job(), TODAY, training_codes=["119"]) == []


@pytest.mark.parametrize("contract_type", ["permanent", "fixed_term", ""])
def test_contract_type_must_be_apprenticeship(contract_type):
    [failure] = check_with(contract_type=contract_type)
    assert failure.field == "contract_type"
    assert "Apprenticeship" in failure.message


@pytest.mark.parametrize(
    "email",
    ["sam.taylor", "sam@example", "sam taylor@example.co.uk", "sam@@example.co.uk"],
)
def test_contact_email_invalid_fails(email):
    contact = {"name": "Sam Taylor", "email": email}
    [failure] = check_with(contact=contact)
    assert failure.field == "contact.email"
    assert "name@example.co.uk" in failure.message


def test_contact_phone_optional():
    assert check_with(contact={"name": "Sam Taylor", "email": "sam@example.com"}) == []


@pytest.mark.parametrize("phone", ["0113 496", "+44 113 496-0000", "(0113) 4960000"])
def test_contact_phone_valid_passes(phone):
    contact = {"name": "Sam Taylor", "email": "sam@example.com", "phone": phone}
    assert check_with(contact=contact) == []


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("0113 49", "8 to 16 characters long (it has 7)"),
        ("+44 (0)113 496 00000", "8 to 16 characters long (it has 20)"),
        ("0113 496 0000 ext 2", "only digits"),
    ],
)
def test_contact_phone_invalid_fails(phone, expected):
    contact = {"name": "Sam Taylor", "email": "sam@example.com", "phone": phone}
    [failure] = check_with(contact=contact)
    assert failure.field == "contact.phone"
    assert expected in failure.message
