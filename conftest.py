"""Fixtures shared by every app's tests: tenants, people and signed-in clients."""

import os

import pytest
from django.db import connection

from recruitment.organisations.models import Contact, Organisation
from recruitment.programmes.models import AccountProgramme, JobsToken
from recruitment.tenancy.models import Tenant, User

pytest_plugins = ["sandbox.pytest_plugin"]

PASSWORD = "correct-horse-battery-staple"


def pytest_collection_modifyitems(config, items):
    """Deselect PostgreSQL-only tests when the suite runs on SQLite.

    `.ci/run` runs the whole suite twice, once on each database, so these
    tests run in every CI run, on the database they are about.
    """
    if os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
        return
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("postgresql") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # A fast hasher: the suite creates hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _private_cv_storage(settings, tmp_path):
    cvs = tmp_path / "cvs"
    settings.CV_STORAGE_LOCATION = cvs
    settings.STORAGES = {
        **settings.STORAGES,
        "cvs": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": cvs},
        },
    }
    from django.core.files.storage import storages

    # The storages handler caches backends; drop them so the new location holds.
    storages._storages = {}
    yield cvs
    storages._storages = {}


def make_tenant(slug, *, nas_enabled=True, ukprn="10012345"):
    return Tenant.objects.create(
        name=slug.replace("-", " ").title(),
        slug=slug,
        ukprn=ukprn,
        nas_enabled=nas_enabled,
    )


def make_staff(tenant, email, role=User.Role.ADMIN):
    return User.objects.create_user(
        email,
        PASSWORD,
        tenant=tenant,
        role=role,
        first_name="Staff",
        last_name=email.split("@")[0],
    )


def make_programme(tenant, *, nas=True, key="sandbox-key-1234"):
    programme = AccountProgramme.objects.create(
        tenant=tenant, name="Apprenticeships 2027", confirmed=True
    )
    token = JobsToken(tenant=tenant, programme=programme, nas_integration=nas)
    if nas:
        token.set_system_key(key)
    token.save()
    return programme


@pytest.fixture
def tenant(db):
    return make_tenant("harbour-college")


@pytest.fixture
def other_tenant(db):
    return make_tenant("northgate-training", ukprn="10054321")


@pytest.fixture
def admin_user(tenant):
    return make_staff(tenant, "admin@harbour.example")


@pytest.fixture
def recruiter(tenant):
    return make_staff(tenant, "recruiter@harbour.example", User.Role.RECRUITER)


@pytest.fixture
def viewer(tenant):
    return make_staff(tenant, "viewer@harbour.example", User.Role.VIEWER)


@pytest.fixture
def outsider(other_tenant):
    return make_staff(other_tenant, "admin@northgate.example")


@pytest.fixture
def programme(tenant):
    return make_programme(tenant)


@pytest.fixture
def organisation(tenant):
    return Organisation.objects.create(
        tenant=tenant,
        name="Harbour Lane Bakery Ltd",
        address_line1="12 Market Street",
        town="Leeds",
        postcode="LS1 6DT",
        employer_description="A family bakery with two shops in Leeds.",
        web_address="https://www.example.co.uk",
        legal_entity_id="V7XJ4M",
    )


@pytest.fixture
def contact(organisation):
    return Contact.objects.create(
        tenant=organisation.tenant,
        organisation=organisation,
        name="Jo Marsh",
        email="jo.marsh@example.co.uk",
        phone="0113 496 0000",
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture
def database_vendor(db):
    return connection.vendor
