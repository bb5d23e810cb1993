from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render

from recruitment.tenancy.decorators import staff_required
from recruitment.tenancy.scoping import for_tenant, get_for_tenant_or_404

from .forms import ContactForm, OrganisationForm
from .models import Contact, Organisation


@staff_required
def organisation_list(request):
    organisations = for_tenant(Organisation, request.tenant)
    query = request.GET.get("q", "").strip()
    if query:
        organisations = organisations.filter(name__icontains=query)
    return render(
        request,
        "organisations/list.html",
        {"organisations": organisations[:500], "query": query},
    )


@staff_required(permission="can_edit_jobs")
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    contact_form = ContactForm(request.POST or None, prefix="contact")
    # The first contact is optional: an untouched contact section is not checked.
    contact_given = any(
        request.POST.get(f"contact-{name}", "").strip()
        for name in ("name", "email", "phone")
    )
    contact_ok = not contact_given or contact_form.is_valid()
    if request.method == "POST" and form.is_valid() and contact_ok:
        with transaction.atomic():
            organisation = form.save(commit=False)
            organisation.tenant = request.tenant
            organisation.save()
            if contact_given:
                contact = contact_form.save(commit=False)
                contact.tenant = request.tenant
                contact.organisation = organisation
                contact.save()
        messages.success(request, f"Organisation {organisation.name} created.")
        next_url = request.POST.get("next", "")
        if next_url == "job":
            return redirect(f"/jobs/new/?organisation={organisation.pk}")
        return redirect("organisations:detail", pk=organisation.pk)
    return render(
        request,
        "organisations/form.html",
        {
            "form": form,
            "contact_form": contact_form
            if contact_given
            else ContactForm(prefix="contact"),
            "creating": True,
            "next": request.GET.get("next", request.POST.get("next", "")),
        },
    )


@staff_required
def organisation_detail(request, pk):
    organisation = get_for_tenant_or_404(Organisation, request.tenant, pk=pk)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "contacts": organisation.contacts.all(),
            "jobs": organisation.jobs.all()[:100],
        },
    )


@staff_required(permission="can_edit_jobs")
def organisation_edit(request, pk):
    organisation = get_for_tenant_or_404(Organisation, request.tenant, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Organisation saved.")
        return redirect("organisations:detail", pk=organisation.pk)
    return render(
        request,
        "organisations/form.html",
        {"form": form, "organisation": organisation},
    )


@staff_required(permission="can_edit_jobs")
def contact_create(request, pk):
    organisation = get_for_tenant_or_404(Organisation, request.tenant, pk=pk)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.tenant = request.tenant
        contact.organisation = organisation
        contact.save()
        messages.success(request, f"Contact {contact.name} added.")
        return redirect("organisations:detail", pk=organisation.pk)
    return render(
        request,
        "organisations/contact_form.html",
        {"form": form, "organisation": organisation},
    )


@staff_required(permission="can_edit_jobs")
def contact_edit(request, pk, contact_pk):
    organisation = get_for_tenant_or_404(Organisation, request.tenant, pk=pk)
    contact = get_for_tenant_or_404(
        Contact, request.tenant, pk=contact_pk, organisation=organisation
    )
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Contact saved.")
        return redirect("organisations:detail", pk=organisation.pk)
    return render(
        request,
        "organisations/contact_form.html",
        {"form": form, "organisation": organisation, "contact": contact},
    )
