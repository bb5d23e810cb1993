"""Fixtures for the public application form: an open job and an applicant."""

import pytest
from django.core.cache import cache
from django.core.files.storage import storages

from recruitment.learners.models import CV

from .helpers import make_job, make_organisation


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limiter counts in the cache, which outlives a single test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _cv_field_reads_test_storage(_private_cv_storage):
    # The CV model's file field binds its storage when the model is imported,
    # which is before the root conftest points "cvs" at this test's directory.
    # Point the field there too, so `cv.file` reads what `store_cv` wrote.
    field = CV._meta.get_field("file")
    original = field.storage
    field.storage = storages["cvs"]
    yield
    field.storage = original


@pytest.fixture
def organisation(tenant):
    return make_organisation(tenant)


@pytest.fixture
def job(tenant, programme, organisation):
    return make_job(tenant, programme, organisation)


@pytest.fixture
def cv_root(_private_cv_storage):
    return _private_cv_storage
