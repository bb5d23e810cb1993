"""The outer API's model binding and DataAnnotations checks for a create request.

``bind_create_request`` reads the JSON body the way ASP.NET's System.Text.Json
input formatter does for CreateVacancyRequest. Property and enum names match
case-insensitively, and numbers may arrive as JSON strings. A string property
must not be a JSON number. Missing numbers, dates and enums silently take
their default values. It then applies the [Required], [MaxLength], [MinLength] and
pattern attributes. Errors use the same keys and messages as the live API: JSON
paths for unreadable values and C# property names for attribute failures.

NOTE: conversion messages omit the line number and byte position that
System.Text.Json adds, because Python's parser does not report them per value.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from recruitment.jobs.rules import utf16_length

MIN_DATE = datetime.datetime(1, 1, 1)
INT32_RANGE = range(-(2**31), 2**31)

# The outer API's question pattern: a sentence ending in a word character and
# "?", optionally followed by more sentences ending in "." or "?".
QUESTION_PATTERN = re.compile(r"^\w[^?]*\w\?(?: [^.?]+[.?])*$")


@dataclass(frozen=True)
class Enum:
    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Prop:
    json_name: str
    csharp_name: str
    kind: Any  # "string", "int", "decimal", "bool", "datetime", Enum, Model, list
    required: bool = False
    nullable: bool = False
    max_length: int | None = None
    min_length: int | None = None
    question: bool = False


@dataclass(frozen=True)
class Model:
    type_name: str
    props: tuple[Prop, ...]


@dataclass(frozen=True)
class ListOf:
    item: Any


WAGE_TYPE = Enum(
    "WageType",
    (
        "FixedWage",
        "NationalMinimumWageForApprentices",
        "NationalMinimumWage",
        "CompetitiveSalary",
    ),
)
DURATION_UNIT = Enum("DurationUnit", ("Month", "Year"))
EMPLOYER_NAME_OPTION = Enum(
    "EmployerNameOption", ("RegisteredName", "TradingName", "Anonymous")
)
DISABILITY_CONFIDENT = Enum("DisabilityConfident", ("No", "Yes"))
APPLICATION_METHOD = Enum(
    "CreateVacancyApplicationMethod",
    ("ThroughFindAnApprenticeship", "ThroughExternalApplicationSite"),
)
WEIGHTING = Enum("QualificationWeighting", ("Essential", "Desired"))

ADDRESS = Model(
    "CreateVacancyAddress",
    (
        Prop("addressLine1", "AddressLine1", "string", required=True),
        Prop("addressLine2", "AddressLine2", "string"),
        Prop("addressLine3", "AddressLine3", "string"),
        Prop("addressLine4", "AddressLine4", "string"),
        Prop("postcode", "Postcode", "string", required=True),
    ),
)
CONTRACTING_PARTIES = Model(
    "ContractingParties",
    (
        Prop(
            "accountLegalEntityPublicHashedId",
            "AccountLegalEntityPublicHashedId",
            "string",
            required=True,
        ),
        Prop("ukprn", "Ukprn", "int"),
    ),
)
WAGE = Model(
    "CreateVacancyWage",
    (
        Prop("wageType", "WageType", WAGE_TYPE, required=True),
        Prop(
            "fixedWageYearlyAmount", "FixedWageYearlyAmount", "decimal", nullable=True
        ),
        Prop(
            "wageAdditionalInformation",
            "WageAdditionalInformation",
            "string",
            max_length=500,
        ),
        Prop(
            "CompanyBenefitsInformation",
            "CompanyBenefitsInformation",
            "string",
            max_length=500,
        ),
        Prop("weeklyHours", "WeeklyHours", "decimal", required=True),
        Prop(
            "workingWeekDescription",
            "WorkingWeekDescription",
            "string",
            required=True,
            max_length=250,
        ),
        Prop("duration", "Duration", "int", required=True),
        Prop("durationUnit", "DurationUnit", DURATION_UNIT, required=True),
    ),
)
CONTACT = Model(
    "ContactDetails",
    (
        Prop("name", "Name", "string", required=True),
        Prop("email", "Email", "string", required=True),
        Prop("phone", "Phone", "string"),
    ),
)
QUALIFICATION = Model(
    "CreateVacancyQualification",
    (
        Prop("qualificationType", "QualificationType", "string"),
        Prop("subject", "Subject", "string"),
        Prop("grade", "Grade", "string"),
        Prop("level", "Level", "int", nullable=True),
        Prop("weighting", "Weighting", WEIGHTING),
        Prop("otherQualificationName", "OtherQualificationName", "string"),
    ),
)
CREATE_VACANCY_REQUEST = Model(
    "CreateVacancyRequest",
    (
        Prop("title", "Title", "string", required=True, max_length=100),
        Prop("numberOfPositions", "NumberOfPositions", "int", required=True),
        Prop("closingDate", "ClosingDate", "datetime", required=True),
        Prop("startDate", "StartDate", "datetime", required=True),
        Prop(
            "contractingParties",
            "ContractingParties",
            CONTRACTING_PARTIES,
            required=True,
        ),
        Prop("wage", "Wage", WAGE, required=True),
        Prop("address", "Address", ADDRESS),
        Prop(
            "multipleAddresses",
            "MultipleAddresses",
            ListOf(ADDRESS),
            min_length=2,
            max_length=10,
        ),
        Prop("recruitingNationally", "RecruitingNationally", "bool"),
        Prop(
            "recruitingNationallyDetails",
            "RecruitingNationallyDetails",
            "string",
            max_length=500,
        ),
        Prop(
            "shortDescription",
            "ShortDescription",
            "string",
            required=True,
            max_length=350,
        ),
        Prop("description", "Description", "string", required=True, max_length=4000),
        Prop(
            "outcomeDescription",
            "OutcomeDescription",
            "string",
            required=True,
            max_length=4000,
        ),
        Prop(
            "trainingDescription",
            "TrainingDescription",
            "string",
            required=True,
            max_length=4000,
        ),
        Prop(
            "additionalTrainingDescription",
            "AdditionalTrainingDescription",
            "string",
            max_length=4000,
        ),
        Prop("standardLarsCode", "ProgrammeId", "string", required=True),
        Prop("employerNameOption", "EmployerNameOption", EMPLOYER_NAME_OPTION),
        Prop(
            "alternativeEmployerName",
            "AlternativeEmployerName",
            "string",
            max_length=100,
        ),
        Prop("employerDescription", "EmployerDescription", "string", required=True),
        Prop("anonymousReason", "AnonymousReason", "string"),
        Prop("employerWebsiteUrl", "EmployerWebsiteUrl", "string"),
        Prop(
            "disabilityConfident",
            "DisabilityConfident",
            DISABILITY_CONFIDENT,
            required=True,
        ),
        Prop(
            "submitterContactDetails",
            "SubmitterContactDetails",
            CONTACT,
            required=True,
        ),
        Prop("skills", "Skills", ListOf("string")),
        Prop("qualifications", "Qualifications", ListOf(QUALIFICATION)),
        Prop("thingsToConsider", "ThingsToConsider", "string", max_length=4000),
        Prop(
            "applicationMethod",
            "ApplicationMethod",
            APPLICATION_METHOD,
            required=True,
        ),
        Prop("applicationUrl", "ApplicationUrl", "string"),
        Prop("applicationInstructions", "ApplicationInstructions", "string"),
        Prop(
            "additionalQuestion1",
            "AdditionalQuestion1",
            "string",
            max_length=250,
            question=True,
        ),
        Prop(
            "additionalQuestion2",
            "AdditionalQuestion2",
            "string",
            max_length=250,
            question=True,
        ),
    ),
)

CLR_TYPE_NAMES = {
    "string": "System.String",
    "int": "System.Int32",
    "decimal": "System.Decimal",
    "bool": "System.Boolean",
    "datetime": "System.DateTime",
}


@dataclass
class BindingResult:
    value: dict[str, Any] | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)


class _ConversionError(Exception):
    def __init__(self, path: str, type_name: str):
        super().__init__(path)
        self.path = path
        self.type_name = type_name


def _type_name(kind: Any) -> str:
    if isinstance(kind, Enum):
        return f"SFA.DAS.VacanciesManage.Api.Models.{kind.name}"
    if isinstance(kind, Model):
        return f"SFA.DAS.VacanciesManage.Api.Models.{kind.type_name}"
    if isinstance(kind, ListOf):
        return f"System.Collections.Generic.List`1[{_type_name(kind.item)}]"
    return CLR_TYPE_NAMES[kind]


def _parse_datetime(text: str) -> datetime.datetime:
    value = datetime.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(datetime.UTC).replace(tzinfo=None)
    return value


def _convert_scalar(value: Any, kind: str) -> Any:
    """Convert one JSON value, or raise ValueError when it cannot be."""
    if kind == "string":
        if isinstance(value, str):
            return value
        raise ValueError
    if kind == "bool":
        if isinstance(value, bool):
            return value
        raise ValueError
    if isinstance(value, bool):
        raise ValueError
    if kind == "int":
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            value = int(value.strip())
        if isinstance(value, int) and value in INT32_RANGE:
            return value
        raise ValueError
    if kind == "decimal":
        if isinstance(value, (int, Decimal)):
            return Decimal(value)
        if isinstance(value, str):
            try:
                number = Decimal(value.strip())
            except InvalidOperation:
                raise ValueError from None
            if number.is_finite():
                return number
        raise ValueError
    if kind == "datetime":
        if isinstance(value, str):
            return _parse_datetime(value.strip())
        raise ValueError
    raise AssertionError(f"unknown kind {kind}")


def _convert_enum(value: Any, kind: Enum) -> str | int:
    """Return the enum name, or the integer itself when it has no name.

    Like .NET, an integer outside the declared values still binds; the inner
    validator then reports it as an invalid choice.
    """
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, int):
        # NOTE: integer values are taken as positions in the declared order,
        # which matches the C# enums as far as the published models show.
        if 0 <= value < len(kind.values):
            return kind.values[value]
        return value
    if isinstance(value, str):
        for name in kind.values:
            if name.lower() == value.strip().lower():
                return name
    raise ValueError


def _default(prop: Prop) -> Any:
    if prop.nullable or isinstance(prop.kind, (Model, ListOf)) or prop.kind == "string":
        return None
    if isinstance(prop.kind, Enum):
        return prop.kind.values[0]
    return {"int": 0, "decimal": Decimal(0), "bool": False, "datetime": MIN_DATE}[
        prop.kind
    ]


def _convert(value: Any, kind: Any, path: str, nullable: bool) -> Any:
    if value is None:
        if nullable or kind == "string" or isinstance(kind, (Model, ListOf)):
            return None
        raise _ConversionError(path, _type_name(kind))
    try:
        if isinstance(kind, Model):
            if not isinstance(value, dict):
                raise ValueError
            return _bind_model(value, kind, path)
        if isinstance(kind, ListOf):
            if not isinstance(value, list):
                raise ValueError
            return [
                _convert(item, kind.item, f"{path}[{index}]", False)
                for index, item in enumerate(value)
            ]
        if isinstance(kind, Enum):
            return _convert_enum(value, kind)
        return _convert_scalar(value, kind)
    except ValueError:
        raise _ConversionError(path, _type_name(kind)) from None


def _bind_model(data: dict, model: Model, path: str) -> dict:
    by_lower_name = {str(name).lower(): (name, value) for name, value in data.items()}
    bound = {}
    for prop in model.props:
        if prop.json_name.lower() not in by_lower_name:
            bound[prop.json_name] = _default(prop)
            continue
        sent_name, value = by_lower_name[prop.json_name.lower()]
        bound[prop.json_name] = _convert(
            value, prop.kind, f"{path}.{sent_name}", prop.nullable
        )
    return bound


def _length(value: Any) -> int:
    return utf16_length(value) if isinstance(value, str) else len(value)


def _check_attributes(
    bound: dict, model: Model, prefix: str, result: BindingResult
) -> None:
    for prop in model.props:
        value = bound.get(prop.json_name)
        key = prefix + prop.csharp_name
        if prop.required and (
            value is None or (isinstance(value, str) and not value.strip())
        ):
            result.add(key, f"The {prop.csharp_name} field is required.")
            continue
        if value is None:
            continue
        if prop.max_length is not None and _length(value) > prop.max_length:
            result.add(
                key,
                f"The field {prop.csharp_name} must be a string or array type "
                f"with a maximum length of '{prop.max_length}'.",
            )
        if prop.min_length is not None and _length(value) < prop.min_length:
            result.add(
                key,
                f"The field {prop.csharp_name} must be a string or array type "
                f"with a minimum length of '{prop.min_length}'.",
            )
        if prop.question and value and not QUESTION_PATTERN.match(value):
            result.add(key, "Must include '?'")
        if prop.json_name == "level" and value not in range(1, 8):
            result.add(key, f"The field {prop.csharp_name} must be between 1 and 7.")
        if isinstance(prop.kind, Model):
            _check_attributes(value, prop.kind, f"{key}.", result)
        if isinstance(prop.kind, ListOf) and isinstance(prop.kind.item, Model):
            for index, item in enumerate(value):
                _check_attributes(item, prop.kind.item, f"{key}[{index}].", result)


def bind_create_request(raw_body: bytes) -> BindingResult:
    """Bind and check a create request body as the outer API does.

    Returns the bound request (JSON names as keys, Decimal numbers, naive UTC
    datetimes, enum names) or the errors for a 400 problem-details response.
    """
    result = BindingResult()
    try:
        data = json.loads(raw_body.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as exc:
        position = getattr(exc, "pos", 0)
        result.add(
            "$",
            f"The JSON value could not be parsed: invalid JSON at character "
            f"{position}. Path: $.",
        )
        result.add("request", "The request field is required.")
        return result

    try:
        if not isinstance(data, dict):
            raise _ConversionError("$", _type_name(CREATE_VACANCY_REQUEST))
        bound = _bind_model(data, CREATE_VACANCY_REQUEST, "$")
    except _ConversionError as exc:
        result.add(
            exc.path,
            f"The JSON value could not be converted to {exc.type_name}. "
            f"Path: {exc.path}.",
        )
        result.add("request", "The request field is required.")
        return result

    _check_attributes(bound, CREATE_VACANCY_REQUEST, "", result)
    if not result.errors:
        result.value = bound
    return result
