"""The support site refuses bad input with messages, never a 500."""

import pytest

from recruitment.tenancy.models import Tenant, User, UserGroup, earliest_root_group


@pytest.fixture
def support(db):
    return User.objects.create_superuser("sup@example.org", "s3cret-pass!")


@pytest.fixture
def support_client(client, support):
    client.force_login(support)
    return client


def add_user(client, **fields):
    data = {
        "email": "new.person@example.org",
        "role": "recruiter",
        "usable_password": "true",
        "password1": "Str0ng-pass-for-test",
        "password2": "Str0ng-pass-for-test",
    }
    data.update(fields)
    return client.post("/support/tenancy/user/add/", data)


def test_clashing_email_in_tenant_is_field_error(support_client, tenant, admin_user):
    response = add_user(support_client, tenant=tenant.pk, email="ADMIN@harbour.example")

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "already used by a user of this tenant" in errors["email"][0]


def test_clashing_support_email_is_field_error(support_client, support):
    response = add_user(support_client, role="support", email="Sup@Example.org")

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "already used by a support user" in errors["email"][0]


def test_support_role_needs_no_tenant(support_client, tenant):
    response = add_user(support_client, role="support", tenant=tenant.pk)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["tenant"]


def test_tenant_role_needs_tenant(support_client):
    response = add_user(support_client, role="admin")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["tenant"]


def test_new_support_user_can_use_support_site(support_client):
    add_user(support_client, role="support", email="second@example.org")

    assert User.objects.get(email="second@example.org").is_staff


def test_last_root_group_has_no_delete(support_client, tenant):
    root = earliest_root_group(tenant)

    response = support_client.post(
        f"/support/tenancy/usergroup/{root.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert UserGroup.objects.filter(pk=root.pk).exists()


def test_bulk_delete_keeps_a_root_group(support_client, tenant, other_tenant):
    groups = UserGroup.objects.filter(tenant__in=[tenant, other_tenant])

    response = support_client.post(
        "/support/tenancy/usergroup/",
        {
            "action": "delete_selected",
            "_selected_action": [group.pk for group in groups],
            "post": "yes",
        },
    )

    # Django refuses the whole action when one row may not be deleted.
    assert response.status_code == 403
    assert earliest_root_group(tenant) is not None
    assert earliest_root_group(other_tenant) is not None


def test_slug_differing_in_case_is_refused(support_client, tenant):
    response = support_client.post(
        "/support/tenancy/tenant/add/",
        {"name": "Lookalike", "slug": tenant.slug.upper(), "ukprn": "10099999"},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"]
    assert Tenant.objects.count() == 1


def test_duplicate_ukprn_is_refused(support_client, tenant):
    response = support_client.post(
        "/support/tenancy/tenant/add/",
        {"name": "Second", "slug": "second", "ukprn": tenant.ukprn},
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["ukprn"] == ["Another tenant already has this UKPRN."]
