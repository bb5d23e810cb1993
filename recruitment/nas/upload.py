"""Upload a job to the Recruitment API: once, and never twice.

The job's `nas_status` is a small state machine:

    not_uploaded --claim--> uploading --201--> uploaded
                                      --rejected / not sent--> back where it was
                                      --answer lost--> outcome_unknown
    outcome_unknown --claim ("Check again")--> uploading --> ...

Only a conditional UPDATE moves a job into `uploading`, so of any number of
simultaneous presses exactly one sends a request. The vacancy id in the URL is
stored before the first request and reused by every repeat, so a repeat after
a lost response is rejected by the API as a duplicate instead of publishing
a second advert. That duplicate response marks the job uploaded.
"""

import datetime
import logging
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from recruitment.jobs.display import failure_links
from recruitment.jobs.models import Job
from recruitment.jobs.rules import Failure
from recruitment.jobs.services import check_job_for_nas, job_rule_input
from recruitment.programmes.models import JobsToken

from . import errors
from .body import build_vacancy_body
from .client import RecruitmentApiClient
from .models import UploadAttempt

logger = logging.getLogger(__name__)

ALREADY_UPLOADED_MESSAGE = (
    "This job is already uploaded; the Recruitment API does not allow "
    "duplicates or updates."
)
IN_PROGRESS_MESSAGE = (
    "An upload of this job is in progress. Wait a moment and reload the page."
)

# A claim older than this belongs to a request that can no longer be running
# (the read timeout has long passed), so its outcome is treated as unknown.
STALE_CLAIM_AFTER = datetime.timedelta(minutes=5)


class Outcome:
    UPLOADED = "uploaded"
    ALREADY_UPLOADED = "already_uploaded"
    IN_PROGRESS = "in_progress"
    NOT_ALLOWED = "not_allowed"
    RULE_FAILURES = "rule_failures"
    API_REJECTED = "api_rejected"
    OUTCOME_UNKNOWN = "outcome_unknown"
    RATE_LIMITED = "rate_limited"
    FAILED = "failed"


@dataclass
class UploadResult:
    outcome: str
    message: str
    failures: list[Failure] = field(default_factory=list)
    reference: str = ""
    retry_after_seconds: int | None = None

    @property
    def ok(self):
        return self.outcome == Outcome.UPLOADED


def upload_blockers(job: Job, user=None) -> list[str]:
    """Return why the job cannot be uploaded at all (empty when it can).

    These are the conditions for showing the "Upload to NAS" button; the
    advert rules come after them.
    """
    reasons = []
    if user is not None and not user.can_edit_jobs:
        reasons.append("Your role does not allow uploading jobs to NAS.")
    if not job.tenant.nas_enabled:
        reasons.append("Support has not enabled NAS integration for this provider.")
    if not job.programme.nas_configured:
        reasons.append(
            "The job's account programme does not have NAS integration ticked "
            "with a system key, or its changes are not confirmed."
        )
    if not job.is_apprenticeship:
        reasons.append("Only jobs with the contract type Apprenticeship go to NAS.")
    if _sends_to_live(job) and not _is_public_address(job.application_url):
        reasons.append(
            "The application form's address is not public, so the live "
            "Recruitment API would refuse the advert: set SITE_URL to the "
            "site's public https address."
        )
    return reasons


def _sends_to_live(job: Job) -> bool:
    token = JobsToken.objects.filter(programme_id=job.programme_id).first()
    return token is not None and token.nas_environment == JobsToken.Environment.LIVE


def _is_public_address(url: str) -> bool:
    # The live API wants an absolute link whose host has a dot and is not an
    # IPv4 address.
    host = urlsplit(url).hostname or ""
    return "." in host and not host.replace(".", "").isdigit()


def can_show_upload_button(job: Job, user) -> bool:
    return job.nas_status != Job.NasStatus.UPLOADED and not upload_blockers(job, user)


def client_for(job: Job) -> RecruitmentApiClient:
    token = JobsToken.objects.get(programme_id=job.programme_id)
    base_url = (
        settings.NAS_LIVE_BASE_URL
        if token.nas_environment == JobsToken.Environment.LIVE
        else settings.NAS_SANDBOX_BASE_URL
    )
    return RecruitmentApiClient(
        base_url,
        token.system_key,
        connect_timeout=settings.NAS_CONNECT_TIMEOUT,
        read_timeout=settings.NAS_READ_TIMEOUT,
    )


