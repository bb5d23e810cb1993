"""Error pages speak to people: what happened and where to go."""

from recruitment.learners.tests.factories import make_learner


def test_forbidden_page_says_why(client, tenant):
    learner = make_learner(tenant, status="full_user")
    client.force_login(learner.user)

    response = client.get("/organisations/")

    assert response.status_code == 403
    body = response.content.decode()
    assert "This page is for the provider&#x27;s staff." in body
    assert "Go to your home page" in body


def test_not_found_page_has_way_back(admin_client):
    response = admin_client.get("/jobs/999999/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_radio_groups_use_fieldset_and_legend(admin_client, programme):
    body = admin_client.get(f"/programmes/{programme.pk}/jobs-token/").content.decode()

    assert "<legend>NAS environment" in body
    assert 'for=""' not in body
