from recruitment.api.models import ApiToken, hash_token


def create(client, name="Payroll sync"):
    return client.post("/api/tokens/new/", {"name": name})


def test_profile_shows_token_section(admin_client):
    response = admin_client.get("/profile/")

    assert response.status_code == 200
    assert "API tokens" in response.text
    assert "Create token" in response.text


def test_create_shows_token_once(admin_client, admin_user):
    response = create(admin_client)

    assert response.status_code == 200
    row = ApiToken.objects.get(user=admin_user)
    token = response.context["token"]
    assert token in response.text
    assert row.token_hash == hash_token(token)
    assert response["Cache-Control"] == "no-store"

    profile = admin_client.get("/profile/")
    assert token not in profile.text
    assert f"{row.prefix}…" in profile.text
    assert "Payroll sync" in profile.text


def test_created_token_works_on_the_api(admin_client, client):
    token = create(admin_client).context["token"]

    response = client.get(
        "/api/v1/organisations", headers={"Authorization": f"Bearer {token}"}
    )

    assert response.status_code == 200


def test_create_without_name_shows_error(admin_client, admin_user):
    response = create(admin_client, name="  ")

    assert response.status_code == 400
    assert "This field is required." in response.text
    assert not ApiToken.objects.filter(user=admin_user).exists()


def test_create_needs_post(admin_client):
    assert admin_client.get("/api/tokens/new/").status_code == 405


def test_create_needs_csrf_token(client, admin_user):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(admin_user)

    response = csrf_client.post("/api/tokens/new/", {"name": "No CSRF"})

    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_viewer_can_create_token(client, viewer):
    client.force_login(viewer)

    assert create(client).status_code == 200


def test_revoke_marks_token_revoked(admin_client, admin_user):
    row, _ = ApiToken.issue(admin_user, "Old sync")

    response = admin_client.post(f"/api/tokens/{row.pk}/revoke/")

    assert response.status_code == 302
    row.refresh_from_db()
    assert row.revoked_at is not None
    profile = admin_client.get("/profile/")
    assert "Revoked" in profile.text


def test_revoke_other_users_token_gets_404(admin_client, recruiter):
    row, _ = ApiToken.issue(recruiter, "Recruiter's")

    response = admin_client.post(f"/api/tokens/{row.pk}/revoke/")

    assert response.status_code == 404
    row.refresh_from_db()
    assert row.revoked_at is None


def test_outsider_revoke_gets_404(outsider_client, admin_user):
    row, _ = ApiToken.issue(admin_user, "Mine")

    response = outsider_client.post(f"/api/tokens/{row.pk}/revoke/")

    assert response.status_code == 404
    row.refresh_from_db()
    assert row.revoked_at is None


def test_signed_out_create_redirects(client, tenant):
    response = client.post("/api/tokens/new/", {"name": "Anon"})

    assert response.status_code == 302
    assert not ApiToken.objects.exists()
