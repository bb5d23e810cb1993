"""Job form messages name the field and its limit, in place of Django's defaults."""

import re

import pytest

from recruitment.jobs.models import Job

from .conftest import form_data
from .test_form_values import field_errors, post_job

pytestmark = pytest.mark.django_db

GENERIC_PHRASES = ("Ensure this value", "This field is required", "Select a valid")


def messages(response, name):
    """Return the field's error messages without the hidden "Error:" prefix."""
    return [
        re.sub(r"<span[^>]*>.*?</span>\s*", "", error).strip()
        for error in field_errors(response, name)
    ]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "title",
            "A" * 100_000,
            "Title must be at most 100 characters (it has 100000).",
        ),
        (
            "address_line1",
            "x" * 101,
            "Address line 1 must be at most 100 characters (it has 101).",
        ),
        (
            "web_address",
            "https://" + "a" * 100 + ".com",
            "Web address must be at most 100 characters (it has 112).",
        ),
        (
            "working_hours",
            "w" * 251,
            "Working hours must be at most 250 characters (it has 251).",
        ),
        (
            "maximum_enrolments",
            "100000",
            "Maximum enrolments (number of positions) must be at most 999 "
            "(it is 100000).",
        ),
        (
            "maximum_enrolments",
            "0",
            "Maximum enrolments (number of positions) must be at least 1 (it is 0).",
        ),
        (
            "expected_duration_months",
            "-3",
            "Expected duration (months) must be at least 1 (it is -3).",
        ),
        ("contract_type", "full_time", "Choose a contract type from the list."),
        ("status", "closed", "Choose a status from the list."),
        ("wage_type", "piecework", "Choose a wage type from the list."),
        ("owner", "99999", "Choose an owner from the list."),
    ],
)
def test_field_message_names_field(
    admin_client, organisation, programme, contact, name, value, message
):
    response = post_job(admin_client, organisation, programme, contact, **{name: value})

    assert messages(response, name) == [message]
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("organisation", "Choose an organisation."),
        ("programme", "Choose an account programme."),
        ("contract_type", "Choose a contract type."),
        ("status", "Choose a status."),
        ("title", "Enter a title."),
    ],
)
def test_required_message_names_field(
    admin_client, organisation, programme, contact, name, message
):
    data = form_data(organisation, programme, contact)
    data[name] = ""

    response = admin_client.post("/jobs/new/", data)

    assert messages(response, name) == [message]


@pytest.mark.parametrize("postcode", ["NOT A CODE!!", "LS1", "x" * 100_000])
def test_bad_postcode_gets_postcode_message(
    admin_client, organisation, programme, contact, postcode
):
    response = post_job(
        admin_client, organisation, programme, contact, postcode=postcode
    )

    [error] = messages(response, "postcode")
    assert "is not a valid UK postcode" in error
    assert "Enter it in full, for example SW1A 1AA." in error
    assert len(error) < 200


def test_spaced_postcode_is_accepted(admin_client, organisation, programme, contact):
    response = post_job(
        admin_client, organisation, programme, contact, postcode="  ls1   6dt  "
    )

    assert response.status_code == 302
    assert Job.objects.get().postcode == "LS1 6DT"


def test_qualification_messages_name_field(
    admin_client, organisation, programme, contact
):
    changes = {
        "qualifications-0-type": "Diploma of nothing",
        "qualifications-0-subject": "s" * 101,
        "qualifications-0-weighting": "optional",
    }

    response = post_job(admin_client, organisation, programme, contact, **changes)

    page = response.content.decode()
    assert "Choose a type from the list." in page
    assert "Subject must be at most 100 characters (it has 101)." in page
    assert "Choose a weighting from the list." in page


def test_no_generic_django_message_on_page(
    admin_client, organisation, programme, contact
):
    data = form_data(organisation, programme, contact)
    data.update(
        {
            "organisation": "",
            "status": "",
            "title": "T" * 101,
            "address_line2": "x" * 101,
            "postcode": "NOT A CODE!!",
            "maximum_enrolments": "1000",
            "expected_duration_months": "0",
            "wage_type": "other",
            "qualifications-0-type": "Unknown",
            "qualifications-0-grade": "g" * 101,
        }
    )

    page = admin_client.post("/jobs/new/", data).content.decode()

    assert "There is a problem" in page
    for phrase in GENERIC_PHRASES:
        assert phrase not in page
