import logging

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from recruitment.tenancy.decorators import staff_required
from recruitment.tenancy.scoping import for_tenant, get_for_tenant_or_404

from .forms import JobsTokenForm, ProgrammeForm
from .models import AccountProgramme, JobsToken

logger = logging.getLogger(__name__)

admin_required = staff_required(permission="is_tenant_admin")


@admin_required
def programme_list(request):
    programmes = for_tenant(AccountProgramme, request.tenant)
    return render(request, "programmes/list.html", {"programmes": programmes})


@admin_required
def programme_create(request):
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            programme = form.save(commit=False)
            programme.tenant = request.tenant
            programme.save()
            JobsToken.objects.create(tenant=request.tenant, programme=programme)
        messages.success(
            request, "Programme created. Set up its tokens, then confirm it."
        )
        return redirect("programmes:detail", pk=programme.pk)
    return render(request, "programmes/form.html", {"form": form})


@admin_required
def programme_detail(request, pk):
    programme = get_for_tenant_or_404(AccountProgramme, request.tenant, pk=pk)
    return render(
        request,
        "programmes/detail.html",
        {"programme": programme, "token": programme.jobs_token},
    )


@admin_required
@require_POST
def programme_confirm(request, pk):
    programme = get_for_tenant_or_404(AccountProgramme, request.tenant, pk=pk)
    programme.confirmed = True
    programme.confirmed_at = timezone.now()
    programme.save(update_fields=["confirmed", "confirmed_at"])
    logger.info("Programme %s confirmed by user %s", programme.pk, request.user.pk)
    messages.success(request, f"Programme {programme.name} confirmed.")
    return redirect("programmes:detail", pk=programme.pk)


@sensitive_post_parameters("system_key")
@sensitive_variables("form")
@admin_required
def jobs_token_edit(request, pk):
    programme = get_for_tenant_or_404(AccountProgramme, request.tenant, pk=pk)
    token = programme.jobs_token
    form = JobsTokenForm(request.POST or None, instance=token, tenant=request.tenant)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            programme.confirmed = False
            programme.save(update_fields=["confirmed"])
        logger.info(
            "Jobs token of programme %s saved by user %s (NAS %s)",
            programme.pk,
            request.user.pk,
            "on" if token.nas_integration else "off",
        )
        messages.success(
            request, "Jobs token saved. Confirm the programme to put it into use."
        )
        return redirect("programmes:detail", pk=programme.pk)
    return render(
        request,
        "programmes/jobs_token.html",
        {"programme": programme, "token": token, "form": form},
    )
