"""The system key: encrypted at rest, shown only as its last 4 characters."""

import logging

import pytest
from django.db import connection

from recruitment.programmes.models import AccountProgramme, JobsToken
from recruitment.tenancy.models import User

SECRET = "nas-system-key-Zq81-9f3b7c2e5d"


def save_token(client, programme, **fields):
    data = {
        "enabled": "on",
        "nas_integration": "on",
        "system_key": SECRET,
        "nas_environment": "sandbox",
        "duration_rule": "product",
    }
    data.update(fields)
    return client.post(f"/programmes/{programme.pk}/jobs-token/", data)


@pytest.fixture
def fresh_programme(tenant):
    programme = AccountProgramme.objects.create(tenant=tenant, name="Programme")
    JobsToken.objects.create(tenant=tenant, programme=programme)
    return programme


def raw_key_column(token):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT system_key FROM programmes_jobstoken WHERE id = %s", [token.pk]
        )
        return cursor.fetchone()[0]


def test_key_stored_encrypted(admin_client, fresh_programme):
    save_token(admin_client, fresh_programme)

    token = JobsToken.objects.get(programme=fresh_programme)
    assert token.system_key == SECRET
    assert SECRET not in raw_key_column(token)
    assert SECRET[-4:] not in raw_key_column(token)
    assert token.system_key_last4 == SECRET[-4:]


def test_nas_flow_tick_key_confirm(admin_client, fresh_programme):
    response = save_token(admin_client, fresh_programme)
    assert response.status_code == 302
    fresh_programme.refresh_from_db()
    assert not fresh_programme.nas_ready

    admin_client.post(f"/programmes/{fresh_programme.pk}/confirm/")

    fresh_programme.refresh_from_db()
    assert fresh_programme.confirmed
    assert fresh_programme.nas_ready


def test_key_never_rendered(admin_client, fresh_programme):
    save_token(admin_client, fresh_programme)

    pages = [
        f"/programmes/{fresh_programme.pk}/",
        f"/programmes/{fresh_programme.pk}/jobs-token/",
        "/programmes/",
    ]
    for url in pages:
        body = admin_client.get(url).content.decode()
        assert SECRET not in body, url
    detail = admin_client.get(f"/programmes/{fresh_programme.pk}/").content.decode()
    assert SECRET[-4:] in detail


def test_key_absent_from_admin_pages(client, fresh_programme, admin_client):
    save_token(admin_client, fresh_programme)
    support = User.objects.create_superuser("support@platform.example", "s3cret-pass!")
    client.force_login(support)

    for url in [
        "/support/programmes/accountprogramme/",
        f"/support/programmes/accountprogramme/{fresh_programme.pk}/change/",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert SECRET not in response.content.decode(), url


def test_key_never_logged(admin_client, fresh_programme, caplog):
    caplog.set_level(logging.DEBUG)

    save_token(admin_client, fresh_programme)
    save_token(admin_client, fresh_programme, enabled="", system_key=SECRET + "x")

    assert caplog.records
    for record in caplog.records:
        assert SECRET not in record.getMessage()
        assert SECRET not in str(record.args)


def test_key_not_in_error_page(admin_client, fresh_programme):
    response = save_token(admin_client, fresh_programme, enabled="")

    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_blank_key_keeps_stored_key(admin_client, fresh_programme):
    save_token(admin_client, fresh_programme)

    save_token(admin_client, fresh_programme, system_key="")

    assert JobsToken.objects.get(programme=fresh_programme).system_key == SECRET


def test_nas_refused_without_support_switch(admin_client, fresh_programme, tenant):
    tenant.nas_enabled = False
    tenant.save()

    response = save_token(admin_client, fresh_programme)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Ask support to enable it" in errors["nas_integration"][0]
    assert not JobsToken.objects.get(programme=fresh_programme).nas_integration


def test_nas_needs_key(admin_client, fresh_programme):
    response = save_token(admin_client, fresh_programme, system_key="")

    assert "Enter the system key" in response.context["form"].errors["system_key"][0]


def test_support_switch_off_stops_nas(programme, tenant):
    assert programme.nas_ready

    tenant.nas_enabled = False
    tenant.save()
    programme.refresh_from_db()

    assert not programme.nas_ready


def test_recruiter_cannot_edit_programmes(client, recruiter, programme):
    client.force_login(recruiter)

    response = client.get(f"/programmes/{programme.pk}/jobs-token/")

    assert response.status_code == 403


def test_programme_page_says_support_switched_nas_off(admin_client, programme, tenant):
    tenant.nas_enabled = False
    tenant.save()

    body = admin_client.get(f"/programmes/{programme.pk}/").content.decode()

    assert "support has switched NAS off" in body
