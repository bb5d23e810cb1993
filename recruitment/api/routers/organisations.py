"""Organisations (employers) and their contacts."""

from django.forms.models import model_to_dict
from ninja import Query, Router, Status

from recruitment.organisations.forms import ContactForm, OrganisationForm
from recruitment.organisations.models import Contact, Organisation
from recruitment.tenancy.scoping import for_tenant, get_for_tenant_or_404

from ..auth import require_permission
from ..errors import form_errors, invalid
from ..pagination import PageQuery, paginate
from ..schemas import (
    READ_ERRORS,
    WRITE_ERRORS,
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    ObjectId,
    OrganisationIn,
    OrganisationOut,
    OrganisationPage,
    OrganisationPatch,
    Text,
)

router = Router(tags=["organisations"])


def _save_form(form, **owned_by):
    """Validate a model form and save it with its owning rows, or raise a 400."""
    if not form.is_valid():
        raise invalid(form_errors(form))
    row = form.save(commit=False)
    for name, value in owned_by.items():
        setattr(row, name, value)
    row.save()
    return row


def _patched_data(instance, form_class, payload):
    data = model_to_dict(instance, fields=form_class._meta.fields)
    data.update(payload.model_dump(exclude_unset=True))
    return data


@router.get(
    "/organisations",
    response={200: OrganisationPage, **READ_ERRORS},
    summary="List organisations",
)
def list_organisations(
    request, page: Query[PageQuery], search: Text = "", legal_entity_id: Text = ""
):
    """List organisations in name order. `search` matches part of the name."""
    organisations = for_tenant(Organisation, request.tenant).order_by("name", "id")
    if search.strip():
        organisations = organisations.filter(name__icontains=search.strip())
    if legal_entity_id.strip():
        organisations = organisations.filter(
            legal_entity_id__iexact=legal_entity_id.strip()
        )
    return paginate(organisations, page)


@router.post(
    "/organisations",
    response={201: OrganisationOut, **WRITE_ERRORS},
    summary="Create an organisation",
)
def create_organisation(request, payload: OrganisationIn):
    require_permission(request, "can_edit_jobs", "create organisations")
    form = OrganisationForm(payload.model_dump())
    organisation = _save_form(form, tenant=request.tenant)
    return Status(201, organisation)


@router.get(
    "/organisations/{organisation_id}",
    response={200: OrganisationOut, **READ_ERRORS},
    summary="Read an organisation",
)
def read_organisation(request, organisation_id: ObjectId):
    return get_for_tenant_or_404(Organisation, request.tenant, pk=organisation_id)


@router.patch(
    "/organisations/{organisation_id}",
    response={200: OrganisationOut, **WRITE_ERRORS},
    summary="Update an organisation",
)
def update_organisation(request, organisation_id: ObjectId, payload: OrganisationPatch):
    """Change the fields sent; fields left out keep their values."""
    organisation = get_for_tenant_or_404(
        Organisation, request.tenant, pk=organisation_id
    )
    require_permission(request, "can_edit_jobs", "change organisations")
    data = _patched_data(organisation, OrganisationForm, payload)
    return _save_form(OrganisationForm(data, instance=organisation))


@router.get(
    "/organisations/{organisation_id}/contacts",
    response={200: ContactPage, **READ_ERRORS},
    summary="List an organisation's contacts",
)
def list_contacts(request, organisation_id: ObjectId, page: Query[PageQuery]):
    organisation = get_for_tenant_or_404(
        Organisation, request.tenant, pk=organisation_id
    )
    contacts = for_tenant(Contact, request.tenant).filter(organisation=organisation)
    return paginate(contacts.order_by("name", "id"), page)


@router.post(
    "/organisations/{organisation_id}/contacts",
    response={201: ContactOut, **WRITE_ERRORS},
    summary="Add a contact to an organisation",
)
def create_contact(request, organisation_id: ObjectId, payload: ContactIn):
    organisation = get_for_tenant_or_404(
        Organisation, request.tenant, pk=organisation_id
    )
    require_permission(request, "can_edit_jobs", "add contacts")
    form = ContactForm(payload.model_dump())
    contact = _save_form(form, tenant=request.tenant, organisation=organisation)
    return Status(201, contact)


def _get_contact(request, organisation_id, contact_id):
    organisation = get_for_tenant_or_404(
        Organisation, request.tenant, pk=organisation_id
    )
    return get_for_tenant_or_404(
        Contact, request.tenant, pk=contact_id, organisation=organisation
    )


@router.get(
    "/organisations/{organisation_id}/contacts/{contact_id}",
    response={200: ContactOut, **READ_ERRORS},
    summary="Read a contact",
)
def read_contact(request, organisation_id: ObjectId, contact_id: ObjectId):
    return _get_contact(request, organisation_id, contact_id)


@router.patch(
    "/organisations/{organisation_id}/contacts/{contact_id}",
    response={200: ContactOut, **WRITE_ERRORS},
    summary="Update a contact",
)
def update_contact(
    request, organisation_id: ObjectId, contact_id: ObjectId, payload: ContactPatch
):
    contact = _get_contact(request, organisation_id, contact_id)
    require_permission(request, "can_edit_jobs", "change contacts")
    data = _patched_data(contact, ContactForm, payload)
    return _save_form(ContactForm(data, instance=contact))
