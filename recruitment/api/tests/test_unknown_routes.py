"""Paths and methods the API does not serve get JSON errors, not HTML pages."""

import pytest
from django.test import Client

NOT_FOUND = {
    "detail": "Not found. Check the path against the API documentation at "
    "/api/v1/docs.",
    "errors": [],
}


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nope", "/api/v1/jobs/", "/api/v1/", "/api/v1/organisations/1/x/y"],
)
def test_unknown_path_gets_json_404(api, tenant, path):
    response = api.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == NOT_FOUND


def test_unknown_path_without_token_gets_json_404(anonymous_api, tenant):
    response = anonymous_api.get("/api/v1/nope")

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_post_to_unknown_path_skips_csrf(tenant):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/api/v1/nope", "{}", content_type="application/json")

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_wrong_method_gets_json_405(api, tenant):
    response = api.client.put("/api/v1/jobs", headers=api.headers)

    assert response.status_code == 405
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert sorted(response["Allow"].split(", ")) == ["GET", "POST"]
    body = response.json()
    assert body["detail"].startswith("Method PUT is not allowed here. Use one of: ")
    assert body["errors"] == []


def test_wrong_method_on_item_gets_json_405(api, organisation):
    response = api.client.put(
        f"/api/v1/organisations/{organisation.pk}", headers=api.headers
    )

    assert response.status_code == 405
    assert "PATCH" in response["Allow"]
    assert response.json()["errors"] == []


def test_allowed_method_still_works(api, organisation):
    response = api.get(f"/api/v1/organisations/{organisation.pk}")

    assert response.status_code == 200
    assert response.json()["id"] == organisation.pk
