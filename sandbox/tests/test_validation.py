"""The sandbox's API-shaped checks, called directly (no server, no database)."""

import datetime
import json
from decimal import Decimal

import pytest

from sandbox.adverts.binding import bind_create_request
from sandbox.adverts.validation import (
    inner_validation_errors,
    live_minimum_duration_months,
    relay_inner_errors,
)

from .payloads import EXAMPLE_REQUEST

TODAY = datetime.date(2025, 6, 2)


def bound_example(**wage_changes) -> dict:
    body = json.loads(json.dumps(EXAMPLE_REQUEST))
    body["closingDate"] = "2025-06-20T00:00:00Z"
    body["startDate"] = "2025-09-01T00:00:00Z"
    body["wage"].update(wage_changes)
    result = bind_create_request(json.dumps(body).encode())
    assert result.errors == {}
    return result.value


@pytest.mark.parametrize(
    ("hours", "months"),
    [
        ("16", 15),
        ("20", 12),
        ("22", 11),
        ("25", 10),
        ("29", 9),
        ("29.9", 9),
        ("30", 8),
        ("37.5", 8),
    ],
)
def test_live_minimum_duration(hours, months):
    assert live_minimum_duration_months(Decimal(hours)) == months


def test_example_valid_for_2025_start():
    errors = inner_validation_errors(
        bound_example(), today=TODAY, employer_name="Harbour Lane Bakery Ltd"
    )

    assert errors == {}


def test_minimum_wage_2025_rate():
    errors = inner_validation_errors(
        bound_example(fixedWageYearlyAmount=14722.49),
        today=TODAY,
        employer_name="Harbour Lane Bakery Ltd",
    )

    assert errors == {
        "Wage.FixedWageYearlyAmount": ["Yearly wage must be at least £14,722.50"]
    }


def test_minimum_wage_equal_passes():
    errors = inner_validation_errors(
        bound_example(fixedWageYearlyAmount=11778, weeklyHours=30),
        today=TODAY,
        employer_name="Harbour Lane Bakery Ltd",
    )

    assert errors == {}


def test_registered_name_needs_entity_name():
    errors = inner_validation_errors(bound_example(), today=TODAY, employer_name="")

    assert errors == {
        "EmployerName": ["Select the employer name you want on your vacancy"]
    }


def test_relay_renames_keys():
    text = relay_inner_errors(
        {
            "ProgrammeId": ["Enter a valid training course"],
            "EmployerName": ["Enter the trading name"],
            "EmployerLocations[0].AddressLine1": [
                "Address line 1 must not exceed 100 characters"
            ],
            "EmployerLocationInformation": ["Add more information"],
        },
        used_address=True,
    )

    assert json.loads(text)["errors"] == {
        "standardLarsCode": ["Enter a valid training course"],
        "alternativeEmployerName": ["Enter the trading name"],
        "EmployerLocations[0].addressLine1": [
            "address line 1 must not exceed 100 characters"
        ],
        "recruitingNationallyDetails": ["Add more information"],
    }


def test_relay_multiple_addresses():
    text = relay_inner_errors({"Addresses": ["Select a location"]}, used_address=False)

    assert json.loads(text)["errors"] == {"multipleAddresses": ["Select a location"]}


def test_binding_defaults_missing_values():
    body = json.loads(json.dumps(EXAMPLE_REQUEST))
    body["closingDate"] = "2025-06-20"
    body["startDate"] = "2025-09-01"
    del body["numberOfPositions"]
    del body["applicationMethod"]

    result = bind_create_request(json.dumps(body).encode())

    assert result.errors == {}
    assert result.value["numberOfPositions"] == 0
    assert result.value["applicationMethod"] == "ThroughFindAnApprenticeship"
    assert result.value["wage"]["weeklyHours"] == Decimal("37.5")


def test_binding_enum_out_of_range():
    body = json.loads(json.dumps(EXAMPLE_REQUEST))
    body["closingDate"] = "2025-06-20"
    body["startDate"] = "2025-09-01"
    body["wage"]["wageType"] = 9

    result = bind_create_request(json.dumps(body).encode())
    errors = inner_validation_errors(result.value, today=TODAY, employer_name="X")

    assert errors["Wage.WageType"] == ["Select how much the apprentice will be paid"]


def test_binding_unknown_enum_name():
    body = json.loads(json.dumps(EXAMPLE_REQUEST))
    body["closingDate"] = "2025-06-20"
    body["startDate"] = "2025-09-01"
    body["wage"]["wageType"] = "Hourly"

    result = bind_create_request(json.dumps(body).encode())

    assert list(result.errors) == ["$.wage.wageType", "request"]
