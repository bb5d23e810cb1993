import pytest

from recruitment.jobs.tests.factories import complete_job as make_complete_job
from recruitment.organisations.models import Contact, Organisation


def complete_job(tenant, programme, owner=None, **changes):
    """Create an Apprenticeship job that passes every advert rule today."""
    organisation = Organisation.objects.create(
        tenant=tenant, name="Harbour Lane Bakery Ltd", legal_entity_id="V7XJ4M"
    )
    contact = Contact.objects.create(
        tenant=tenant,
        organisation=organisation,
        name="Jo Marsh",
        email="jo.marsh@example.co.uk",
        phone="0113 496 0000",
    )
    return make_complete_job(programme, organisation, contact, owner=owner, **changes)


@pytest.fixture
def nas_settings(settings, sandbox):
    settings.NAS_SANDBOX_BASE_URL = sandbox.base_url
    settings.NAS_READ_TIMEOUT = 2.0
    settings.NAS_CONNECT_TIMEOUT = 2.0
    return settings


@pytest.fixture
def sandbox_programme(tenant, sandbox, nas_settings):
    from conftest import make_programme

    return make_programme(tenant, key=sandbox.api_key)


@pytest.fixture
def job(tenant, sandbox_programme, recruiter):
    return complete_job(tenant, sandbox_programme, owner=recruiter)
