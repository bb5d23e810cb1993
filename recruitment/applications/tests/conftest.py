"""Fixtures for the public application form: an open job and an applicant."""

import pytest
from django.core.cache import cache

from .helpers import make_job, make_organisation


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limiter counts in the cache, which outlives a single test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation(tenant):
    return make_organisation(tenant)


@pytest.fixture
def job(tenant, programme, organisation):
    return make_job(tenant, programme, organisation)


@pytest.fixture
def cv_root(_private_cv_storage):
    return _private_cv_storage
