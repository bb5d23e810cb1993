import csv
import io

import pytest

from recruitment.learners.export import safe_cell

from .factories import make_applicant, make_job

URL = "/learners/candidates/export/"
HOSTILE_NAME = "<img src=x onerror=alert(1)>"


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_export_is_a_csv_attachment(admin_client, job):
    make_applicant(job)

    response = admin_client.get(URL)

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_export_has_header_and_row(admin_client, job, admin_user):
    make_applicant(
        job,
        first_name="Robin",
        last_name="Ashby",
        email="robin@example.com",
        phone="07700 900456",
        case_owner=admin_user,
    )

    header, row = read_csv(admin_client.get(URL))

    assert header[0] == "Name"
    assert row[:7] == [
        "Robin Ashby",
        "robin@example.com",
        "07700 900456",
        job.title,
        job.organisation.name,
        "Applied",
        "Prospect",
    ]
    assert row[8] == str(admin_user)


def test_export_uses_the_grid_filters(admin_client, tenant, job):
    make_applicant(job, first_name="Robin")
    other_job = make_job(tenant, title="Apprentice plumber")
    make_applicant(other_job, first_name="Kim")

    rows = read_csv(admin_client.get(URL, {"job": other_job.pk}))

    assert [row[0] for row in rows[1:]] == ["Kim Taylor"]


def test_formula_name_gets_leading_quote(admin_client, job):
    make_applicant(job, first_name='=HYPERLINK("http://x")', last_name="")

    _, row = read_csv(admin_client.get(URL))

    assert row[0] == '\'=HYPERLINK("http://x")'


def test_formula_phone_gets_leading_quote(admin_client, job):
    make_applicant(job, phone="+44 7700 900123")

    _, row = read_csv(admin_client.get(URL))

    assert row[2] == "'+44 7700 900123"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Robin", "Robin"),
        ("a=1", "a=1"),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_hostile_name_exported_as_plain_text(admin_client, job):
    make_applicant(job, first_name=HOSTILE_NAME, last_name="")

    response = admin_client.get(URL)
    _, row = read_csv(response)

    # CSV is not HTML: the name is kept as typed, in a download that the
    # browser is told not to sniff or render.
    assert row[0] == HOSTILE_NAME
    assert response["Content-Type"].startswith("text/csv")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_export_lists_only_own_tenant(outsider_client, job):
    make_applicant(job)

    rows = read_csv(outsider_client.get(URL, {"status": "all"}))

    assert rows == [rows[0]]
