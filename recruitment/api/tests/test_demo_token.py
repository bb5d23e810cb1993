from recruitment.api.demo import DEMO_API_TOKEN
from recruitment.api.models import ApiToken
from recruitment.api.tokens import revoke_token
from recruitment.demo import build_demo


def test_demo_gives_staff_a_working_token(db, client):
    demo = build_demo()

    assert demo.api_token == DEMO_API_TOKEN
    assert demo.as_json()["api_token"] == DEMO_API_TOKEN
    response = client.get(
        "/api/v1/organisations", headers={"Authorization": f"Bearer {DEMO_API_TOKEN}"}
    )
    assert response.status_code == 200
    assert response.json()["items"][0]["legal_entity_id"] == "V7XJ4M"


def test_demo_token_is_stored_once(db):
    build_demo()
    build_demo()

    assert ApiToken.objects.count() == 1
    assert ApiToken.objects.get().prefix == "rk_demo_"


def test_seeding_again_keeps_revoked_token_revoked(db):
    build_demo()
    revoke_token(ApiToken.objects.get())

    demo = build_demo()

    assert ApiToken.objects.get().revoked_at is not None
    assert demo.as_json()["api_token"] == ""
