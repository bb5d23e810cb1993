"""Staff actions on applicants, as plain functions.

Views, the JSON API and commands all call these. Each action runs in one
transaction and writes the learner's audit trail.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateformat, timezone

from recruitment.applications.models import JobApplication
from recruitment.core.crypto import encrypt

from . import status
from .audit import record_event
from .candidates import CandidateFilters
from .candidates import candidate_rows as _candidate_rows
from .invitations import hash_token, new_token
from .models import Invitation, Learner
from .tasks import send_invitation_email

logger = logging.getLogger(__name__)

Status = Learner.Status


class ApplicantActionError(Exception):
    """An action on a learner that is not possible now, with the reason."""


def candidate_rows(tenant, filters: CandidateFilters | None = None):
    return _candidate_rows(tenant, filters or CandidateFilters())


def _lock(learner) -> Learner:
    return Learner.objects.select_for_update().get(pk=learner.pk)


def set_case_owner(learner, case_owner, actor, *, now=None) -> Learner:
    """Make `case_owner`, a staff user of the learner's tenant, the case owner."""
    if (
        case_owner is None
        or case_owner.tenant_id != learner.tenant_id
        or not case_owner.is_tenant_staff
        or not case_owner.is_active
    ):
        raise ValidationError(
            {"case_owner": "Choose an active staff user of this provider."},
            code="invalid_case_owner",
        )

    with transaction.atomic():
        locked = _lock(learner)
        locked.case_owner = case_owner
        locked.save(update_fields=["case_owner"])
        record_event(
            locked,
            actor,
            "case_owner_set",
            f"Case owner is now {case_owner} ({case_owner.email}).",
            now=now,
        )

    learner.case_owner = case_owner
    logger.info("Learner %s case owner set to user %s", learner.pk, case_owner.pk)
    return learner


def send_invitation(learner, actor, *, now=None) -> tuple[Invitation, str]:
    """Invite the learner to set a password, revoking earlier links.

    Returns the invitation and the token. Only the token's SHA-256 is
    stored, and the email task gets the token encrypted, so neither the
    invitation table nor the task queue contains a usable link.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(learner)
        if locked.case_owner_id is None:
            raise ApplicantActionError("Set a case owner before sending an invitation.")
        status.check_move(locked.status, Status.INVITED)

        revoked = Invitation.objects.filter(
            learner=locked, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)

        token = new_token()
        expires_at = now + datetime.timedelta(days=settings.INVITATION_VALID_DAYS)
        invitation = Invitation.objects.create(
            tenant_id=locked.tenant_id,
            learner=locked,
            token_hash=hash_token(token),
            sent_by=actor,
            created_at=now,
            expires_at=expires_at,
        )
        expiry = dateformat.format(timezone.localtime(expires_at), "j F Y H:i")
        status.move(
            locked, Status.INVITED, actor, f"Link valid until {expiry}.", now=now
        )

        sealed_token = encrypt(token)
        transaction.on_commit(
            lambda: send_invitation_email.enqueue(invitation.pk, sealed_token)
        )

    learner.status = locked.status
    logger.info(
        "Invitation %s sent to learner %s (%d earlier link(s) revoked)",
        invitation.pk,
        learner.pk,
        revoked,
    )
    return invitation, token


@dataclass(frozen=True)
class InvitationCheck:
    """The result of looking up an invitation token."""

    invitation: Invitation | None
    problem: str | None  # None, "unknown", "used", "revoked" or "expired"

    @property
    def is_valid(self):
        return self.problem is None


def check_invitation(token: str, *, now=None) -> InvitationCheck:
    """Look up the token. An expired link moves an Invited learner to Expired."""
    now = now or timezone.now()
    invitation = (
        Invitation.objects.select_related("learner__user", "tenant")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        return InvitationCheck(None, "unknown")
    if invitation.used_at is not None:
        return InvitationCheck(invitation, "used")
    if invitation.revoked_at is not None:
        return InvitationCheck(invitation, "revoked")
    if invitation.expires_at <= now:
        _expire(invitation, now)
        return InvitationCheck(invitation, "expired")
    if invitation.learner.status != Status.INVITED:
        # Cancelling a learner revokes the links, so this is only a safety net.
        return InvitationCheck(invitation, "revoked")
    return InvitationCheck(invitation, None)


def _expire(invitation, now):
    # Each new invitation revokes the open ones, so an expired link that is
    # not revoked is the learner's latest, and the status can follow it.
    learner = invitation.learner
    try:
        status.move(learner, Status.EXPIRED, None, "The link was opened late.", now=now)
    except status.StatusMoveError:
        return
    logger.info("Invitation %s expired for learner %s", invitation.pk, learner.pk)


def accept_invitation(token: str, password: str, *, now=None) -> Learner:
    """Set the learner's password and make them a full user.

    Raises ApplicantActionError if the link cannot be used and ValidationError
    if the password fails the password validators.
    """
    now = now or timezone.now()
    check = check_invitation(token, now=now)
    if not check.is_valid:
        raise ApplicantActionError(INVITATION_PROBLEMS[check.problem])

    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=check.invitation.pk)
        # A second request with the same link may have won the race.
        if invitation.used_at is not None or invitation.revoked_at is not None:
            raise ApplicantActionError(INVITATION_PROBLEMS["used"])

        learner = _lock(invitation.learner)
        user = learner.user
        password_validation.validate_password(password, user)
        try:
            status.move(
                learner, Status.FULL_USER, user, "Password set from the link.", now=now
            )
        except status.StatusMoveError:
            raise ApplicantActionError(INVITATION_PROBLEMS["revoked"]) from None

        invitation.used_at = now
        invitation.save(update_fields=["used_at"])
        user.set_password(password)
        user.save(update_fields=["password"])

    logger.info("Invitation %s accepted by learner %s", invitation.pk, learner.pk)
    return learner


INVITATION_PROBLEMS = {
    "unknown": "This invitation link is not valid. Check that you copied the "
    "whole link, or ask your training provider for a new invitation.",
    "used": "This invitation link has already been used. Sign in with your "
    "password, or ask your training provider for a new invitation.",
    "revoked": "This invitation link is no longer valid because a newer one "
    "was sent or it was withdrawn. Use the newest link, or ask your training "
    "provider for a new invitation.",
    "expired": "This invitation link has expired. Ask your training provider "
    "for a new invitation.",
}


def delete_application_and_cancel(application, actor, *, now=None) -> Learner:
    """Delete the application and mark its learner Cancelled, together."""
    with transaction.atomic():
        learner = _lock(application.learner)
        status.check_move(learner.status, Status.CANCELLED)

        job = application.job
        description = f"Application for {job.title} at {job.organisation.name}"
        JobApplication.objects.filter(pk=application.pk).delete()
        record_event(learner, actor, "application_deleted", f"{description}.", now=now)
        Invitation.objects.filter(
            learner=learner, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now or timezone.now())
        status.move(
            learner, Status.CANCELLED, actor, f"{description} deleted.", now=now
        )

    logger.info(
        "Application %s deleted and learner %s cancelled", application.pk, learner.pk
    )
    return learner


def reinstate(learner, actor, *, now=None) -> Learner:
    """Move a Cancelled learner back to Prospect."""
    status.move(learner, Status.PROSPECT, actor, now=now)
    logger.info("Learner %s reinstated", learner.pk)
    return learner
