"""Learners: read, set the case owner, invite, cancel."""

from django.core.exceptions import ValidationError
from ninja import Router

from recruitment.applications.models import JobApplication
from recruitment.learners import services, status
from recruitment.learners.forms import CaseOwnerForm
from recruitment.learners.models import Learner
from recruitment.tenancy.scoping import get_for_tenant_or_404

from ..auth import require_permission
from ..errors import ApiError, field_error, form_errors, invalid
from ..schemas import (
    READ_ERRORS,
    WRITE_ERRORS,
    CancelIn,
    CaseOwnerIn,
    ErrorOut,
    InvitationOut,
    LearnerOut,
    ObjectId,
)

router = Router(tags=["learners"])

STATE_ERRORS = {**WRITE_ERRORS, 409: ErrorOut}


def load_learner(request, learner_id):
    learners = Learner.objects.select_related("user", "case_owner")
    return get_for_tenant_or_404(learners, request.tenant, pk=learner_id)


def _conflict(error):
    return ApiError(409, str(error))


@router.get(
    "/learners/{learner_id}",
    response={200: LearnerOut, **READ_ERRORS},
    summary="Read a learner",
)
def read_learner(request, learner_id: ObjectId):
    return load_learner(request, learner_id)


@router.post(
    "/learners/{learner_id}/case-owner",
    response={200: LearnerOut, **WRITE_ERRORS},
    summary="Set a learner's case owner",
)
def set_case_owner(request, learner_id: ObjectId, payload: CaseOwnerIn):
    learner = load_learner(request, learner_id)
    require_permission(request, "can_manage_applicants", "manage applicants")

    field_names = {"case_owner": "case_owner_id"}
    form = CaseOwnerForm({"case_owner": payload.case_owner_id}, tenant=request.tenant)
    if not form.is_valid():
        raise invalid(form_errors(form, field_names))
    try:
        services.set_case_owner(learner, form.cleaned_data["case_owner"], request.user)
    except ValidationError as error:
        errors = [
            field_error(field_names.get(name, name), message)
            for name, messages in error.message_dict.items()
            for message in messages
        ]
        raise invalid(errors) from None
    return load_learner(request, learner_id)


@router.post(
    "/learners/{learner_id}/invitation",
    response={200: InvitationOut, **STATE_ERRORS},
    summary="Send a learner an invitation",
)
def send_invitation(request, learner_id: ObjectId):
    """Email the learner a single-use link to set a password.

    Needs a case owner first (409 otherwise). Sending again revokes the
    earlier link. The link itself is only in the email.
    """
    learner = load_learner(request, learner_id)
    require_permission(request, "can_manage_applicants", "manage applicants")
    try:
        invitation, _token = services.send_invitation(learner, request.user)
    except (services.ApplicantActionError, status.StatusMoveError) as error:
        raise _conflict(error) from None
    return {
        "learner": load_learner(request, learner_id),
        "expires_at": invitation.expires_at,
    }


@router.post(
    "/learners/{learner_id}/cancel",
    response={200: LearnerOut, **STATE_ERRORS},
    summary="Delete an application and cancel the learner",
)
def cancel_learner(request, learner_id: ObjectId, payload: CancelIn):
    """Delete one of the learner's job applications and mark the learner Cancelled.

    Both happen together or not at all; a learner who cannot be cancelled
    from the current status gets 409 and keeps the application.
    """
    learner = load_learner(request, learner_id)
    require_permission(request, "can_manage_applicants", "manage applicants")
    application = get_for_tenant_or_404(
        JobApplication.objects.select_related("job__organisation"),
        request.tenant,
        pk=payload.application_id,
        learner=learner,
    )
    try:
        services.delete_application_and_cancel(application, request.user)
    except status.StatusMoveError as error:
        raise _conflict(error) from None
    return load_learner(request, learner_id)
