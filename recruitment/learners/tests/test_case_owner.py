import pytest
from django.core.exceptions import ValidationError

from conftest import make_staff
from recruitment.learners import services
from recruitment.learners.models import AuditEvent
from recruitment.tenancy.models import User


def url(learner):
    return f"/learners/{learner.pk}/case-owner/"


def test_set_case_owner(admin_client, admin_user, recruiter, learner):
    response = admin_client.post(url(learner), {"case_owner": recruiter.pk})

    assert response.status_code == 302
    assert response["Location"] == f"/learners/{learner.pk}/"
    learner.refresh_from_db()
    assert learner.case_owner == recruiter


def test_set_case_owner_writes_audit_event(
    admin_client, admin_user, recruiter, learner
):
    admin_client.post(url(learner), {"case_owner": recruiter.pk})

    event = AuditEvent.objects.get(learner=learner)
    assert event.action == "case_owner_set"
    assert event.actor == admin_user
    assert recruiter.email in event.detail


def test_select_lists_only_own_staff(admin_client, recruiter, outsider, learner):
    response = admin_client.get(f"/learners/{learner.pk}/")

    choices = list(response.context["case_owner_form"].fields["case_owner"].queryset)
    assert recruiter in choices
    assert outsider not in choices
    assert learner.user not in choices


def test_other_tenant_staff_is_field_error(admin_client, outsider, learner):
    response = admin_client.post(url(learner), {"case_owner": outsider.pk})

    assert response.status_code == 400
    assert response.context["case_owner_form"].errors["case_owner"] == [
        "Choose a staff user of this provider from the list."
    ]
    learner.refresh_from_db()
    assert learner.case_owner is None


def test_learner_user_is_field_error(admin_client, tenant, learner):
    from .factories import make_learner

    other = make_learner(tenant, email="someone@example.com")

    response = admin_client.post(url(learner), {"case_owner": other.user.pk})

    assert response.status_code == 400
    assert "case_owner" in response.context["case_owner_form"].errors


def test_missing_choice_is_field_error(admin_client, learner):
    response = admin_client.post(url(learner), {"case_owner": "abc"})

    assert response.status_code == 400
    assert "case_owner" in response.context["case_owner_form"].errors


def test_service_rejects_other_tenant_staff(admin_user, outsider, learner):
    with pytest.raises(ValidationError):
        services.set_case_owner(learner, outsider, admin_user)


def test_service_rejects_inactive_staff(tenant, admin_user, learner):
    gone = make_staff(tenant, "gone@harbour.example", User.Role.RECRUITER)
    gone.is_active = False
    gone.save()

    with pytest.raises(ValidationError):
        services.set_case_owner(learner, gone, admin_user)


def test_viewer_cannot_set_case_owner(client, viewer, recruiter, learner):
    client.force_login(viewer)

    response = client.post(url(learner), {"case_owner": recruiter.pk})

    assert response.status_code == 403
    learner.refresh_from_db()
    assert learner.case_owner is None


def test_get_is_not_allowed(admin_client, learner):
    assert admin_client.get(url(learner)).status_code == 405
