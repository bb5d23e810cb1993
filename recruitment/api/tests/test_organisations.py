from recruitment.organisations.models import Organisation

from .conftest import ApiClient, issue


def test_list_returns_page_shape(api, organisation):
    body = api.get("/api/v1/organisations").json()

    assert body["count"] == 1
    assert body["page"] == 1
    assert body["page_size"] == 20
    assert body["items"][0]["id"] == organisation.pk
    assert body["items"][0]["legal_entity_id"] == "V7XJ4M"


def test_list_paginates_in_name_order(api, tenant):
    for name in ["Cedar", "Ash", "Birch", "Alder"]:
        Organisation.objects.create(tenant=tenant, name=name)

    first = api.get("/api/v1/organisations", {"page_size": 3}).json()
    second = api.get("/api/v1/organisations", {"page_size": 3, "page": 2}).json()

    assert [item["name"] for item in first["items"]] == ["Alder", "Ash", "Birch"]
    assert [item["name"] for item in second["items"]] == ["Cedar"]
    assert second["count"] == 4


def test_page_past_the_end_is_empty(api, organisation):
    body = api.get("/api/v1/organisations", {"page": 50}).json()

    assert body["items"] == []
    assert body["count"] == 1


def test_page_size_over_100_gets_400(api, tenant):
    response = api.get("/api/v1/organisations", {"page_size": 101})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "page_size"


def test_list_search_matches_name(api, tenant):
    Organisation.objects.create(tenant=tenant, name="Northern Rail")
    Organisation.objects.create(tenant=tenant, name="Harbour Bakery")

    body = api.get("/api/v1/organisations", {"search": "bakery"}).json()

    assert [item["name"] for item in body["items"]] == ["Harbour Bakery"]


def test_list_excludes_other_tenants(api, other_tenant):
    Organisation.objects.create(tenant=other_tenant, name="Elsewhere Ltd")

    assert api.get("/api/v1/organisations").json()["count"] == 0


def test_create_normalises_and_saves(api, tenant):
    response = api.post(
        "/api/v1/organisations",
        {"name": "Moor Garage", "postcode": "ls16dt", "legal_entity_id": "ab12cd"},
    )

    assert response.status_code == 201
    body = response.json()
    organisation = Organisation.objects.get(pk=body["id"])
    assert organisation.tenant == tenant
    assert organisation.postcode == "LS1 6DT"
    assert body["legal_entity_id"] == "AB12CD"


def test_create_rejects_bad_postcode(api, tenant):
    response = api.post(
        "/api/v1/organisations", {"name": "Moor Garage", "postcode": "nowhere"}
    )

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "postcode",
            "message": "Enter a real UK postcode, for example LS1 6DT.",
        }
    ]
    assert not Organisation.objects.filter(name="Moor Garage").exists()


def test_create_without_name_gets_field_error(api, tenant):
    response = api.post("/api/v1/organisations", {"town": "Leeds"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "name"


def test_viewer_cannot_create(viewer_api, tenant):
    response = viewer_api.post("/api/v1/organisations", {"name": "Moor Garage"})

    assert response.status_code == 403
    assert "Viewer" in response.json()["detail"]
    assert not Organisation.objects.exists()


def test_recruiter_can_create(recruiter_api, tenant):
    response = recruiter_api.post("/api/v1/organisations", {"name": "Moor Garage"})

    assert response.status_code == 201


def test_read_returns_organisation(api, organisation):
    body = api.get(f"/api/v1/organisations/{organisation.pk}").json()

    assert body["name"] == "Harbour Lane Bakery Ltd"
    assert body["postcode"] == "LS1 6DT"


def test_read_unknown_id_gets_404(api, tenant):
    response = api.get("/api/v1/organisations/999999")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Not found. Check the id in the URL.",
        "errors": [],
    }


def test_read_id_beyond_64_bits_gets_400(api, tenant):
    response = api.get(f"/api/v1/organisations/{2**70}")

    assert response.status_code == 400


def test_update_changes_only_sent_fields(api, organisation):
    response = api.patch(
        f"/api/v1/organisations/{organisation.pk}", {"town": "Bradford"}
    )

    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.town == "Bradford"
    assert organisation.name == "Harbour Lane Bakery Ltd"
    assert organisation.legal_entity_id == "V7XJ4M"


def test_update_rejects_bad_legal_entity_id(api, organisation):
    response = api.patch(
        f"/api/v1/organisations/{organisation.pk}", {"legal_entity_id": "V7-XJ4M"}
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "legal_entity_id"
    organisation.refresh_from_db()
    assert organisation.legal_entity_id == "V7XJ4M"


def test_viewer_cannot_update(client, viewer, organisation):
    viewer_api = ApiClient(client, issue(viewer))

    response = viewer_api.patch(
        f"/api/v1/organisations/{organisation.pk}", {"town": "Bradford"}
    )

    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.town == "Leeds"
