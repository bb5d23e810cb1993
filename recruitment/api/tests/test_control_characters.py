"""Text fields reject invisible control characters, as the screens do."""

import pytest

CONTROL_CHARACTERS = {
    "escape": "\x1b",
    "form_feed": "\x0c",
    "backspace": "\x08",
    "bell": "\x07",
    "nul": "\x00",
    "delete": "\x7f",
    "c1_control": "\x85",
}


@pytest.mark.parametrize(
    "character", CONTROL_CHARACTERS.values(), ids=CONTROL_CHARACTERS
)
def test_organisation_name_rejects_control(api, tenant, character):
    response = api.post("/api/v1/organisations", {"name": f"Harbour{character}Lane"})

    assert response.status_code == 400
    code = f"U+{ord(character):04X}"
    assert response.json()["errors"] == [
        {
            "field": "name",
            "message": f"Remove the invisible control characters ({code}) and "
            "retype the text around them.",
        }
    ]


def test_control_characters_listed_once_each(api, tenant):
    response = api.post("/api/v1/organisations", {"name": "A\x1bB\x1bC\x08"})

    message = response.json()["errors"][0]["message"]
    assert "(U+001B, U+0008)" in message


def test_tab_and_line_breaks_are_accepted(api, tenant):
    body = {"name": "Harbour Lane", "employer_description": "One\tTwo\r\nThree\n"}

    response = api.post("/api/v1/organisations", body)

    assert response.status_code == 201


def test_contact_name_rejects_escape(api, organisation):
    response = api.post(
        f"/api/v1/organisations/{organisation.pk}/contacts",
        {"name": "Sam\x1b[31m Patel", "email": "sam@example.com"},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "name"


def test_patch_rejects_form_feed(api, organisation):
    response = api.patch(
        f"/api/v1/organisations/{organisation.pk}", {"town": "Le\x0ceds"}
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "town"
    organisation.refresh_from_db()
    assert organisation.town == "Leeds"


def test_job_skill_rejects_backspace(api, organisation, programme):
    body = {
        "title": "Apprentice baker",
        "organisation_id": organisation.pk,
        "programme_id": programme.pk,
        "desired_skills": ["Baking", "Team\x08work"],
    }

    response = api.post("/api/v1/jobs", body)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "desired_skills.1"


def test_search_rejects_escape(api, tenant):
    response = api.get("/api/v1/jobs", {"search": "bak\x1ber"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "search"