def upload_job(job: Job, user, *, today=None, client=None) -> UploadResult:
    """Check the job against the advert rules, then send it once.

    Also serves "Check again" for a job whose outcome is unknown. `client`
    replaces the client built from the programme's Jobs token.
    """
    attempt = UploadAttempt(tenant_id=job.tenant_id, job=job, user=user)

    if job.nas_status == Job.NasStatus.UPLOADED:
        return _finish(attempt, UploadAttempt.Result.REFUSED, _already_uploaded())
    blockers = upload_blockers(job, user)
    if blockers:
        result = UploadResult(Outcome.NOT_ALLOWED, " ".join(blockers))
        return _finish(attempt, UploadAttempt.Result.REFUSED, result)

    failures = check_job_for_nas(job, today)
    if failures:
        result = UploadResult(
            Outcome.RULE_FAILURES,
            "The job does not meet the NAS advert rules, so it was not sent. "
            "Fix the fields listed and try again.",
            failures=failures,
        )
        return _finish(attempt, UploadAttempt.Result.REJECTED_BY_RULES, result)

    # Everything that could fail before sending happens before the claim, so
    # after it the only failures are the API's.
    body = build_vacancy_body(
        job_rule_input(job),
        ukprn=int(job.tenant.ukprn),
        application_url=job.application_url,
    )
    api = client or client_for(job)
    try:
        return _claim_and_send(job, attempt, api, body)
    finally:
        if client is None:
            api.close()


def _claim_and_send(job, attempt, api, body) -> UploadResult:
    previous_status = _claim(job)
    if previous_status is None:
        job.refresh_from_db()
        if job.nas_status == Job.NasStatus.UPLOADED:
            return _finish(attempt, UploadAttempt.Result.REFUSED, _already_uploaded())
        result = UploadResult(Outcome.IN_PROGRESS, IN_PROGRESS_MESSAGE)
        return _finish(attempt, UploadAttempt.Result.REFUSED, result)

    attempt.vacancy_id = job.nas_vacancy_id
    attempt.save()
    try:
        reference = api.create_vacancy(job.nas_vacancy_id, body)
    except errors.VacancyAlreadySubmitted:
        return _record_already_submitted(job, attempt)
    except errors.RecruitmentApiError as error:
        return _record_api_error(job, attempt, error, previous_status)
    except Exception:
        # Anything unexpected after the claim: whether the request left is not
        # known, so the job must not look "not uploaded".
        _set_status(job, Job.NasStatus.OUTCOME_UNKNOWN)
        attempt.result = UploadAttempt.Result.OUTCOME_UNKNOWN
        attempt.error_text = "An unexpected error stopped the upload."
        attempt.finished_at = timezone.now()
        attempt.save()
        raise
    return _record_success(job, attempt, reference)


def _claim(job: Job):
    """Move the job into 'uploading' unless another request has claimed it.

    Returns the status it had before, or None when another request won.
    """
    now = timezone.now()
    claimable = Q(
        nas_status__in=[Job.NasStatus.NOT_UPLOADED, Job.NasStatus.OUTCOME_UNKNOWN]
    ) | Q(
        nas_status=Job.NasStatus.UPLOADING, nas_claimed_at__lt=now - STALE_CLAIM_AFTER
    )

    with transaction.atomic():
        current = (
            Job.objects.filter(pk=job.pk).values_list("nas_status", flat=True).first()
        )
        won = Job.objects.filter(claimable, pk=job.pk, nas_status=current).update(
            nas_status=Job.NasStatus.UPLOADING, nas_claimed_at=now
        )
        if not won:
            return None
        # Only the request whose UPDATE matched reaches this line, and the job
        # stays 'uploading' until it finishes, so no other request sets the id.
        Job.objects.filter(pk=job.pk, nas_vacancy_id__isnull=True).update(
            nas_vacancy_id=uuid.uuid4()
        )
    job.refresh_from_db()
    if current == Job.NasStatus.UPLOADING:
        # A stale claim: its request may have reached the API.
        return Job.NasStatus.OUTCOME_UNKNOWN
    return current


def _set_status(job: Job, status: str, **fields) -> None:
    Job.objects.filter(pk=job.pk).update(nas_status=status, **fields)
    job.refresh_from_db()


def _finish(attempt, result_code, result: UploadResult) -> UploadResult:
    attempt.result = result_code
    attempt.error_text = "" if result.ok else _summary(result, attempt.job)
    attempt.finished_at = timezone.now()
    attempt.save()
    logger.info("NAS upload of job %s: %s", attempt.job_id, result.outcome)
    return result


