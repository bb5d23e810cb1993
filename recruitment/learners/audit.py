"""The learner's audit trail: who did what, and when."""

from django.utils import timezone

from .models import AuditEvent

ACTION_LABELS = {
    "invitation_sent": "Invitation sent",
    "invitation_resent": "Invitation sent again",
    "invitation_accepted": "Invitation accepted",
    "invitation_expired": "Invitation expired",
    "cancelled": "Cancelled",
    "reinstated": "Reinstated",
    "case_owner_set": "Case owner set",
    "application_deleted": "Application deleted",
}

DETAIL_MAX_LENGTH = AuditEvent._meta.get_field("detail").max_length


def record_event(learner, actor, action, detail="", *, now=None) -> AuditEvent:
    if len(detail) > DETAIL_MAX_LENGTH:
        detail = detail[: DETAIL_MAX_LENGTH - 1] + "…"
    return AuditEvent.objects.create(
        tenant_id=learner.tenant_id,
        learner=learner,
        actor=actor,
        action=action,
        detail=detail,
        created_at=now or timezone.now(),
    )


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action.replace("_", " ").capitalize())
