"""Schemas shared by every resource: errors, ids and text values."""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from recruitment.jobs.models import Job
from recruitment.jobs.rules import control_characters, parse_whole_number

# Database ids are 64-bit. A larger number cannot name a row, and passing it
# to the database would fail instead of returning "not found".
MAX_ID = 2**63 - 1

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]


def _reject_control_characters(value: str) -> str:
    # The same rule as the screens: C0 controls other than tab, line feed and
    # carriage return, DEL and C1 controls. They are invisible in lists and
    # dropdowns, and PostgreSQL text cannot contain NUL at all.
    found = control_characters(value)
    if found:
        codes = ", ".join(f"U+{ord(character):04X}" for character in found)
        raise PydanticCustomError(
            "control_characters",
            "Remove the invisible control characters ({codes}) and retype the "
            "text around them.",
            {"codes": codes},
        )
    return value


Text = Annotated[str, AfterValidator(_reject_control_characters)]

# The length limit comes before the validator so that pydantic checks it as a
# string length (error type string_too_long), not as a generic length.
SearchText = Annotated[
    str, Field(max_length=100), AfterValidator(_reject_control_characters)
]


def _reject_line_breaks(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("must be one line: send each item as its own list entry")
    return value


def _decimal_text(value):
    # Both columns store two decimal places. The text always shows both, so a
    # value reads the same before and after a round trip to the database.
    return None if value is None else str(value.quantize(Decimal("0.01")))


def _text_items(value):
    # The JSON column should contain a list of strings. Anything else, written
    # outside the job form, is shown as text rather than failing the response.
    if not isinstance(value, list):
        return []
    return [str(item) for item in value]


class FieldError(Schema):
    field: str = Field(
        description="The field at fault, dotted for nested values "
        "(qualifications.0.grade), or non_field."
    )
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


# Error responses that every authenticated operation may return.
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


# ---------------------------------------------------------------------------
# Candidates, learners and job applications
# ---------------------------------------------------------------------------


class StaffUserOut(Schema):
    id: int
    name: str
    email: str

    @staticmethod
    def resolve_name(user):
        return user.full_name


class CandidateLearnerOut(Schema):
    id: int
    status: str
    first_name: str
    last_name: str
    email: str
    phone: str
    case_owner: StaffUserOut | None

    @staticmethod
    def resolve_first_name(learner):
        return learner.user.first_name

    @staticmethod
    def resolve_last_name(learner):
        return learner.user.last_name

    @staticmethod
    def resolve_email(learner):
        return learner.user.email


class CandidateJobOut(Schema):
    id: int
    title: str
    organisation_id: int
    organisation_name: str

    @staticmethod
    def resolve_organisation_name(job):
        return job.organisation.name


class CandidateOut(Schema):
    application_id: int
    status: str = Field(description="The job application's status.")
    applied_at: datetime.datetime
    learner: CandidateLearnerOut
    job: CandidateJobOut

    @staticmethod
    def resolve_application_id(application):
        return application.pk


class CandidatePage(Schema):
    items: list[CandidateOut]
    count: int
    page: int
    page_size: int


class CvOut(Schema):
    id: int
    original_name: str
    file_type: str
    size: int = Field(description="Bytes.")
    is_completed: bool = Field(
        description="True for a CV that came with an application: read-only."
    )
    uploaded_at: datetime.datetime


class ApplicationOut(Schema):
    id: int
    status: str
    applied_at: datetime.datetime
    job_id: int
    job_title: str
    learner_id: int
    cv: CvOut | None

    @staticmethod
    def resolve_job_title(application):
        return application.job.title


class LearnerApplicationOut(Schema):
    id: int
    status: str
    applied_at: datetime.datetime
    job_id: int
    job_title: str

    @staticmethod
    def resolve_job_title(application):
        return application.job.title


class LearnerOut(Schema):
    id: int
    status: str
    first_name: str
    last_name: str
    email: str
    phone: str
    address_line1: str
    address_line2: str
    town: str
    postcode: str
    case_owner: StaffUserOut | None
    programme_ids: list[int]
    applications: list[LearnerApplicationOut]
    created_at: datetime.datetime

    @staticmethod
    def resolve_first_name(learner):
        return learner.user.first_name

    @staticmethod
    def resolve_last_name(learner):
        return learner.user.last_name

    @staticmethod
    def resolve_email(learner):
        return learner.user.email

    @staticmethod
    def resolve_programme_ids(learner):
        return sorted(learner.programmes.values_list("id", flat=True))

    @staticmethod
    def resolve_applications(learner):
        applications = learner.applications.filter(tenant_id=learner.tenant_id)
        return applications.select_related("job").order_by("-applied_at", "-id")


class CaseOwnerIn(Schema):
    case_owner_id: ObjectId = Field(
        description="The id of an active staff user of the same provider."
    )


class InvitationOut(Schema):
    learner: LearnerOut
    expires_at: datetime.datetime = Field(
        description="When the emailed link stops working."
    )


class CancelIn(Schema):
    application_id: ObjectId = Field(
        description="The learner's job application to delete."
    )


# ---------------------------------------------------------------------------
# Jobs
# ---------------------------------------------------------------------------

ContractType = Literal[tuple(Job.ContractType.values)]
JobStatus = Literal[tuple(Job.Status.values)]
WageType = Literal[tuple(Job.WageType.values)]
NasStatus = Literal[tuple(Job.NasStatus.values)]

# A skill or quality is one line of the job form's text area.
SkillText = Annotated[Text, AfterValidator(_reject_line_breaks)]


class Qualification(Schema):
    type: Text = Field("", description="GCSE, A Level, T Level, BTEC, Degree or Other.")
    subject: Text = ""
    grade: Text = ""
    weighting: Text = Field("essential", description="essential or desired.")
    level: int | None = Field(
        None, description="The BTEC level, 1 to 7. NAS needs it for a BTEC."
    )
    other_name: Text = Field(
        "",
        description="The name of the qualification, at most 100 characters. "
        "NAS needs it when the type is Other.",
    )


def _qualification_out(item: dict) -> dict:
    values = {key: str(item.get(key) or "") for key in Qualification.model_fields}
    values["level"] = parse_whole_number(item.get("level"))
    return values


class NasOut(Schema):
    status: NasStatus
    vacancy_reference: str = Field(
        description="The reference the Recruitment API returned; empty until uploaded."
    )
    uploaded_at: datetime.datetime | None


class JobOut(Schema):
    id: int
    title: str
    contract_type: str
    status: str
    organisation_id: int
    contact_id: int | None
    programme_id: int
    owner_id: int | None
    description: str
    address_line1: str
    address_line2: str
    address_line3: str
    address_line4: str
    postcode: str
    web_address: str
    wage_type: str
    fixed_wage_yearly_amount: str | None = Field(
        description="Pounds as a decimal string, such as 18500.00."
    )
    working_hours: str
    maximum_enrolments: int | None
    closing_date: datetime.date | None
    expected_start_date: datetime.date | None
    desired_skills: list[str]
    desired_personal_qualities: list[str]
    qualifications: list[Qualification]
    future_prospects: str
    training_to_be_provided: str
    employer_description: str
    expected_duration_months: int | None
    hours_per_week: str | None = Field(
        description="Hours as a decimal string, such as 37.50."
    )
    training_code: str = Field(description="The LARS code of the training course.")
    application_url: str = Field(
        description="The public application form that the advert links to."
    )
    nas: NasOut
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_fixed_wage_yearly_amount(job):
        return _decimal_text(job.fixed_wage_yearly_amount)

    @staticmethod
    def resolve_hours_per_week(job):
        return _decimal_text(job.hours_per_week)

    @staticmethod
    def resolve_desired_skills(job):
        return _text_items(job.desired_skills)

    @staticmethod
    def resolve_desired_personal_qualities(job):
        return _text_items(job.desired_personal_qualities)

    @staticmethod
    def resolve_qualifications(job):
        items = job.qualifications if isinstance(job.qualifications, list) else []
        return [_qualification_out(item) for item in items if isinstance(item, dict)]

    @staticmethod
    def resolve_nas(job):
        return {
            "status": job.nas_status,
            "vacancy_reference": job.nas_vacancy_reference,
            "uploaded_at": job.nas_uploaded_at,
        }


class JobPage(Schema):
    items: list[JobOut]
    count: int
    page: int
    page_size: int


Number = Decimal | None
WholeNumber = int | None


class JobPatch(Schema):
    """Job fields to change; fields left out keep their values."""

    title: Text = None
    contract_type: ContractType = None
    status: JobStatus = None
    organisation_id: ObjectId = None
    contact_id: ObjectId | None = None
    programme_id: ObjectId = None
    owner_id: ObjectId | None = None
    description: Text = None
    address_line1: Text = None
    address_line2: Text = None
    address_line3: Text = None
    address_line4: Text = None
    postcode: Text = None
    web_address: Text = None
    wage_type: WageType | Literal[""] = None
    fixed_wage_yearly_amount: Number = Field(
        None, description="Pounds, as a number or a decimal string."
    )
    working_hours: Text = None
    maximum_enrolments: WholeNumber = None
    closing_date: datetime.date | None = None
    expected_start_date: datetime.date | None = None
    desired_skills: Annotated[list[SkillText], Field(max_length=50)] = None
    desired_personal_qualities: Annotated[list[SkillText], Field(max_length=50)] = None
    qualifications: Annotated[list[Qualification], Field(max_length=20)] = None
    future_prospects: Text = None
    training_to_be_provided: Text = None
    employer_description: Text = None
    expected_duration_months: WholeNumber = None
    hours_per_week: Number = Field(
        None, description="Hours a week, as a number or a decimal string."
    )
    training_code: Text = None


class JobIn(JobPatch):
    """A new job. A draft may leave out everything but the required fields."""

    title: Text
    organisation_id: ObjectId
    programme_id: ObjectId
    contract_type: ContractType = Job.ContractType.APPRENTICESHIP.value
    status: JobStatus = Job.Status.OPEN.value


class NasCheckOut(Schema):
    valid: bool
    errors: list[FieldError]


class NasUploadOut(Schema):
    detail: str
    nas: NasOut


class ProgrammeOut(Schema):
    id: int
    name: str
    confirmed: bool
    nas_ready: bool = Field(
        description="Whether jobs of this programme can be uploaded to NAS now."
    )


class ProgrammePage(Schema):
    items: list[ProgrammeOut]
    count: int
    page: int
    page_size: int
