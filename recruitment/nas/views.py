import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from recruitment.jobs.display import failure_links
from recruitment.jobs.models import Job
from recruitment.tenancy.decorators import staff_required
from recruitment.tenancy.scoping import get_for_tenant_or_404

from .upload import Outcome, set_vacancy_reference, upload_job

REFERENCE_PATTERN = re.compile(r"(?:VAC)?([0-9]{6,12})", re.IGNORECASE)


@require_POST
@staff_required(permission="can_edit_jobs")
def upload(request, pk):
    job = get_for_tenant_or_404(
        Job.objects.select_related("tenant", "programme", "organisation", "contact"),
        request.tenant,
        pk=pk,
    )
    result = upload_job(job, request.user)

    if result.failures:
        links = failure_links(job, result.failures)
        context = {"job": job, "result": result, "links": links}
        return render(request, "nas/upload_failed.html", context)
    if result.outcome == Outcome.UPLOADED:
        messages.success(request, result.message)
    elif result.outcome == Outcome.IN_PROGRESS:
        messages.info(request, result.message)
    else:
        messages.error(request, result.message)
    return redirect("jobs:detail", pk=job.pk)


@require_POST
@staff_required(permission="can_edit_jobs")
def save_reference(request, pk):
    job = get_for_tenant_or_404(Job, request.tenant, pk=pk)
    match = REFERENCE_PATTERN.fullmatch(request.POST.get("reference", "").strip())
    if job.nas_status != Job.NasStatus.UPLOADED:
        messages.error(request, "Only an uploaded job has a vacancy reference.")
    elif match is None:
        messages.error(
            request,
            "Enter the vacancy reference as digits, for example 2000001234.",
        )
    else:
        set_vacancy_reference(job, match.group(1))
        messages.success(request, "Vacancy reference saved.")
    return redirect("jobs:detail", pk=job.pk)
