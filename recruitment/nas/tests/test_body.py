import datetime
import json
from decimal import Decimal

import pytest

from recruitment.nas.body import build_vacancy_body, encode_json, format_api_date

from .sample_job import sample_job

TODAY = datetime.date(2026, 12, 4)
APPLICATION_URL = "https://apply.example.co.uk/jobs/7f3a"


def build(**changes):
    return build_vacancy_body(
        sample_job(TODAY, **changes), ukprn=10012345, application_url=APPLICATION_URL
    )


def test_body_top_level_fields():
    body = build()

    assert body["title"] == "Trainee chef apprentice"
    assert body["numberOfPositions"] == 2
    assert body["closingDate"] == "2026-12-14T00:00:00Z"
    assert body["startDate"] == "2027-01-13T00:00:00Z"
    assert body["standardLarsCode"] == "119"
    assert body["employerNameOption"] == "RegisteredName"
    assert body["disabilityConfident"] == "No"
    assert body["applicationMethod"] == "ThroughExternalApplicationSite"
    assert body["applicationUrl"] == APPLICATION_URL
    assert body["employerWebsiteUrl"] == "https://www.example.co.uk"
    assert body["outcomeDescription"].startswith("A permanent commis chef")
    assert body["trainingDescription"] == "One day a week at college."
    assert body["employerDescription"].startswith("An independent restaurant")


def test_body_description_sent_twice():
    body = build()

    assert body["shortDescription"] == sample_job(TODAY)["description"]
    assert body["description"] == sample_job(TODAY)["description"]


def test_body_organisation_and_contact():
    body = build()

    assert body["contractingParties"] == {
        "accountLegalEntityPublicHashedId": "V7XJ4M",
        "ukprn": 10012345,
    }
    assert body["submitterContactDetails"] == {
        "name": "Sam Taylor",
        "email": "sam.taylor@example.co.uk",
        "phone": "0113 496 0000",
    }


def test_body_contact_without_phone():
    body = build(contact={"name": "Sam Taylor", "email": "sam@example.co.uk"})

    assert "phone" not in body["submitterContactDetails"]


def test_body_address_skips_blank_lines():
    assert build()["address"] == {
        "addressLine1": "12 Market Street",
        "addressLine2": "Leeds",
        "postcode": "LS1 6DT",
    }


def test_body_wage_fixed():
    wage = build()["wage"]

    assert wage["wageType"] == "FixedWage"
    assert wage["fixedWageYearlyAmount"] == Decimal("17500.50")
    assert wage["weeklyHours"] == Decimal("37.5")
    assert wage["workingWeekDescription"].startswith("Monday to Friday")
    assert wage["duration"] == 15
    assert wage["durationUnit"] == "Month"


@pytest.mark.parametrize(
    ("wage_type", "expected"),
    [
        ("fixed_wage", "FixedWage"),
        ("national_minimum_wage_for_apprentices", "NationalMinimumWageForApprentices"),
        ("national_minimum_wage", "NationalMinimumWage"),
        ("competitive_salary", "CompetitiveSalary"),
        ("CompetitiveSalary", "CompetitiveSalary"),
    ],
)
def test_body_wage_type_names(wage_type, expected):
    assert build(wage_type=wage_type)["wage"]["wageType"] == expected


def test_body_other_wage_types_omit_amount():
    wage = build(wage_type="competitive_salary")["wage"]

    assert "fixedWageYearlyAmount" not in wage


def test_body_unknown_wage_type_raises():
    with pytest.raises(ValueError, match="Unknown wage type 'piece_rate'"):
        build(wage_type="piece_rate")


def test_body_skills_then_personal_qualities():
    assert build()["skills"] == ["Team working", "Attention to detail", "Patience"]


def test_body_skills_from_lines_of_text():
    body = build(
        desired_skills="Team working\n\n IT skills ", desired_personal_qualities=None
    )

    assert body["skills"] == ["Team working", "IT skills"]


def test_body_qualifications():
    assert build()["qualifications"] == [
        {
            "qualificationType": "GCSE",
            "subject": "English",
            "grade": "4 (C) or above",
            "weighting": "Desired",
        }
    ]


def btec_and_other(level=3, other_name="Food Hygiene Certificate"):
    return [
        {
            "type": "BTEC",
            "subject": "Engineering",
            "grade": "Merit",
            "weighting": "essential",
            "level": level,
        },
        {
            "type": "Other",
            "subject": "Food safety",
            "grade": "Pass",
            "weighting": "desired",
            "other_name": other_name,
        },
    ]


def test_body_btec_level_and_other_name():
    assert build(qualifications=btec_and_other())["qualifications"] == [
        {
            "qualificationType": "BTEC",
            "subject": "Engineering",
            "grade": "Merit",
            "weighting": "Essential",
            "level": 3,
        },
        {
            "qualificationType": "Other",
            "subject": "Food safety",
            "grade": "Pass",
            "weighting": "Desired",
            "otherQualificationName": "Food Hygiene Certificate",
        },
    ]


def test_body_level_from_text():
    [btec, _] = build(qualifications=btec_and_other(level=" 5 "))["qualifications"]
    assert btec["level"] == 5


def test_body_missing_level_and_name_sent_empty():
    items = btec_and_other()
    del items[0]["level"]
    del items[1]["other_name"]

    [btec, other] = build(qualifications=items)["qualifications"]

    assert btec["level"] is None
    assert other["otherQualificationName"] == ""


def test_body_level_and_name_only_for_their_types():
    items = [
        {
            "type": "GCSE",
            "subject": "Maths",
            "grade": "4",
            "weighting": "essential",
            "level": 2,
            "other_name": "Maths GCSE",
        }
    ]

    [gcse] = build(qualifications=items)["qualifications"]

    assert "level" not in gcse
    assert "otherQualificationName" not in gcse


def test_body_dates_from_strings_and_datetimes():
    assert format_api_date("2027-03-01") == "2027-03-01T00:00:00Z"
    assert format_api_date(datetime.datetime(2027, 3, 1, 15, 30)) == (
        "2027-03-01T00:00:00Z"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("37.5"), "37.5"),
        (Decimal("37.50"), "37.5"),
        (Decimal("17500"), "17500"),
        (Decimal("17500.00"), "17500"),
        (Decimal("17500.5"), "17500.5"),
        (Decimal("1E+4"), "10000"),
        (Decimal("0.10"), "0.1"),
        (Decimal("14722.49"), "14722.49"),
    ],
)
def test_encode_json_decimal_exact(value, expected):
    assert encode_json({"amount": value}) == '{"amount":' + expected + "}"


def test_encode_json_rejects_nan():
    with pytest.raises(ValueError):
        encode_json(Decimal("NaN"))


def test_encoded_body_reads_back_as_numbers():
    decoded = json.loads(encode_json(build()), parse_float=Decimal)

    assert decoded["wage"]["weeklyHours"] == Decimal("37.5")
    assert decoded["wage"]["fixedWageYearlyAmount"] == Decimal("17500.5")
    assert decoded["standardLarsCode"] == "119"
    assert decoded["title"] == "Trainee chef apprentice"


def test_encode_json_keeps_non_ascii_text():
    assert encode_json({"text": "Café £5 – “ok”"}) == '{"text":"Café £5 – “ok”"}'
