"""Too-long or malformed values get one message in our words, naming the field."""

import re

import pytest

from recruitment.learners.models import Learner

from .helpers import applicant, apply_url

pytestmark = pytest.mark.django_db

GENERIC_PHRASES = ("Ensure this value", "This field is required", "Select a valid")


def field_errors(response, name):
    """Return the error messages shown inside the field's own block."""
    page = response.content.decode()
    match = re.search(
        rf'<div class="field field-error" id="field-{name}">(.*?)</div>', page, re.S
    )
    if match is None:
        return []
    messages = re.findall(r'class="error-message"[^>]*>(.*?)</p>', match[1], re.S)
    return [re.sub(r"<span[^>]*>.*?</span>\s*", "", text).strip() for text in messages]


@pytest.mark.parametrize(
    ("name", "length", "message"),
    [
        ("first_name", 100_000, "Enter a first name of at most 100 characters."),
        ("last_name", 101, "Enter a last name of at most 100 characters."),
        ("phone", 21, "Enter a phone number of at most 20 characters."),
        ("address_line1", 101, "Enter an address line 1 of at most 100 characters."),
        ("address_line2", 101, "Enter an address line 2 of at most 100 characters."),
        ("town", 101, "Enter a town or city of at most 100 characters."),
    ],
)
def test_too_long_text_gets_plain_message(client, job, name, length, message):
    value = "1" * length if name == "phone" else "a" * length

    response = client.post(apply_url(job), applicant(**{name: value}))

    assert field_errors(response, name) == [message]
    assert Learner.objects.count() == 0


def test_too_long_email_gets_one_message(client, job):
    email = "e" * 100_000 + "@example.org"

    response = client.post(apply_url(job), applicant(email=email))

    assert field_errors(response, "email") == [
        "Enter an email address of at most 254 characters."
    ]


def test_malformed_email_gets_format_message(client, job):
    response = client.post(apply_url(job), applicant(email="jo.hughes"))

    assert field_errors(response, "email") == [
        "Enter an email address in the correct format, like name@example.com."
    ]


@pytest.mark.parametrize("postcode", ["NOT A CODE!!", "BS6", "x" * 100_000])
def test_bad_postcode_gets_postcode_message(client, job, postcode):
    response = client.post(apply_url(job), applicant(postcode=postcode))

    assert field_errors(response, "postcode") == [
        "Enter a real UK postcode, for example LS1 6DT."
    ]


def test_spaced_postcode_is_accepted(client, job):
    response = client.post(apply_url(job), applicant(postcode="  bs6   6aa  "))

    assert response.status_code == 302
    assert Learner.objects.get().postcode == "BS6 6AA"


def test_no_generic_django_message_on_page(client, job):
    data = applicant(
        first_name="a" * 101,
        last_name="b" * 101,
        email="e" * 300 + "@example.org",
        phone="1" * 21,
        town="t" * 101,
        postcode="NOT A CODE!!",
    )

    page = client.post(apply_url(job), data).content.decode()

    for phrase in GENERIC_PHRASES:
        assert phrase not in page
