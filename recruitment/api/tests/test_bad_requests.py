import pytest

from recruitment.api.errors import UNREADABLE_BODY


def test_body_not_json_gets_400(api, tenant):
    response = api.post("/api/v1/organisations", "{not json")

    assert response.status_code == 400
    body = response.json()
    assert "detail" in body
    assert body["errors"] == []


def test_body_json_array_gets_400(api, tenant):
    response = api.post("/api/v1/organisations", [1, 2])

    assert response.status_code == 400
    assert response.json()["detail"] == UNREADABLE_BODY


def test_wrong_type_gets_field_error(api, tenant):
    response = api.post("/api/v1/organisations", {"name": 42, "town": ["Leeds"]})

    assert response.status_code == 400
    fields = [error["field"] for error in response.json()["errors"]]
    assert "name" in fields
    assert "town" in fields


def test_null_for_text_gets_field_error(api, organisation):
    response = api.patch(f"/api/v1/organisations/{organisation.pk}", {"name": None})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "name"


def test_nul_character_gets_field_error(api, tenant):
    response = api.post("/api/v1/organisations", {"name": "Bad\u0000Name"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "name"


def test_query_nul_character_gets_400(api, tenant):
    response = api.get("/api/v1/organisations", {"search": "a\u0000b"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "search"


def test_non_numeric_id_gets_400(api, tenant):
    response = api.get("/api/v1/organisations/abc")

    assert response.status_code in (400, 404)
    assert response["Content-Type"].startswith("application/json")


def test_unknown_path_gets_404(api, tenant):
    response = api.get("/api/v1/nothing-here")

    assert response.status_code == 404


@pytest.mark.parametrize("body", ['"text"', "[]", "42", "null"])
def test_non_object_body_is_400(api, organisation, body):
    response = api.patch(f"/api/v1/organisations/{organisation.pk}", body)

    assert response.status_code == 400
    assert response.json()["detail"] == UNREADABLE_BODY
