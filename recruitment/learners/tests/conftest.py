import pytest

from .factories import make_applicant, make_job


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # These tests create many users; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def job(tenant, programme):
    return make_job(tenant, programme=programme)


@pytest.fixture
def application(job):
    return make_applicant(job)


@pytest.fixture
def learner(application):
    return application.learner
