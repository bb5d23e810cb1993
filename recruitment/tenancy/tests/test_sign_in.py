from conftest import PASSWORD


def test_staff_signs_in_on_own_tenant_page(client, admin_user, tenant):
    response = client.post(
        f"/t/{tenant.slug}/sign-in/",
        {"email": "ADMIN@harbour.example", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert client.get("/").context["user"] == admin_user


def test_staff_cannot_sign_in_on_other_tenant_page(client, admin_user, other_tenant):
    response = client.post(
        f"/t/{other_tenant.slug}/sign-in/",
        {"email": admin_user.email, "password": PASSWORD},
    )

    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_sign_in_email_error_on_field(client, tenant):
    response = client.post(
        f"/t/{tenant.slug}/sign-in/", {"email": "not-an-email", "password": "x"}
    )

    assert response.context["form"].errors["email"]
    assert "Enter a valid email address." in response.content.decode()


def test_unknown_tenant_sign_in_is_404(client, db):
    assert client.get("/t/no-such-provider/sign-in/").status_code == 404
