import datetime

from django.utils import timezone

from recruitment.api.models import ApiToken
from recruitment.api.tokens import revoke_token
from recruitment.tenancy.models import User

from .conftest import ApiClient, issue

URL = "/api/v1/organisations"


def assert_unauthorised(response):
    assert response.status_code == 401
    body = response.json()
    assert "Authorization: Bearer" in body["detail"]
    assert body["errors"] == []
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_missing_header_gets_401(anonymous_api, tenant):
    assert_unauthorised(anonymous_api.get(URL))


def test_unknown_token_gets_401(client, tenant):
    assert_unauthorised(ApiClient(client, "rk_not-a-real-token").get(URL))


def test_other_scheme_gets_401(client, admin_user):
    token = issue(admin_user)
    response = client.get(URL, headers={"Authorization": f"Basic {token}"})
    assert_unauthorised(response)


def test_empty_bearer_gets_401(client, tenant):
    assert_unauthorised(client.get(URL, headers={"Authorization": "Bearer "}))


def test_overlong_token_gets_401(client, tenant):
    assert_unauthorised(ApiClient(client, "x" * 10_000).get(URL))


def test_valid_token_gets_200(api):
    assert api.get(URL).status_code == 200


def test_revoked_token_gets_401(client, admin_user):
    row, token = ApiToken.issue(admin_user, "Revoked")
    api = ApiClient(client, token)
    assert api.get(URL).status_code == 200

    revoke_token(row)

    assert_unauthorised(api.get(URL))


def test_inactive_user_token_gets_401(client, admin_user):
    api = ApiClient(client, issue(admin_user))
    admin_user.is_active = False
    admin_user.save()

    assert_unauthorised(api.get(URL))


def test_learner_token_gets_401(client, tenant):
    learner = User.objects.create_user(
        "learner@harbour.example", "pw", tenant=tenant, role=User.Role.LEARNER
    )
    # Tokens are only issued to staff; a row made directly must not work.
    assert_unauthorised(ApiClient(client, issue(learner)).get(URL))


def test_session_cookie_alone_gets_401(admin_client):
    assert_unauthorised(admin_client.get(URL))


def test_last_used_at_set_on_first_use(client, admin_user):
    row, token = ApiToken.issue(admin_user, "Fresh")
    assert row.last_used_at is None

    ApiClient(client, token).get(URL)

    row.refresh_from_db()
    assert row.last_used_at is not None


def test_last_used_at_written_once_a_minute(client, admin_user):
    row, token = ApiToken.issue(admin_user, "Busy")
    recent = timezone.now() - datetime.timedelta(seconds=20)
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=recent)

    ApiClient(client, token).get(URL)

    row.refresh_from_db()
    assert row.last_used_at == recent


def test_last_used_at_refreshed_after_a_minute(client, admin_user):
    row, token = ApiToken.issue(admin_user, "Idle")
    old = timezone.now() - datetime.timedelta(minutes=5)
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=old)

    ApiClient(client, token).get(URL)

    row.refresh_from_db()
    assert row.last_used_at > old
