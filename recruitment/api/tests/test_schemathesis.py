"""Generated requests from the OpenAPI document find no server error.

Schemathesis generates requests for every operation in openapi.json, valid
and invalid, and sends them to the WSGI application in this process, with a
valid token and a small demo-like dataset. MAX_EXAMPLES bounds the run.

NOTE: schemathesis 4.32.5's pytest integration (``from_fixture``) reads
``request.node._nodeid``, which pytest 9 no longer has, so these tests drive
its Hypothesis strategies with ``@given`` instead.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode

from conftest import make_programme
from recruitment.api.api import api
from recruitment.organisations.models import Contact, Organisation
from recruitment.wsgi import application as wsgi_application

from .conftest import issue
from .factories import complete_job, make_application, make_learner

MAX_EXAMPLES = 15
HTTP_METHODS = ("get", "post", "put", "patch", "delete")

# The same document that /api/v1/openapi.json serves, built once here,
# because fetching it through the WSGI application needs the database.
DOCUMENT = api.get_openapi_schema()
OPERATIONS = [
    f"{method.upper()} {path}"
    for path, item in DOCUMENT["paths"].items()
    for method in item
    if method in HTTP_METHODS
]


@pytest.fixture(scope="module")
def api_schema():
    schema = schemathesis.openapi.from_dict(DOCUMENT)
    # Send requests to the WSGI application in this process, as from_wsgi()
    # does after fetching the document.
    schema.app = wsgi_application
    return schema


@pytest.fixture
def dataset(tenant, other_tenant, admin_user, recruiter, outsider, sandbox, settings):
    """Create rows with small ids, which generated ids often hit."""
    settings.NAS_SANDBOX_BASE_URL = sandbox.base_url
    settings.NAS_READ_TIMEOUT = 2.0
    programme = make_programme(tenant, key=sandbox.api_key)
    for owner in (tenant, other_tenant):
        organisation = Organisation.objects.create(
            tenant=owner, name="Harbour Lane Bakery Ltd", legal_entity_id="V7XJ4M"
        )
        contact = Contact.objects.create(
            tenant=owner,
            organisation=organisation,
            name="Jo Marsh",
            email="jo.marsh@example.co.uk",
        )
        job_programme = programme if owner == tenant else make_programme(owner)
        for title in ("Bakery Apprentice", "Pastry Apprentice"):
            job = complete_job(job_programme, organisation, contact, title=title)
            application = make_application(job)
            make_application(job, make_learner(owner, case_owner=recruiter))
        if owner == tenant:
            own_ids = {
                "organisation_id": organisation.pk,
                "contact_id": contact.pk,
                "job_id": job.pk,
                "learner_id": application.learner_id,
                "application_id": application.pk,
            }
    return {"token": issue(admin_user), "ids": own_ids}


@pytest.fixture
def wsgi_keeps_test_connection():
    # Django's test client keeps the test's database connection open across
    # requests. Calling the WSGI application directly must do the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def find_operation(api_schema, label):
    method, path = label.split(" ", 1)
    return api_schema[path][method]


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_errors(api_schema, dataset, wsgi_keeps_test_connection, label):
    operation = find_operation(api_schema, label)
    headers = {"Authorization": f"Bearer {dataset['token']}"}
    # Valid and invalid requests alike, so the error handlers are exercised,
    # and valid ones aimed at rows that exist, so the services run too.
    own_rows = {
        name: value for name, value in dataset["ids"].items() if f"{{{name}}}" in label
    }
    cases = (
        operation.as_strategy(GenerationMode.POSITIVE)
        | operation.as_strategy(GenerationMode.NEGATIVE)
        | operation.as_strategy(GenerationMode.POSITIVE, path_parameters=own_rows)
    )

    @given(case=cases)
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call(headers=headers)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} gave {response.status_code}: "
            f"{response.text[:500]}"
        )

    check()
