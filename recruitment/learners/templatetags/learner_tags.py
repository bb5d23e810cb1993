from django import template

from recruitment.applications.models import JobApplication
from recruitment.tenancy.scoping import for_tenant

register = template.Library()

JOB_APPLICATIONS_SHOWN = 200


@register.simple_tag
def job_applications(job):
    """Return the job's newest applications with their learners, in one query."""
    return (
        for_tenant(JobApplication, job.tenant_id)
        .filter(job=job)
        .select_related("learner__user", "learner__case_owner")
        .order_by("-applied_at", "-id")[:JOB_APPLICATIONS_SHOWN]
    )
