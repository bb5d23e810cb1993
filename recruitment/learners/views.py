"""Staff views: the candidates grid, the learner's profile and its actions."""

import logging
from pathlib import PurePosixPath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from recruitment.applications.models import JobApplication
from recruitment.tenancy.decorators import staff_required
from recruitment.tenancy.scoping import for_tenant, get_for_tenant_or_404

from . import services, status
from .audit import action_label
from .candidates import parse_filters
from .export import stream_csv
from .forms import CaseOwnerForm
from .models import CV, AuditEvent, Learner

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
AUDIT_EVENTS_SHOWN = 200
COLUMNS = [
    ("name", "Name"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("job", "Job"),
    ("organisation", "Organisation"),
    ("status", "Status"),
    ("learner_status", "Learner status"),
    ("applied", "Applied"),
    ("case_owner", "Case owner"),
]
# A first click on these columns sorts newest or latest first.
DESCENDING_FIRST = {"applied"}


def sort_headers(current_sort):
    descending = current_sort.startswith("-")
    current_key = current_sort.removeprefix("-")
    headers = []
    for key, label in COLUMNS:
        if key == current_key:
            next_sort = key if descending else f"-{key}"
            aria_sort = "descending" if descending else "ascending"
        else:
            next_sort = f"-{key}" if key in DESCENDING_FIRST else key
            aria_sort = ""
        headers.append({"label": label, "sort": next_sort, "aria_sort": aria_sort})
    return headers


@staff_required
def candidates(request):
    filters, form = parse_filters(request.tenant, request.GET)
    rows = services.candidate_rows(request.tenant, filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))

    context = {"form": form, "page": page, "headers": sort_headers(filters.sort)}
    # An htmx request gets the results only, but a history restore needs the
    # whole page.
    partial = "HX-Request" in request.headers and (
        "HX-History-Restore-Request" not in request.headers
    )
    if partial:
        template = "learners/_candidates_results.html"
    else:
        template = "learners/candidates.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@staff_required
def candidates_export(request):
    filters, _ = parse_filters(request.tenant, request.GET)
    response = StreamingHttpResponse(
        stream_csv(request.tenant, filters), content_type="text/csv; charset=utf-8"
    )
    filename = f"candidates-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    logger.info("User %s exported candidates", request.user.pk)
    return response


def load_learner(request, pk) -> Learner:
    learners = Learner.objects.select_related("user", "user_group", "case_owner")
    return get_for_tenant_or_404(learners, request.tenant, pk=pk)


def render_detail(request, learner, case_owner_form=None, status_code=200):
    applications = (
        for_tenant(JobApplication, request.tenant)
        .filter(learner=learner)
        .select_related("job__organisation")
    )
    applications = list(applications)
    events = (
        for_tenant(AuditEvent, request.tenant)
        .filter(learner=learner)
        .select_related("actor")[:AUDIT_EVENTS_SHOWN]
    )
    if case_owner_form is None:
        case_owner_form = CaseOwnerForm(
            tenant=request.tenant, initial={"case_owner": learner.case_owner_id}
        )

    context = {
        "learner": learner,
        "applications": applications,
        "managed_job": applications[0].job if applications else None,
        "address_lines": [
            line
            for line in (
                learner.address_line1,
                learner.address_line2,
                learner.town,
                learner.postcode,
            )
            if line
        ],
        "programmes": learner.programmes.order_by("name"),
        "events": [(event, action_label(event.action)) for event in events],
        "case_owner_form": case_owner_form,
        "can_invite": status.can_move(learner.status, Learner.Status.INVITED),
        "can_cancel": status.can_move(learner.status, Learner.Status.CANCELLED),
        "can_reinstate": status.can_move(learner.status, Learner.Status.PROSPECT),
    }
    return render(request, "learners/detail.html", context, status=status_code)


@staff_required
def learner_detail(request, pk):
    return render_detail(request, load_learner(request, pk))


@staff_required(permission="can_manage_applicants")
@require_POST
def set_case_owner(request, pk):
    learner = load_learner(request, pk)
    form = CaseOwnerForm(request.POST, tenant=request.tenant)
    if not form.is_valid():
        return render_detail(request, learner, form, status_code=400)

    try:
        services.set_case_owner(learner, form.cleaned_data["case_owner"], request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return render_detail(request, learner, form, status_code=400)
    messages.success(request, f"{learner.case_owner} is now the case owner.")
    return redirect("learners:detail", pk=learner.pk)


@staff_required(permission="can_manage_applicants")
@require_POST
def send_invitation(request, pk):
    learner = load_learner(request, pk)
    try:
        invitation, _ = services.send_invitation(learner, request.user)
    except (services.ApplicantActionError, status.StatusMoveError) as error:
        messages.error(request, str(error))
        return redirect("learners:detail", pk=learner.pk)

    expiry = timezone.localtime(invitation.expires_at)
    messages.success(
        request,
        f"Invitation sent to {learner.user.email}. The link works once, "
        f"until {expiry:%d/%m/%Y %H:%M}.",
    )
    return redirect("learners:detail", pk=learner.pk)


@staff_required(permission="can_manage_applicants")
def delete_application(request, pk, application_pk):
    learner = load_learner(request, pk)
    application = get_for_tenant_or_404(
        JobApplication.objects.select_related("job__organisation"),
        request.tenant,
        pk=application_pk,
        learner=learner,
    )
    if request.method == "POST":
        try:
            services.delete_application_and_cancel(application, request.user)
        except status.StatusMoveError as error:
            messages.error(request, f"The application was not deleted. {error}")
        else:
            messages.success(
                request,
                f"Application for {application.job.title} deleted and "
                f"{learner} marked Cancelled.",
            )
        return redirect("learners:detail", pk=learner.pk)

    context = {
        "learner": learner,
        "application": application,
        "can_cancel": status.can_move(learner.status, Learner.Status.CANCELLED),
    }
    return render(request, "learners/delete_application.html", context)


@staff_required(permission="can_manage_applicants")
@require_POST
def reinstate(request, pk):
    learner = load_learner(request, pk)
    try:
        services.reinstate(learner, request.user)
    except status.StatusMoveError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{learner} reinstated as a Prospect.")
    return redirect("learners:detail", pk=learner.pk)


@staff_required
def learner_cvs(request, pk):
    learner = load_learner(request, pk)
    cvs = for_tenant(CV, request.tenant).filter(learner=learner)
    return render(request, "learners/cvs.html", {"learner": learner, "cvs": cvs})


def download_name(cv) -> str:
    """Return the CV's original file name, made safe for a download header."""
    name = PurePosixPath(cv.original_name.replace("\\", "/")).name
    name = "".join(
        char for char in name if char.isprintable() and char not in '"<>:|?*;'
    )
    name = name.strip(" .")[:100]
    if not name:
        name = f"cv.{cv.file_type}" if cv.file_type else "cv"
    return name


@staff_required
def cv_download(request, pk, cv_pk):
    learner = load_learner(request, pk)
    cv = get_for_tenant_or_404(CV, request.tenant, pk=cv_pk, learner=learner)
    try:
        handle = cv.file.open("rb")
    except (FileNotFoundError, ValueError):
        logger.warning("CV %s of learner %s is missing from storage", cv.pk, pk)
        raise Http404("The CV file is missing from storage.") from None

    # Always an attachment of an opaque type: an uploaded file must never
    # render in the browser under this site's origin.
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(cv),
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    logger.info("User %s downloaded CV %s", request.user.pk, cv.pk)
    return response
