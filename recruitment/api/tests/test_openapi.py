def test_openapi_document_is_served(client, db):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/organisations" in document["paths"]
    schemes = document["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())


def test_every_operation_documents_its_errors(client, db):
    document = client.get("/api/v1/openapi.json").json()

    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert "401" in operation["responses"], f"{method} {path}"
            assert "400" in operation["responses"], f"{method} {path}"


def test_docs_page_lists_operations(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert "GET /api/v1/organisations" in response.text
    assert "PATCH /api/v1/organisations/{organisation_id}" in response.text
    assert "OrganisationOut" in response.text
    assert "/api/v1/openapi.json" in response.text


def test_docs_page_loads_nothing_from_other_hosts(client, db):
    text = client.get("/api/v1/docs").text

    assert "cdn" not in text.lower()
    assert 'src="http' not in text
    assert 'href="http' not in text
