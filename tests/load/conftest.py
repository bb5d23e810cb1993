"""Fixtures for the load and fault tests: an open job and the app under gunicorn."""

import os
from urllib.parse import quote

import pytest
from django.db import connection

from bench.stack import free_port, gunicorn_app
from recruitment.jobs.models import Job
from recruitment.organisations.models import Organisation


@pytest.fixture
def open_job(tenant, programme):
    organisation = Organisation.objects.create(
        tenant=tenant, name="Harbour Lane Bakery Ltd", legal_entity_id="V7XJ4M"
    )
    return Job.objects.create(
        tenant=tenant,
        programme=programme,
        organisation=organisation,
        title="Trainee baker apprentice",
    )


def database_url(settings_dict) -> str:
    user = quote(settings_dict["USER"] or "", safe="")
    password = quote(settings_dict["PASSWORD"] or "", safe="")
    credentials = ""
    if user:
        credentials = f"{user}:{password}@" if password else f"{user}@"
    host = settings_dict["HOST"] or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgresql://{credentials}{host}{port}/{settings_dict['NAME']}"


@pytest.fixture
def live_app(transactional_db, _private_cv_storage, tmp_path):
    """Return the base URL of the app under gunicorn, on the test database.

    The server writes CVs to this test's CV folder. Rate limits are off: the
    tests send hundreds of posts from one address on purpose.
    """
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "recruitment.settings",
        "DATABASE_URL": database_url(connection.settings_dict),
        "DEBUG": "true",
        "RATELIMIT_ENABLE": "false",
        "VAR_DIR": str(tmp_path / "var"),
        "CV_STORAGE_LOCATION": str(_private_cv_storage),
        "LOG_LEVEL": "WARNING",
    }
    server = gunicorn_app(env, port, tmp_path / "server.log", workers=2, threads=8)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()
