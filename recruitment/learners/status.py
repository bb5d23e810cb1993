"""The learner statuses and the only moves allowed between them.

Every status change goes through `move`, which checks the move against
TRANSITIONS on the locked row and writes the audit event, so no caller can
skip a rule.
"""

from django.db import transaction

from .audit import record_event
from .models import Learner

Status = Learner.Status

# (from, to) -> the audit action written for that move. A pair that is not
# here is a forbidden move.
TRANSITIONS = {
    (Status.PROSPECT, Status.INVITED): "invitation_sent",
    (Status.INVITED, Status.INVITED): "invitation_resent",
    (Status.INVITED, Status.FULL_USER): "invitation_accepted",
    (Status.INVITED, Status.EXPIRED): "invitation_expired",
    (Status.EXPIRED, Status.INVITED): "invitation_sent",
    (Status.PROSPECT, Status.CANCELLED): "cancelled",
    (Status.INVITED, Status.CANCELLED): "cancelled",
    (Status.EXPIRED, Status.CANCELLED): "cancelled",
    (Status.CANCELLED, Status.PROSPECT): "reinstated",
}


class StatusMoveError(Exception):
    """A status change that TRANSITIONS does not allow."""

    def __init__(self, current, new):
        self.current = Status(current)
        self.new = Status(new)
        super().__init__(
            f"A learner cannot move from {self.current.label} to "
            f"{self.new.label}. Allowed from {self.current.label}: "
            f"{allowed_labels(self.current) or 'no other status'}."
        )


def allowed_targets(current) -> list:
    return [new for (old, new) in TRANSITIONS if old == current]


def allowed_labels(current) -> str:
    return ", ".join(Status(new).label for new in allowed_targets(current))


def can_move(current, new) -> bool:
    return (current, new) in TRANSITIONS


def check_move(current, new) -> str:
    """Return the audit action for the move, or raise StatusMoveError."""
    action = TRANSITIONS.get((current, new))
    if action is None:
        raise StatusMoveError(current, new)
    return action


def move(learner, new_status, actor, detail="", *, now=None):
    """Move the learner to `new_status` and record who did it.

    The row is locked and its stored status checked, so two requests racing
    on the same learner cannot both pass the check with a stale copy.
    Raises StatusMoveError for a forbidden move and changes nothing then.
    """
    with transaction.atomic():
        current = (
            Learner.objects.select_for_update()
            .values_list("status", flat=True)
            .get(pk=learner.pk)
        )
        action = check_move(current, new_status)

        Learner.objects.filter(pk=learner.pk).update(status=new_status)
        learner.status = new_status

        summary = f"{Status(current).label} to {Status(new_status).label}"
        if detail:
            summary = f"{summary}. {detail}"
        return record_event(learner, actor, action, summary, now=now)
