"""The public page of a job: key details, the form, and who can reach it."""

import datetime
import re

import pytest
from django.urls import reverse

from recruitment.jobs.models import Job

from .helpers import apply_url, london_today, make_job

pytestmark = pytest.mark.django_db


def test_page_needs_no_sign_in(client, job):
    response = client.get(apply_url(job))

    assert response.status_code == 200
    assert b'<form method="post" enctype="multipart/form-data"' in response.content


def test_page_shows_key_details(client, job):
    job.closing_date = datetime.date(2099, 6, 30)
    job.save()

    page = client.get(apply_url(job)).content.decode()

    assert "Plumbing Apprentice" in page
    assert "Harbour Lane Bakery Ltd" in page
    assert "12 Harbour Road, Bristol, BS1 5TR" in page
    assert "£18,500.00 a year" in page
    assert "<dd>37.5</dd>" in page
    assert "30 June 2099" in page
    assert "Learn plumbing on real sites" in page


def test_page_shows_wage_type_in_words(client, tenant, programme, organisation):
    job = make_job(
        tenant,
        programme,
        organisation,
        wage_type=Job.WageType.NATIONAL_MINIMUM_WAGE_FOR_APPRENTICES,
        fixed_wage_yearly_amount=None,
    )

    page = client.get(apply_url(job)).content.decode()

    assert "National Minimum Wage for apprentices" in page


def test_page_shows_tenant_name(client, job):
    page = client.get(apply_url(job)).content.decode()

    assert "Harbour College" in page


def test_unknown_key_gets_404(client, job):
    response = client.get(reverse("applications:apply", args=["no-such-key"]))

    assert response.status_code == 404


def test_database_id_is_not_a_key(client, job):
    response = client.get(reverse("applications:apply", args=[str(job.pk)]))

    assert response.status_code == 404


def test_outsider_gets_404_for_unknown_key(outsider_client, job):
    response = outsider_client.post(
        reverse("applications:apply", args=[job.public_key + "x"]), {}
    )

    assert response.status_code == 404


def test_any_contract_type_takes_applications(client, tenant, programme, organisation):
    job = make_job(
        tenant, programme, organisation, contract_type=Job.ContractType.PERMANENT
    )

    page = client.get(apply_url(job)).content.decode()

    assert "Send application" in page


def test_form_states_cv_types_and_limit(client, job):
    page = client.get(apply_url(job)).content.decode()

    assert "PDF, Word (DOCX or DOC), OpenDocument text (ODT), RTF or TXT" in page
    assert "up to 5 MB" in page
    assert 'accept=".pdf,.docx,.doc,.odt,.rtf,.txt"' in page


def test_form_states_limit_from_settings(client, job, settings):
    settings.CV_MAX_BYTES = 2 * 1024 * 1024

    page = client.get(apply_url(job)).content.decode()

    assert "up to 2 MB" in page


@pytest.mark.parametrize(
    ("name", "autocomplete"),
    [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("email", "email"),
        ("phone", "tel"),
        ("address_line1", "address-line1"),
        ("address_line2", "address-line2"),
        ("town", "address-level2"),
        ("postcode", "postal-code"),
    ],
)
def test_fields_have_labels_and_autocomplete(client, job, name, autocomplete):
    page = client.get(apply_url(job)).content.decode()

    assert f'<label for="id_{name}">' in page
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)[0]
    assert f'autocomplete="{autocomplete}"' in tag


def test_input_modes_suit_phones(client, job):
    page = client.get(apply_url(job)).content.decode()

    email = re.search(r'<input[^>]*name="email"[^>]*>', page)[0]
    phone = re.search(r'<input[^>]*name="phone"[^>]*>', page)[0]
    assert 'type="email"' in email
    assert 'inputmode="email"' in email
    assert 'type="tel"' in phone
    assert 'inputmode="tel"' in phone


def test_mandatory_fields_are_marked(client, job):
    page = client.get(apply_url(job)).content.decode()

    for label in ("First name", "Last name", "Email address"):
        assert f'{label} <span class="required">(required)</span>' in page
    assert 'Phone number <span class="required">' not in page


def test_honeypot_is_hidden_from_people(client, job):
    page = client.get(apply_url(job)).content.decode()

    wrapper = re.search(
        r'<div class="honeypot" aria-hidden="true">.*?</div>', page, re.S
    )
    assert wrapper is not None
    tag = re.search(r'<input[^>]*name="website"[^>]*>', wrapper[0])[0]
    assert 'tabindex="-1"' in tag
    assert 'autocomplete="off"' in tag


def test_closing_today_still_takes_applications(client, job):
    job.closing_date = london_today()
    job.save()

    page = client.get(apply_url(job)).content.decode()

    assert "Send application" in page
    assert "This job is closed" not in page
