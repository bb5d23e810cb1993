"""A form with problems: errors by each field, typed values kept, nothing made."""

import pytest

from recruitment.learners.models import Learner
from recruitment.tenancy.models import User

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url, stored_files

pytestmark = pytest.mark.django_db


def test_mandatory_fields_get_errors(client, job):
    response = client.post(
        apply_url(job), applicant(first_name="", last_name=" ", email="")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter your first name." in page
    assert "Enter your last name." in page
    assert "Enter your email address." in page
    assert not User.objects.filter(role=User.Role.LEARNER).exists()


def test_error_is_described_by_field(client, job):
    response = client.post(apply_url(job), applicant(email="not-an-email"))

    page = response.content.decode()
    assert 'id="id_email_error"' in page
    assert 'aria-describedby="id_email_helptext id_email_error"' in page
    assert 'aria-invalid="true"' in page
    assert '<a href="#id_email">' in page


def test_typed_values_stay_filled_in(client, job):
    response = client.post(apply_url(job), applicant(email="not-an-email"))

    page = response.content.decode()
    for value in ("Jo", "Hughes", "not-an-email", "07700 900123", "4 Mill Lane"):
        assert f'value="{value}"' in page
    assert 'value="bs6 6aa"' in page


def test_cv_must_be_chosen_again(client, job, cv_root):
    response = client.post(
        apply_url(job),
        applicant(email="", cv=upload("cv.pdf", make_pdf(), PDF_CONTENT_TYPE)),
    )

    page = response.content.decode()
    assert "choose your CV again" in page
    assert stored_files(cv_root) == []
    assert not Learner.objects.exists()


def test_no_cv_means_no_reminder(client, job):
    response = client.post(apply_url(job), applicant(email=""))

    assert "choose your CV again" not in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "12345", "Enter a real UK postcode"),
        ("phone", "call me", "Enter a phone number"),
        ("phone", "12", "Enter a phone number"),
        ("first_name", "Jo\x07", "Enter the first name on one line"),
        ("town", "Bris\ntol", "Enter the town or city on one line"),
        ("first_name", "J" * 101, "at most 100 characters"),
        ("email", "jo@@example.org", "Enter an email address in the correct format"),
    ],
)
def test_invalid_value_gets_field_error(client, job, field, value, message):
    response = client.post(apply_url(job), applicant(**{field: value}))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="field field-error" id="field-' + field + '"' in page
    assert message in page
    assert not Learner.objects.exists()


def test_nul_byte_in_field_is_rejected(client, job):
    response = client.post(apply_url(job), applicant(last_name="Hu\x00ghes"))

    assert response.status_code == 200
    assert "Enter the last name on one line" in response.content.decode()
    assert not Learner.objects.exists()
