"""The /_sandbox/ control endpoints and the fault switches."""

import json
import time
import uuid

import httpx
import pytest

from .payloads import example_request


def post_create(sandbox, vacancy_id=None):
    return httpx.post(
        f"{sandbox.base_url}/vacancy/{vacancy_id or uuid.uuid4()}",
        content=json.dumps(example_request()).encode(),
        headers=sandbox.api_headers(**{"Content-Type": "application/json"}),
        timeout=10,
    )


@pytest.mark.parametrize("path", ["faults", "requests"])
@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_control_needs_admin_token(sandbox, path, token):
    headers = {} if token is None else {"X-Sandbox-Admin": token}

    response = httpx.get(f"{sandbox.site_url}/_sandbox/{path}", headers=headers)

    assert response.status_code == 403


def test_reset_needs_admin_token(sandbox):
    assert httpx.post(f"{sandbox.site_url}/_sandbox/reset").status_code == 403


def test_unknown_mode_rejected(sandbox):
    with pytest.raises(httpx.HTTPStatusError) as caught:
        sandbox.set_fault("explode")

    assert caught.value.response.status_code == 400
    assert "Unknown mode 'explode'" in caught.value.response.json()["error"]


def test_fault_applies_given_times(sandbox):
    sandbox.set_fault("status_500", times=2)

    statuses = [post_create(sandbox).status_code for _ in range(3)]

    assert statuses == [500, 500, 201]
    outcomes = [entry["outcome"] for entry in sandbox.received_creates()]
    assert outcomes == ["fault:status_500", "fault:status_500", "created"]


def test_fault_not_used_by_reference_data(sandbox):
    sandbox.set_fault("status_503")
    httpx.get(f"{sandbox.base_url}/referencedata/skills", headers=sandbox.api_headers())

    assert post_create(sandbox).status_code == 503


def test_status_500_body(sandbox):
    sandbox.set_fault("status_500")

    response = post_create(sandbox)

    payload = response.json()
    assert payload["title"] == "Internal server error"
    assert payload["status"] == 500
    assert payload["errors"] == {}


def test_status_503_body(sandbox):
    sandbox.set_fault("status_503")

    response = post_create(sandbox)

    assert response.status_code == 503
    assert response.json()["status"] == 503


def test_rate_limit_fault(sandbox):
    sandbox.set_fault("rate_limit", seconds=2.5)

    response = post_create(sandbox)

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3"
    assert response.json() == {
        "statusCode": 429,
        "message": "Rate limit is exceeded. Try again in 3 seconds.",
    }


def test_delay_fault_stores_first(sandbox):
    sandbox.set_fault("delay", seconds=0.5)
    vacancy_id = uuid.uuid4()

    started = time.monotonic()
    response = post_create(sandbox, vacancy_id)

    assert time.monotonic() - started >= 0.5
    assert response.status_code == 201
    assert sandbox.received_creates(vacancy_id)[0]["outcome"] == "created"


def test_drop_connection_fault(sandbox):
    sandbox.set_fault("drop_connection")
    vacancy_id = uuid.uuid4()

    with pytest.raises(httpx.TransportError):
        post_create(sandbox, vacancy_id)

    assert sandbox.received_creates(vacancy_id)[0]["outcome"] == (
        "fault:drop_connection"
    )
    # The server keeps serving after dropping a connection.
    assert post_create(sandbox, vacancy_id).status_code == 201


def test_invalid_json_fault_stores_vacancy(sandbox):
    sandbox.set_fault("invalid_json")
    vacancy_id = uuid.uuid4()

    response = post_create(sandbox, vacancy_id)

    assert response.status_code == 201
    with pytest.raises(ValueError):
        response.json()
    assert post_create(sandbox, vacancy_id).status_code == 400


def test_fault_setting_readable(sandbox):
    sandbox.set_fault("delay", seconds=0.2, times=3)

    response = httpx.get(
        f"{sandbox.site_url}/_sandbox/faults",
        headers={"X-Sandbox-Admin": sandbox.admin_token},
    )

    assert response.json() == {"mode": "delay", "seconds": 0.2, "times": 3}


def test_reset_clears_fault_and_log(sandbox):
    sandbox.set_fault("status_500", times=5)
    post_create(sandbox)

    sandbox.reset()

    assert sandbox.received_creates() == []
    assert post_create(sandbox).status_code == 201


def test_reset_can_delete_vacancies(sandbox):
    vacancy_id = uuid.uuid4()
    post_create(sandbox, vacancy_id)

    sandbox.reset(vacancies=True)

    assert post_create(sandbox, vacancy_id).status_code == 201
