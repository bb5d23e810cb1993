"""Length limits are reported in plain words, not pydantic's wording."""

import pytest


@pytest.mark.parametrize(
    ("path", "name"), [("/api/v1/jobs", "search"), ("/api/v1/candidates", "q")]
)
def test_long_search_gets_characters_message(api, tenant, path, name):
    response = api.get(path, {name: "x" * 101})

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": name, "message": "Enter at most 100 characters."}
    ]


def test_search_at_limit_is_accepted(api, tenant):
    response = api.get("/api/v1/jobs", {"search": "x" * 100})

    assert response.status_code == 200


def test_too_many_skills_gets_items_message(api, organisation, programme):
    body = {
        "title": "Apprentice baker",
        "organisation_id": organisation.pk,
        "programme_id": programme.pk,
        "desired_skills": ["Baking"] * 51,
    }

    response = api.post("/api/v1/jobs", body)

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "desired_skills", "message": "Send at most 50 items."}
    ]
