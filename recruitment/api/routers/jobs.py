"""Jobs: list, create, read, update, and the NAS check and upload."""

import datetime
from decimal import Decimal

from django.db import transaction
from ninja import Field, Query, Router, Schema, Status

from recruitment.jobs.forms import JobForm, qualification_formset
from recruitment.jobs.models import Job
from recruitment.jobs.services import check_job_for_nas
from recruitment.nas.upload import Outcome, upload_job
from recruitment.tenancy.scoping import for_tenant, get_for_tenant_or_404

from ..auth import require_permission
from ..errors import ApiError, field_error, form_errors, invalid
from ..pagination import PageQuery, paginate
from ..schemas import (
    READ_ERRORS,
    WRITE_ERRORS,
    ContractType,
    ErrorOut,
    JobIn,
    JobOut,
    JobPage,
    JobPatch,
    JobStatus,
    NasCheckOut,
    NasStatus,
    NasUploadOut,
    ObjectId,
    Qualification,
    SearchText,
)

router = Router(tags=["jobs"])

# Job form field -> API field, where the API names the id.
ID_FIELDS = {
    "organisation": "organisation_id",
    "contact": "contact_id",
    "programme": "programme_id",
    "owner": "owner_id",
}


class JobQuery(Schema):
    organisation: ObjectId | None = Field(None, description="An organisation id.")
    contract_type: ContractType | None = None
    nas_status: NasStatus | None = None
    status: JobStatus | None = None
    search: SearchText = Field("", description="Part of the job title.")


def load_job(request, job_id):
    return get_for_tenant_or_404(Job, request.tenant, pk=job_id)


# ---------------------------------------------------------------------------
# Saving through the job form
# ---------------------------------------------------------------------------


def _form_value(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if isinstance(value, datetime.date | Decimal):
        return str(value)
    return value


def _job_form_data(job, changes):
    """Return JobForm data: the job's current values with the changes on top."""
    data = {}
    for name in JobForm._meta.fields:
        api_name = ID_FIELDS.get(name, name)
        if api_name in changes:
            value = changes[api_name]
        elif name in ID_FIELDS:
            value = getattr(job, f"{name}_id")
        else:
            value = getattr(job, name)
        data[name] = _form_value(value)
    return data


def _qualification_data(items):
    prefix = "qualifications"
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(items)),
        f"{prefix}-INITIAL_FORMS": "0",
    }
    for index, item in enumerate(items):
        for key in Qualification.model_fields:
            value = item.get(key)
            data[f"{prefix}-{index}-{key}"] = "" if value is None else str(value)
    return data


def _qualification_errors(formset):
    errors = [
        field_error("qualifications", message) for message in formset.non_form_errors()
    ]
    for index, form_error_dict in enumerate(formset.errors):
        for name, messages in form_error_dict.items():
            field = f"qualifications.{index}.{name}"
            errors += [field_error(field, message) for message in messages]
    return errors


def save_job(request, job, changes):
    """Validate the changes with the job form, as the job screens do, and save.

    Raises a 400 ApiError listing every invalid field; nothing is saved then.
    """
    data = _job_form_data(job, changes)
    items = changes.get("qualifications")
    if items is None:
        items = [item for item in job.qualifications or [] if isinstance(item, dict)]
    data.update(_qualification_data(items))

    form = JobForm(data, instance=job, tenant=request.tenant)
    qualifications = qualification_formset(data, apprenticeship=form.is_apprenticeship)
    form_valid = form.is_valid()
    if not (qualifications.is_valid() and form_valid):
        errors = form_errors(form, ID_FIELDS) + _qualification_errors(qualifications)
        raise invalid(errors)

    with transaction.atomic():
        job = form.save(commit=False)
        job.qualifications = qualifications.items()
        job.save()
    return job


# ---------------------------------------------------------------------------
# Endpoints
# ---------------------------------------------------------------------------


@router.get("/jobs", response={200: JobPage, **READ_ERRORS}, summary="List jobs")
def list_jobs(request, filters: Query[JobQuery], page: Query[PageQuery]):
    """List jobs, newest first."""
    jobs = for_tenant(Job, request.tenant).order_by("-created_at", "-id")
    if filters.organisation:
        jobs = jobs.filter(organisation_id=filters.organisation)
    for name in ("contract_type", "nas_status", "status"):
        value = getattr(filters, name)
        if value:
            jobs = jobs.filter(**{name: value})
    if filters.search.strip():
        jobs = jobs.filter(title__icontains=filters.search.strip())
    return paginate(jobs, page)


