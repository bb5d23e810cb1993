"""The JSON API reads and writes a qualification's BTEC level and Other name."""

from recruitment.jobs.models import Job

BTEC = {
    "type": "BTEC",
    "subject": "Engineering",
    "grade": "Merit",
    "weighting": "essential",
    "level": 3,
}
OTHER = {
    "type": "Other",
    "subject": "Food safety",
    "grade": "Pass",
    "weighting": "desired",
    "other_name": "Food Hygiene Certificate",
}


def test_update_stores_level_and_name(api, job):
    response = api.patch(f"/api/v1/jobs/{job.pk}", {"qualifications": [BTEC, OTHER]})

    assert response.status_code == 200, response.json()
    job.refresh_from_db()
    assert job.qualifications == [BTEC, OTHER]


def test_read_returns_level_and_name(api, job):
    job.qualifications = [BTEC, OTHER]
    job.save()

    body = api.get(f"/api/v1/jobs/{job.pk}").json()

    assert body["qualifications"] == [
        {**BTEC, "other_name": ""},
        {**OTHER, "level": None},
    ]


def test_level_as_text_accepted(api, job):
    response = api.patch(
        f"/api/v1/jobs/{job.pk}", {"qualifications": [{**BTEC, "level": "4"}]}
    )

    assert response.status_code == 200, response.json()
    job.refresh_from_db()
    assert job.qualifications[0]["level"] == 4


def test_level_out_of_range_rejected(api, job):
    response = api.patch(
        f"/api/v1/jobs/{job.pk}", {"qualifications": [{**BTEC, "level": 8}]}
    )

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "qualifications.0.level",
            "message": "BTEC level must be at most 7 (it is 8).",
        }
    ]
    assert Job.objects.get(pk=job.pk).qualifications == job.qualifications


def test_name_over_limit_rejected(api, job):
    response = api.patch(
        f"/api/v1/jobs/{job.pk}",
        {"qualifications": [{**OTHER, "other_name": "n" * 101}]},
    )

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "qualifications.0.other_name"
    assert "at most 100 characters" in error["message"]


def test_nas_check_names_missing_level_and_name(api, job):
    job.qualifications = [
        {key: value for key, value in BTEC.items() if key != "level"},
        {key: value for key, value in OTHER.items() if key != "other_name"},
    ]
    job.save()

    check = api.post(f"/api/v1/jobs/{job.pk}/nas-check").json()

    fields = [error["field"] for error in check["errors"]]
    assert "qualifications.0.level" in fields
    assert "qualifications.1.other_name" in fields
