"""Schemas shared by every resource: errors, ids and text values."""

import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator

# Database ids are 64-bit; a larger number cannot name a row, and passing it
# to the database would fail instead of returning "not found".
MAX_ID = 2**63 - 1

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]


def _reject_nul(value: str) -> str:
    # PostgreSQL text cannot contain NUL, so it is rejected at the edge.
    if "\x00" in value:
        raise ValueError("must not contain the NUL character")
    return value


Text = Annotated[str, AfterValidator(_reject_nul)]


class FieldError(Schema):
    field: str = Field(
        description="The field at fault, dotted for nested values "
        "(qualifications.0.grade), or non_field."
    )
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


# Answers every authenticated operation may give besides its own.
COMMON_ERRORS = {401: ErrorOut, 400: ErrorOut}
READ_ERRORS = {**COMMON_ERRORS, 404: ErrorOut}
WRITE_ERRORS = {**READ_ERRORS, 403: ErrorOut}


# ---------------------------------------------------------------------------
# Organisations and contacts
# ---------------------------------------------------------------------------


class OrganisationOut(Schema):
    id: int
    name: str
    address_line1: str
    address_line2: str
    town: str
    postcode: str
    employer_description: str
    web_address: str
    legal_entity_id: str = Field(
        description="The employer's account legal entity public hashed ID on "
        "the apprenticeship service, needed to upload jobs to NAS."
    )
    created_at: datetime.datetime


class OrganisationIn(Schema):
    name: Text
    address_line1: Text = ""
    address_line2: Text = ""
    town: Text = ""
    postcode: Text = ""
    employer_description: Text = ""
    web_address: Text = ""
    legal_entity_id: Text = ""


class OrganisationPatch(Schema):
    name: Text = None
    address_line1: Text = None
    address_line2: Text = None
    town: Text = None
    postcode: Text = None
    employer_description: Text = None
    web_address: Text = None
    legal_entity_id: Text = None


class OrganisationPage(Schema):
    items: list[OrganisationOut]
    count: int
    page: int
    page_size: int


class ContactOut(Schema):
    id: int
    organisation_id: int
    name: str
    email: str
    phone: str


class ContactIn(Schema):
    name: Text
    email: Text
    phone: Text = ""


class ContactPatch(Schema):
    name: Text = None
    email: Text = None
    phone: Text = None


class ContactPage(Schema):
    items: list[ContactOut]
    count: int
    page: int
    page_size: int
