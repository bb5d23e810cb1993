from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse

from recruitment.organisations.models import Contact, Organisation
from recruitment.programmes.models import AccountProgramme
from recruitment.tenancy.decorators import staff_required
from recruitment.tenancy.scoping import for_tenant, get_for_tenant_or_404

from .display import failure_links, profile_rows
from .drafts import merge_draft, pop_draft, store_draft
from .forms import NAS_MANDATORY_FIELDS, JobForm, qualification_formset
from .models import Job
from .rules import (
    DESCRIPTION_MAX_LENGTH,
    DESCRIPTION_MIN_LENGTH,
    normalise_text,
    utf16_length,
)
from .services import application_url, check_job_for_nas, london_today

PAGE_SIZE = 25
STATIC_FILTERS = {
    "contract_type": Job.ContractType,
    "status": Job.Status,
    "nas_status": Job.NasStatus,
}


@staff_required
def job_list(request):
    jobs = for_tenant(Job, request.tenant).select_related("organisation")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        jobs = jobs.filter(title__icontains=query)
    filters = {}
    for name, choices in STATIC_FILTERS.items():
        value = request.GET.get(name, "")
        if value in choices.values:
            jobs = jobs.filter(**{name: value})
            filters[name] = value
    organisations = for_tenant(Organisation, request.tenant)
    organisation_id = request.GET.get("organisation", "")
    if organisation_id.isdigit():
        jobs = jobs.filter(organisation_id=int(organisation_id))

    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "jobs/list.html",
        {
            "page": page,
            "query": query,
            "filters": filters,
            "filter_choices": {
                name: choices.choices for name, choices in STATIC_FILTERS.items()
            },
            "organisations": organisations,
            "organisation_id": organisation_id,
            "query_without_page": query_without_page.urlencode(),
        },
    )


def _create_initial(request):
    """Preselect the organisation from ?organisation= and fill in its details."""
    initial = {"owner": request.user.pk}
    programmes = list(for_tenant(AccountProgramme, request.tenant)[:20])
    ready = [programme for programme in programmes if programme.nas_ready]
    if ready or programmes:
        initial["programme"] = (ready or programmes)[0].pk

    organisation_id = request.GET.get("organisation", "")
    organisation = None
    if organisation_id.isdigit():
        organisation = (
            for_tenant(Organisation, request.tenant)
            .filter(pk=int(organisation_id))
            .first()
        )
    if organisation is not None:
        initial.update(
            organisation=organisation.pk,
            address_line1=organisation.address_line1,
            address_line2=organisation.address_line2,
            address_line3=organisation.town,
            postcode=organisation.postcode,
            web_address=organisation.web_address,
            employer_description=organisation.employer_description,
        )
        contacts = for_tenant(Contact, request.tenant).filter(organisation=organisation)
        if len(contacts[:2]) == 1:
            initial["contact"] = contacts[0].pk
    return initial


@staff_required(permission="can_edit_jobs")
def job_create(request):
    job = Job(tenant=request.tenant)
    if request.method == "POST" and "create_organisation" in request.POST:
        store_draft(request.session, request.tenant, request.POST, JobForm.base_fields)
        return redirect(reverse("organisations:create") + "?next=job")

    initial = {}
    if request.method == "GET":
        initial = _create_initial(request)
        # Coming back from "Create a new organisation" restores what was typed.
        if "organisation" in request.GET or "draft" in request.GET:
            draft = pop_draft(request.session, request.tenant)
            if draft is not None:
                initial, job.qualifications = merge_draft(initial, draft)
    return _job_form_page(request, job, initial)


@staff_required(permission="can_edit_jobs")
def job_edit(request, pk):
    job = get_for_tenant_or_404(Job, request.tenant, pk=pk)
    return _job_form_page(request, job, {})


def _job_form_page(request, job, initial):
    creating = job.pk is None
    data = request.POST if request.method == "POST" else None
    form = JobForm(data, instance=job, initial=initial, tenant=request.tenant)
    qualifications = qualification_formset(
        data, job=job, apprenticeship=form.is_apprenticeship
    )

    if data is not None:
        form_valid = form.is_valid()
        if qualifications.is_valid() and form_valid:
            job = _save(form, qualifications)
            _report_saved(request, job, creating)
            return redirect("jobs:detail", pk=job.pk)

    return render(
        request,
        "jobs/form.html",
        {
            "form": form,
            "qualifications": qualifications,
            "job": None if creating else job,
            "creating": creating,
            "description_length": _description_length(form),
            "description_min": DESCRIPTION_MIN_LENGTH,
            "description_max": DESCRIPTION_MAX_LENGTH,
            "nas_mandatory": NAS_MANDATORY_FIELDS,
        },
    )


@transaction.atomic
def _save(form, qualifications):
    job = form.save(commit=False)
    job.qualifications = qualifications.items()
    job.save()
    return job


def _report_saved(request, job, creating):
    verb = "created" if creating else "saved"
    if job.nas_status == Job.NasStatus.UPLOADED:
        # The Recruitment API has no update or close, so the rules no longer
        # matter here. Staff need to know what happens to the advert.
        closing = (
            " To close the advert, close it on the apprenticeship service."
            if job.status == Job.Status.WITHDRAWN
            else ""
        )
        messages.warning(
            request,
            f"Job {job.title} {verb}. Its advert on Find an apprenticeship does "
            f"not change: the Recruitment API allows no updates.{closing}",
        )
        return
    if not job.is_apprenticeship:
        messages.success(request, f"Job {job.title} {verb}.")
        return
    failures = check_job_for_nas(job)
    if failures:
        messages.warning(
            request,
            f"Job {job.title} {verb} as a draft: {len(failures)} NAS rule(s) are "
            "not met yet. Open Check against NAS rules to see them.",
        )
    else:
        messages.success(
            request, f"Job {job.title} {verb}. It meets every NAS rule checked."
        )


def _description_length(form):
    value = form["description"].value() or ""
    return utf16_length(normalise_text(value))


@staff_required
def job_detail(request, pk):
    job = get_for_tenant_or_404(
        Job.objects.select_related("organisation", "contact", "programme", "owner"),
        request.tenant,
        pk=pk,
    )
    return render(
        request,
        "jobs/detail.html",
        {
            "job": job,
            "rows": profile_rows(job),
            "application_url": application_url(job),
        },
    )


@staff_required
def job_check(request, pk):
    job = get_for_tenant_or_404(
        Job.objects.select_related("organisation", "contact", "programme"),
        request.tenant,
        pk=pk,
    )
    today = london_today()
    failures = check_job_for_nas(job, today)
    return render(
        request,
        "jobs/check.html",
        {
            "job": job,
            "today": today,
            "failures": failure_links(job, failures),
        },
    )


@staff_required
def contact_options(request):
    """Return the contact <option>s of one organisation, for the job form."""
    organisation_id = request.GET.get("organisation", "")
    contacts = Contact.objects.none()
    if organisation_id.isdigit():
        contacts = for_tenant(Contact, request.tenant).filter(
            organisation_id=int(organisation_id)
        )
    return render(request, "jobs/_contact_options.html", {"contacts": contacts})