@router.post("/jobs", response={201: JobOut, **WRITE_ERRORS}, summary="Create a job")
def create_job(request, payload: JobIn):
    """Create a job, checked as the job form checks it.

    A draft may leave NAS fields empty; values that are wrong in themselves
    are rejected with field errors. The owner defaults to the token's user.
    """
    require_permission(request, "can_edit_jobs", "create jobs")
    changes = payload.model_dump()
    if "owner_id" not in payload.model_fields_set:
        changes["owner_id"] = request.user.pk
    job = save_job(request, Job(tenant=request.tenant), changes)
    return Status(201, job)


@router.get(
    "/jobs/{job_id}", response={200: JobOut, **READ_ERRORS}, summary="Read a job"
)
def read_job(request, job_id: ObjectId):
    return load_job(request, job_id)


@router.patch(
    "/jobs/{job_id}", response={200: JobOut, **WRITE_ERRORS}, summary="Update a job"
)
def update_job(request, job_id: ObjectId, payload: JobPatch):
    """Change the fields sent; fields left out keep their values.

    The whole job is checked again, as the job form does on save. Changing an
    uploaded job does not change its advert: the Recruitment API does not
    allow updates.
    """
    job = load_job(request, job_id)
    require_permission(request, "can_edit_jobs", "change jobs")
    return save_job(request, job, payload.model_dump(exclude_unset=True))


@router.post(
    "/jobs/{job_id}/nas-check",
    response={200: NasCheckOut, **READ_ERRORS},
    summary="Check a job against the NAS advert rules",
)
def check_job(request, job_id: ObjectId):
    """List every advert rule the saved job fails, with the field to fix."""
    failures = check_job_for_nas(load_job(request, job_id))
    return {
        "valid": not failures,
        "errors": [field_error(failure.field, failure.message) for failure in failures],
    }


# The status code for each upload outcome other than success. 422 means the
# request was understood but the job, as saved, cannot be sent; 400 stays for
# malformed requests.
UPLOAD_STATUS = {
    Outcome.ALREADY_UPLOADED: 409,
    Outcome.IN_PROGRESS: 423,
    Outcome.NOT_ALLOWED: 422,
    Outcome.RULE_FAILURES: 422,
    Outcome.API_REJECTED: 422,
    Outcome.OUTCOME_UNKNOWN: 502,
    Outcome.RATE_LIMITED: 429,
    # A rejected system key, a refused legal entity or a connection failure:
    # the Recruitment API did not take the advert, and the message gives the reason.
    Outcome.FAILED: 502,
}


def _nas_state(job):
    return {
        "status": job.nas_status,
        "vacancy_reference": job.nas_vacancy_reference,
        "uploaded_at": job.nas_uploaded_at,
    }


@router.post(
    "/jobs/{job_id}/nas-upload",
    response={
        200: NasUploadOut,
        **WRITE_ERRORS,
        409: ErrorOut,
        422: ErrorOut,
        423: ErrorOut,
        429: ErrorOut,
        502: ErrorOut,
    },
    summary="Upload a job to NAS",
)
def upload_to_nas(request, job_id: ObjectId):
    """Send the job to the Recruitment API as a vacancy, once.

    - 200: uploaded; the body has the vacancy reference.
    - 409: already uploaded. The Recruitment API allows neither duplicates
      nor updates, so a job is never sent twice.
    - 422: the job fails the advert rules, the Recruitment API rejected it,
      or the job or provider is not set up for NAS. `errors` lists the
      fields to fix.
    - 423: another upload of this job is in progress; try again shortly.
    - 429: the Recruitment API is rate limiting; nothing was created. The
      Retry-After header, when present, gives the seconds to wait.
    - 502: the Recruitment API failed or could not be reached. When the
      outcome is unknown the job's NAS status is outcome_unknown. Sending
      the same request again is safe because it reuses the vacancy id, so
      no second advert can be created.
    """
    job = load_job(request, job_id)
    require_permission(request, "can_edit_jobs", "upload jobs to NAS")

    result = upload_job(job, request.user)
    job.refresh_from_db()
    if result.ok:
        return {"detail": result.message, "nas": _nas_state(job)}

    errors = [
        field_error(failure.field, failure.message) for failure in result.failures
    ]
    if result.outcome == Outcome.NOT_ALLOWED:
        errors = [field_error("non_field", result.message)]
    headers = {}
    if result.retry_after_seconds:
        headers["Retry-After"] = str(result.retry_after_seconds)
    raise ApiError(
        UPLOAD_STATUS.get(result.outcome, 502), result.message, errors, headers
    )
