from django import template

from recruitment.jobs.models import Job
from recruitment.nas.upload import can_show_upload_button

register = template.Library()


@register.inclusion_tag("nas/_actions.html", takes_context=True)
def nas_actions(context, job):
    user = context["user"]
    return {
        "job": job,
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "show_button": can_show_upload_button(job, user),
        "Status": Job.NasStatus,
    }


@register.inclusion_tag("nas/_status.html", takes_context=True)
def nas_status(context, job):
    return {
        "job": job,
        "user": context["user"],
        "csrf_token": context.get("csrf_token"),
        "attempts": job.nas_attempts.select_related("user")[:10],
        "Status": Job.NasStatus,
    }
