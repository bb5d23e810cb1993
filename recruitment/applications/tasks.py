"""Background work for applications: telling staff about new ones."""

import logging

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django_tasks import task

from recruitment.core.emails import send_templated_email
from recruitment.tenancy.models import User
from recruitment.tenancy.scoping import for_tenant

from .models import JobApplication

logger = logging.getLogger(__name__)


def staff_recipients(job) -> list[str]:
    """Return the addresses to email: the job's owner, else the tenant's admins."""
    owner = job.owner
    if owner is not None and owner.is_active and owner.tenant_id == job.tenant_id:
        return [owner.email]
    admins = for_tenant(User, job.tenant).filter(role=User.Role.ADMIN, is_active=True)
    return list(admins.order_by("id").values_list("email", flat=True))


def _candidates_url():
    # The candidates grid is the page where staff act on the application.
    try:
        return settings.SITE_URL + reverse("applications:candidates")
    except NoReverseMatch:
        return settings.SITE_URL + reverse("home")


@task()
def send_new_application_email(application_id: int) -> None:
    """Email the staff responsible for the job about one new application."""
    application = (
        JobApplication.objects.select_related(
            "job__owner", "job__tenant", "job__organisation", "learner__user"
        )
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        logger.warning("Application %s is gone; no email sent", application_id)
        return

    job = application.job
    recipients = staff_recipients(job)
    if not recipients:
        logger.warning(
            "Job %s has no owner and tenant %s no active admin; no email sent "
            "for application %s",
            job.pk,
            job.tenant_id,
            application.pk,
        )
        return

    send_templated_email(
        "new_application",
        recipients,
        {
            "application": application,
            "job": job,
            "applicant": application.learner.user,
            "candidates_url": _candidates_url(),
        },
    )
    logger.info("Emailed staff about application %s to job %s", application.pk, job.pk)
