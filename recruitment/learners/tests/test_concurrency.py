"""Simultaneous actions on one learner: the row locks keep the rules.

These run on PostgreSQL, where the requests really overlap; SQLite runs one
writer at a time, so the race cannot happen there.
"""

import threading

import pytest
from django.db import connection

from recruitment.learners import services, status
from recruitment.learners.models import Invitation, Learner

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

PASSWORD = "violet-harbour-lantern-42"


def run_at_once(action, count):
    """Run `action()` in `count` threads released together; collect outcomes."""
    barrier = threading.Barrier(count)
    outcomes = []

    def run():
        try:
            barrier.wait(timeout=30)
            outcomes.append(action())
        except Exception as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.fixture
def owned_learner(learner, recruiter):
    learner.case_owner = recruiter
    learner.save()
    return learner


def test_link_used_once_under_race(owned_learner, admin_user):
    _, token = services.send_invitation(owned_learner, admin_user)

    outcomes = run_at_once(lambda: services.accept_invitation(token, PASSWORD), 5)

    winners = [outcome for outcome in outcomes if isinstance(outcome, Learner)]
    losers = [o for o in outcomes if isinstance(o, services.ApplicantActionError)]
    assert len(winners) == 1
    assert len(losers) == 4
    owned_learner.refresh_from_db()
    assert owned_learner.status == Learner.Status.FULL_USER


def test_parallel_resends_leave_one_open_link(owned_learner, admin_user):
    outcomes = run_at_once(
        lambda: services.send_invitation(owned_learner, admin_user), 5
    )

    assert all(isinstance(outcome, tuple) for outcome in outcomes)
    open_links = Invitation.objects.filter(revoked_at__isnull=True)
    assert open_links.count() == 1


def test_cancel_and_invite_race_keeps_a_valid_status(owned_learner, admin_user):
    application = owned_learner.applications.get()

    def cancel():
        return services.delete_application_and_cancel(application, admin_user)

    def invite():
        return services.send_invitation(owned_learner, admin_user)

    actions = [cancel, invite]
    outcomes = run_at_once(lambda: actions.pop()(), 2)

    owned_learner.refresh_from_db()
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert all(isinstance(error, status.StatusMoveError) for error in errors)
    assert owned_learner.status == Learner.Status.CANCELLED
    assert not Invitation.objects.filter(
        revoked_at__isnull=True, used_at__isnull=True
    ).exists()
