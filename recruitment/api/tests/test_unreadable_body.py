"""Bodies that are not a JSON object get one plain 400, whatever went wrong."""

import pytest

EXPECTED = {
    "detail": "The request body must be a JSON object sent with Content-Type: "
    "application/json.",
    "errors": [],
}

UNREADABLE_BODIES = {
    "invalid_json": "{not json",
    "empty_value": "{}x",
    "form_encoded": "name=Harbour+Lane",
    "nesting_bomb": "[" * 100_000 + "]" * 100_000,
    "nested_in_object": '{"name": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "number_of_5000_digits": '{"name": ' + "7" * 5000 + "}",
    "not_utf8": b'{"name": "\xff\xfe"}',
    "array": "[1, 2]",
}


@pytest.fixture(autouse=True)
def _debug_on(settings):
    # With DEBUG on, django-ninja appends the parser's exception text to its
    # message, so the parser internals would show.
    settings.DEBUG = True


@pytest.mark.parametrize("body", UNREADABLE_BODIES.values(), ids=UNREADABLE_BODIES)
def test_unreadable_body_gets_plain_400(api, tenant, body):
    response = api.post("/api/v1/organisations", body)

    assert response.status_code == 400
    assert response.json() == EXPECTED


def test_form_content_type_gets_plain_400(api, tenant):
    response = api.client.post(
        "/api/v1/organisations",
        "name=Harbour+Lane",
        content_type="application/x-www-form-urlencoded",
        headers=api.headers,
    )

    assert response.status_code == 400
    assert response.json() == EXPECTED


def test_patch_with_unreadable_body_gets_plain_400(api, organisation):
    response = api.patch(f"/api/v1/organisations/{organisation.pk}", "[]")

    assert response.status_code == 400
    assert response.json() == EXPECTED


def test_oversized_body_gets_413(api, tenant, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = '{"name": "' + "a" * 2000 + '"}'

    response = api.post("/api/v1/organisations", body)

    assert response.status_code == 413
    assert response.json() == {
        "detail": "The request body is larger than the maximum of 1,000 bytes. "
        "Send a smaller body.",
        "errors": [],
    }
