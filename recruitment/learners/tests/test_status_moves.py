import pytest

from recruitment.learners import status
from recruitment.learners.models import AuditEvent, Learner

from .factories import make_learner

S = Learner.Status

ALLOWED = [
    (S.PROSPECT, S.INVITED),
    (S.INVITED, S.INVITED),
    (S.INVITED, S.FULL_USER),
    (S.INVITED, S.EXPIRED),
    (S.EXPIRED, S.INVITED),
    (S.PROSPECT, S.CANCELLED),
    (S.INVITED, S.CANCELLED),
    (S.EXPIRED, S.CANCELLED),
    (S.CANCELLED, S.PROSPECT),
]
FORBIDDEN = [
    (old, new) for old in S.values for new in S.values if (old, new) not in ALLOWED
]


def test_transition_table_is_the_allowed_list():
    assert set(status.TRANSITIONS) == set(ALLOWED)


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_allowed_move_changes_status(tenant, admin_user, old, new):
    learner = make_learner(tenant, status=old)

    status.move(learner, new, admin_user, "Checked by hand.")

    learner.refresh_from_db()
    assert learner.status == new


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_allowed_move_writes_audit_event(tenant, admin_user, old, new):
    learner = make_learner(tenant, status=old)

    status.move(learner, new, admin_user, "Checked by hand.")

    event = AuditEvent.objects.get(learner=learner)
    assert event.actor == admin_user
    assert event.tenant == tenant
    assert event.action == status.TRANSITIONS[(old, new)]
    assert S(old).label in event.detail
    assert "Checked by hand." in event.detail


@pytest.mark.parametrize(("old", "new"), FORBIDDEN)
def test_forbidden_move_raises(tenant, admin_user, old, new):
    learner = make_learner(tenant, status=old)

    with pytest.raises(status.StatusMoveError) as raised:
        status.move(learner, new, admin_user)

    assert S(old).label in str(raised.value)
    assert S(new).label in str(raised.value)


@pytest.mark.parametrize(("old", "new"), FORBIDDEN)
def test_forbidden_move_changes_nothing(tenant, admin_user, old, new):
    learner = make_learner(tenant, status=old)

    with pytest.raises(status.StatusMoveError):
        status.move(learner, new, admin_user)

    learner.refresh_from_db()
    assert learner.status == old
    assert not AuditEvent.objects.filter(learner=learner).exists()


def test_move_checks_stored_status_not_stale_copy(tenant, admin_user):
    learner = make_learner(tenant, status=S.PROSPECT)
    stale = Learner.objects.get(pk=learner.pk)
    status.move(learner, S.CANCELLED, admin_user)

    # The stale copy still says Prospect, but Cancelled -> Invited is forbidden.
    with pytest.raises(status.StatusMoveError):
        status.move(stale, S.INVITED, admin_user)


def test_full_user_cannot_be_invited_message(tenant, admin_user):
    learner = make_learner(tenant, status=S.FULL_USER)

    with pytest.raises(status.StatusMoveError) as raised:
        status.move(learner, S.INVITED, admin_user)

    assert str(raised.value) == (
        "A learner cannot move from Full user to Invited. "
        "Allowed from Full user: no other status."
    )
