import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django_ratelimit.core import get_usage
from django_ratelimit.decorators import ratelimit

from recruitment.jobs.models import Job

from .forms import ApplicationForm
from .services import DUPLICATE_EMAIL_MESSAGE, DuplicateEmail, submit_application

logger = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")

ACCEPTED_PER_ADDRESS_GROUP = "applications.apply.address.accepted"

# Shown above the tenant's sign-in form, where the applicant lands, so the
# message makes clear that signing in is not the next step.
RECEIVED_MESSAGE = (
    "Your application has been received. You do not need to sign in now. "
    "{provider} will contact you by email about {job_title}."
)


def _rate_per_address(group, request):
    return settings.APPLICATION_RATE_PER_ADDRESS


def _attempt_rate_per_address(group, request):
    return settings.APPLICATION_ATTEMPT_RATE_PER_ADDRESS


def _rate_per_job(group, request):
    return settings.APPLICATION_RATE_PER_JOB


def _job_key(group, request):
    return request.resolver_match.kwargs.get("key", "")


def _accepted_usage(request, *, increment):
    return get_usage(
        request,
        group=ACCEPTED_PER_ADDRESS_GROUP,
        key="ip",
        rate=_rate_per_address,
        method="POST",
        increment=increment,
    )


def _address_reached_accepted_limit(request) -> bool:
    """Return whether the address has sent as many applications as its limit.

    NOTE: applications sent at the same moment can each pass this check, so
    concurrent requests may go a few over the limit.
    """
    usage = _accepted_usage(request, increment=False)
    # get_usage limits only when the count is over the limit, and without an
    # increment the count does not include this request, so compare with >=.
    return usage is not None and usage["count"] >= usage["limit"]


def _count_accepted(request) -> None:
    _accepted_usage(request, increment=True)


# NOTE: key="ip" counts by REMOTE_ADDR. Behind a reverse proxy every applicant
# shares the proxy's address unless RATELIMIT_IP_META_KEY names the header the
# proxy sets with the client's address.
# Every POST counts towards the attempts limits below. The applications limit
# (APPLICATION_RATE_PER_ADDRESS) counts only accepted applications, so an
# applicant correcting mistakes, or a college room behind one address, is not
# locked out by failed tries.
@ratelimit(
    group="applications.apply.address.attempts",
    key="ip",
    rate=_attempt_rate_per_address,
    method="POST",
    block=False,
)
@ratelimit(
    group="applications.apply.job",
    key=_job_key,
    rate=_rate_per_job,
    method="POST",
    block=False,
)
def apply(request, key):
    """Show a job's key details and its public application form."""
    if getattr(request, "limited", False):
        return rate_limited(request)
    if request.method == "POST" and _address_reached_accepted_limit(request):
        return rate_limited(request)

    job = get_object_or_404(
        Job.objects.select_related("tenant", "organisation", "programme"),
        public_key=key,
    )
    is_open = job.is_open_for_applications(timezone.localdate(timezone=LONDON))

    if request.method != "POST":
        form = ApplicationForm(tenant=job.tenant)
        return _render_form(request, job, form, is_open)

    form = ApplicationForm(request.POST, request.FILES, tenant=job.tenant)
    if not is_open:
        logger.info("Application to closed job %s rejected", job.pk)
        return _render_form(request, job, form, is_open)

    if form.honeypot_filled:
        # Respond as to a real application, so the bot learns nothing.
        logger.info("Honeypot filled on job %s; nothing created", job.pk)
        _count_accepted(request)
        return _received(request, job)

    if form.is_valid():
        try:
            submit_application(job, form.cleaned_data, form.cleaned_data["cv"])
        except DuplicateEmail:
            form.add_error("email", DUPLICATE_EMAIL_MESSAGE)
        except ValidationError as error:
            form.add_error("cv", error)
        except (OSError, DatabaseError):
            # The CV store or the database failed part-way. The service has
            # rolled everything back and removed any stored file, so the
            # applicant can safely send the same form again.
            logger.exception("Application to job %s failed; nothing kept", job.pk)
            form.ask_for_cv_again()
            return _render_form(request, job, form, is_open, fault=True, status=503)
        else:
            _count_accepted(request)
            return _received(request, job)

    form.ask_for_cv_again()
    return _render_form(request, job, form, is_open)


def _received(request, job):
    messages.success(
        request,
        RECEIVED_MESSAGE.format(provider=job.tenant.name, job_title=job.title),
    )
    return redirect("tenancy:sign_in", slug=job.tenant.slug)


def _render_form(request, job, form, is_open, *, fault=False, status=200):
    return render(
        request,
        "applications/apply.html",
        {
            "job": job,
            "form": form,
            "is_open": is_open,
            "tenant": job.tenant,
            "location": job_location(job),
            "wage": job_wage(job),
            "hours": job_hours(job),
            "fault": fault,
        },
        status=status,
    )


def rate_limited(request, exception=None):
    """Render the rate-limit page, status 429, for a request over the limits."""
    logger.warning("Application rate limit reached on %s", request.path)
    return render(request, "applications/rate_limited.html", status=429)


def job_location(job) -> str:
    lines = [
        job.address_line1,
        job.address_line2,
        job.address_line3,
        job.address_line4,
        job.postcode,
    ]
    return ", ".join(line.strip() for line in lines if line and line.strip())


def job_wage(job) -> str:
    amount = job.fixed_wage_yearly_amount
    if job.wage_type == Job.WageType.FIXED_WAGE and amount is not None:
        return f"£{amount:,.2f} a year"
    return job.get_wage_type_display() if job.wage_type else ""


def job_hours(job) -> str:
    hours = job.hours_per_week
    if hours is None:
        return ""
    # Decimal("37.50") shows as 37.5 and Decimal("40.00") as 40.
    text = f"{hours:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
