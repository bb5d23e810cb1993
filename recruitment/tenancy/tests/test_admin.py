"""Support (Django superusers) manage tenants in the admin."""

import pytest

from recruitment.tenancy.models import Tenant, User


@pytest.fixture
def support_client(client, db):
    support = User.objects.create_superuser("support@platform.example", "s3cret-pass!")
    client.force_login(support)
    return client


def test_support_creates_tenant_with_root_group(support_client):
    response = support_client.post(
        "/support/tenancy/tenant/add/",
        {
            "name": "Riverside Training",
            "slug": "riverside",
            "ukprn": "10099999",
            "created_at_0": "2026-12-01",
            "created_at_1": "09:00:00",
        },
    )

    assert response.status_code == 302
    tenant = Tenant.objects.get(slug="riverside")
    assert tenant.user_groups.filter(parent__isnull=True).count() == 1


def test_ukprn_error_shows_on_field(support_client):
    response = support_client.post(
        "/support/tenancy/tenant/add/",
        {
            "name": "Riverside Training",
            "slug": "riverside",
            "ukprn": "1234",
            "created_at_0": "2026-12-01",
            "created_at_1": "09:00:00",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["ukprn"] == ["Enter the UKPRN as 8 digits, for example 10012345."]
    assert not Tenant.objects.filter(slug="riverside").exists()


def test_support_switches_nas_on(support_client, tenant):
    tenant.nas_enabled = False
    tenant.save()
    response = support_client.post(
        f"/support/tenancy/tenant/{tenant.pk}/change/",
        {
            "name": tenant.name,
            "slug": tenant.slug,
            "ukprn": tenant.ukprn,
            "nas_enabled": "on",
            "created_at_0": "2026-12-01",
            "created_at_1": "09:00:00",
        },
    )

    assert response.status_code == 302
    tenant.refresh_from_db()
    assert tenant.nas_enabled


def test_tenant_admin_cannot_reach_support_site(admin_client):
    response = admin_client.get("/support/tenancy/tenant/")

    assert response.status_code == 302
    assert "/support/login/" in response["Location"]