def _summary(result: UploadResult, job: Job) -> str:
    # Field labels and our own messages only: no API response body, which can
    # echo personal data such as the contact's email address.
    lines = [result.message]
    lines += [
        f"{link.label}: {link.message}" for link in failure_links(job, result.failures)
    ]
    return "\n".join(lines)[:2000]


def _already_uploaded() -> UploadResult:
    return UploadResult(Outcome.ALREADY_UPLOADED, ALREADY_UPLOADED_MESSAGE)


def _record_success(job, attempt, reference) -> UploadResult:
    _set_status(
        job,
        Job.NasStatus.UPLOADED,
        nas_vacancy_reference=reference,
        nas_uploaded_at=timezone.now(),
    )
    attempt.status_code = 201
    result = UploadResult(
        Outcome.UPLOADED,
        f"Uploaded to NAS. The vacancy reference is {reference}.",
        reference=reference,
    )
    return _finish(attempt, UploadAttempt.Result.UPLOADED, result)


def _record_already_submitted(job, attempt) -> UploadResult:
    _set_status(job, Job.NasStatus.UPLOADED, nas_uploaded_at=timezone.now())
    attempt.status_code = 400
    result = UploadResult(
        Outcome.UPLOADED,
        "The Recruitment API already has this advert from an earlier upload, so "
        "the job is now marked uploaded. Enter its vacancy reference from the "
        "apprenticeship service on the job profile.",
    )
    return _finish(attempt, UploadAttempt.Result.ALREADY_SUBMITTED, result)


def _record_api_error(job, attempt, error, previous_status) -> UploadResult:
    attempt.status_code = getattr(error, "status", None)
    if error.may_have_been_processed:
        _set_status(job, Job.NasStatus.OUTCOME_UNKNOWN)
        result = UploadResult(Outcome.OUTCOME_UNKNOWN, _unknown_message(error))
        return _finish(attempt, UploadAttempt.Result.OUTCOME_UNKNOWN, result)

    # The API did not act on the request: the job goes back to where it was,
    # which keeps an earlier unknown outcome unknown.
    _set_status(job, previous_status)
    if isinstance(error, errors.ValidationFailed):
        attempt.status_code = 400
        result = UploadResult(
            Outcome.API_REJECTED,
            "The Recruitment API rejected the advert. Fix the fields listed and "
            "try again.",
            failures=[Failure(name, message) for name, message in error.field_errors],
        )
        return _finish(attempt, UploadAttempt.Result.REJECTED_BY_API, result)
    if isinstance(error, errors.RateLimited):
        result = UploadResult(
            Outcome.RATE_LIMITED,
            _failure_message(error),
            retry_after_seconds=error.retry_after_seconds,
        )
    else:
        result = UploadResult(Outcome.FAILED, _failure_message(error))
    return _finish(attempt, UploadAttempt.Result.FAILED, result)


def _unknown_message(error) -> str:
    if isinstance(error, errors.RequestTimedOut):
        cause = "The Recruitment API did not answer in time"
    elif isinstance(error, errors.ServerError):
        cause = "The Recruitment API had an internal error"
    else:
        cause = "The answer from the Recruitment API was lost"
    return (
        f"{cause}, so whether the advert was created is not known yet. The job "
        "is marked 'upload outcome unknown'. Press 'Check again' to ask the API: "
        "it sends the same advert id, so no second advert can be created."
    )


def _failure_message(error) -> str:
    if isinstance(error, errors.AuthenticationFailed):
        return (
            "The Recruitment API did not accept the system key. Check the system "
            "key on the NAS tab of the programme's Jobs token."
        )
    if isinstance(error, errors.PermissionDenied):
        return (
            "The Recruitment API refused: this system key may not recruit for the "
            "organisation's legal entity. Check the organisation's account legal "
            "entity ID and the employer's permissions on the apprenticeship "
            "service."
        )
    if isinstance(error, errors.RateLimited):
        wait = error.retry_after_seconds
        when = f"in {wait} seconds" if wait else "in a few minutes"
        return (
            "The Recruitment API is receiving too many requests. Nothing was "
            f"created. Try again {when}."
        )
    if isinstance(error, errors.ConnectionFailed):
        return (
            "The Recruitment API could not be reached, so nothing was sent. Try "
            "again later."
        )
    return "The Recruitment API could not take the advert. Nothing was created."


def set_vacancy_reference(job: Job, reference: str) -> None:
    """Store the reference staff copied from the apprenticeship service."""
    Job.objects.filter(pk=job.pk, nas_status=Job.NasStatus.UPLOADED).update(
        nas_vacancy_reference=reference
    )
    job.refresh_from_db()
