"""Fixtures for the JSON API tests: tokens and clients that send them."""

import json

import pytest

from recruitment.api.models import ApiToken

from .factories import complete_job, make_application


class ApiClient:
    """A Django test client that sends a bearer token and JSON bodies."""

    def __init__(self, client, token):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path, params=None):
        return self.client.get(path, params or {}, headers=self.headers)

    def _send(self, method, path, body):
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return getattr(self.client, method)(
            path, data, content_type="application/json", headers=self.headers
        )

    def post(self, path, body=None):
        return self._send("post", path, {} if body is None else body)

    def patch(self, path, body=None):
        return self._send("patch", path, {} if body is None else body)

    def delete(self, path):
        return self.client.delete(path, headers=self.headers)


def issue(user, name="Tests"):
    return ApiToken.issue(user, name)[1]


@pytest.fixture
def api(client, admin_user):
    return ApiClient(client, issue(admin_user))


@pytest.fixture
def recruiter_api(client, recruiter):
    return ApiClient(client, issue(recruiter))


@pytest.fixture
def viewer_api(client, viewer):
    return ApiClient(client, issue(viewer))


@pytest.fixture
def outsider_api(client, outsider):
    return ApiClient(client, issue(outsider))


@pytest.fixture
def anonymous_api(client):
    return ApiClient(client, None)


@pytest.fixture
def job(programme, organisation, contact):
    return complete_job(programme, organisation, contact)


@pytest.fixture
def application(job):
    return make_application(job)
