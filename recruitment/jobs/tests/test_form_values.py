"""Values the job form rejects at save, with the message next to the field."""

import re
from decimal import Decimal

import pytest

from recruitment.jobs.models import Job

from .conftest import form_data


def post_job(client, organisation, programme, contact, **changes):
    return client.post(
        "/jobs/new/", form_data(organisation, programme, contact, **changes)
    )


def field_errors(response, name):
    """Return the error messages shown inside the field's own block."""
    page = response.content.decode()
    match = re.search(
        rf'<div class="field field-error" id="field-{re.escape(name)}">(.*?)</div>',
        page,
        re.DOTALL,
    )
    if match is None:
        return []
    return re.findall(r'class="error-message"[^>]*>(.*?)</p>', match[1], re.DOTALL)


# Postcodes


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("  SW1A 1AA ", "SW1A 1AA"),
        ("ec1a 1bb", "EC1A 1BB"),
        ("GIR0AA", "GIR 0AA"),
        ("m1 1ae", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
    ],
)
def test_postcode_variants_stored_normalised(
    admin_client, organisation, programme, contact, typed, stored
):
    response = post_job(admin_client, organisation, programme, contact, postcode=typed)

    assert response.status_code == 302
    assert Job.objects.get().postcode == stored


@pytest.mark.parametrize("typed", ["SW1A", "12345", "SW1A 1A", "QQ1 1AA"])
def test_malformed_postcode_rejected(
    admin_client, organisation, programme, contact, typed
):
    response = post_job(admin_client, organisation, programme, contact, postcode=typed)

    assert response.status_code == 200
    assert not Job.objects.exists()
    errors = field_errors(response, "postcode")
    assert len(errors) == 1
    assert "not a valid UK postcode" in errors[0]


# Pasted text


def test_control_characters_rejected(admin_client, organisation, programme, contact):
    description = (
        "We\u2019re looking for a \u201cbaker\u201d \u2013 early starts\x0b and a "
        "ringing\x07 oven timer every morning in the bakery."
    )

    response = post_job(
        admin_client, organisation, programme, contact, description=description
    )

    assert not Job.objects.exists()
    errors = field_errors(response, "description")
    assert len(errors) == 1
    assert "control characters" in errors[0]
    assert "U+000B" in errors[0]
    assert "U+0007" in errors[0]


def test_curly_quotes_and_dashes_kept(admin_client, organisation, programme, contact):
    description = (
        "We\u2019re looking for a \u201cbaker\u201d \u2013 early starts, fresh bread "
        "and a friendly team in the bakery."
    )

    response = post_job(
        admin_client, organisation, programme, contact, description=description
    )

    assert response.status_code == 302
    assert Job.objects.get().description == description


def test_html_tag_not_accepted_rejected(admin_client, organisation, programme, contact):
    description = (
        "<b>Great</b> opportunity to learn baking in a family bakery with two shops "
        "in Leeds."
    )

    response = post_job(
        admin_client, organisation, programme, contact, description=description
    )

    assert not Job.objects.exists()
    errors = field_errors(response, "description")
    assert len(errors) == 1
    assert "Tag &lt;b&gt; is not allowed" in errors[0]


def test_tilde_rejected_for_apprenticeship(
    admin_client, organisation, programme, contact
):
    description = (
        "Learn to bake ~ bread and pastries in a busy family bakery while training "
        "towards a qualification."
    )

    response = post_job(
        admin_client, organisation, programme, contact, description=description
    )

    assert not Job.objects.exists()
    errors = field_errors(response, "description")
    assert len(errors) == 1
    assert "does not accept" in errors[0]
    assert "&quot;~&quot;" in errors[0]


def test_allowed_tags_accepted(admin_client, organisation, programme, contact):
    description = (
        "<p>Your tasks:</p><ul><li>mixing dough</li><li>baking bread</li></ul>"
        "<p>Early starts.<br>Friendly team.</p>"
    )

    response = post_job(
        admin_client, organisation, programme, contact, description=description
    )

    assert response.status_code == 302


def test_description_over_350_rejected(admin_client, organisation, programme, contact):
    # 175 emoji count as 350 UTF-16 code units; one more letter makes 351.
    description = "\U0001f35e" * 175 + "a"

    response = post_job(
        admin_client, organisation, programme, contact, description=description
    )

    errors = field_errors(response, "description")
    assert len(errors) == 1
    assert "at most 350 characters" in errors[0]
    assert "it has 351" in errors[0]


def test_free_text_field_rejects_braces(admin_client, organisation, programme, contact):
    response = post_job(
        admin_client,
        organisation,
        programme,
        contact,
        working_hours="Monday to Friday {9am to 5pm}",
    )

    errors = field_errors(response, "working_hours")
    assert len(errors) == 1
    assert "&quot;{&quot;, &quot;}&quot;" in errors[0]


# Titles


@pytest.mark.parametrize(
    "title", ["Plumbing Apprentice", "APPRENTICESHIP in Accounting"]
)
def test_title_with_word_accepted(
    admin_client, organisation, programme, contact, title
):
    response = post_job(admin_client, organisation, programme, contact, title=title)

    assert response.status_code == 302
    assert Job.objects.get().title == title


@pytest.mark.parametrize(
    "title",
    [
        "Apprentice-Electrician Level 3",
        "Apprentices wanted: Retail",
        "(Apprenticeship) Dental Nurse",
        "Apprenticeship: Dental Nurse",
        "Trainee Chef",
        "Pre-apprenticeship Chef",
    ],
)
def test_title_without_word_rejected(
    admin_client, organisation, programme, contact, title
):
    response = post_job(admin_client, organisation, programme, contact, title=title)

    assert not Job.objects.exists()
    errors = field_errors(response, "title")
    assert len(errors) == 1
    assert "the word &#x27;apprentice&#x27; or &#x27;apprenticeship&#x27;" in errors[0]


def test_title_rule_only_for_apprenticeships(
    admin_client, organisation, programme, contact
):
    response = post_job(
        admin_client,
        organisation,
        programme,
        contact,
        title="Trainee Chef",
        contract_type="permanent",
    )

    assert response.status_code == 302


# Dates


@pytest.mark.parametrize("start", ["2027-06-30", "2027-06-29"])
def test_start_not_after_closing_rejected(
    admin_client, organisation, programme, contact, start
):
    response = post_job(
        admin_client,
        organisation,
        programme,
        contact,
        closing_date="2027-06-30",
        expected_start_date=start,
    )

    assert not Job.objects.exists()
    errors = field_errors(response, "expected_start_date")
    assert len(errors) == 1
    assert "must be after the closing date (30/06/2027)" in errors[0]


def test_start_day_after_closing_accepted(
    admin_client, organisation, programme, contact
):
    response = post_job(
        admin_client,
        organisation,
        programme,
        contact,
        closing_date="2027-06-30",
        expected_start_date="2027-07-01",
    )

    assert response.status_code == 302


def test_closing_moved_past_start_rejected_on_edit(
    admin_client, organisation, programme, contact
):
    post_job(
        admin_client,
        organisation,
        programme,
        contact,
        closing_date="2027-06-30",
        expected_start_date="2027-07-01",
    )
    job = Job.objects.get()

    response = admin_client.post(
        f"/jobs/{job.pk}/edit/",
        form_data(
            organisation,
            programme,
            contact,
            closing_date="2027-07-05",
            expected_start_date="2027-07-01",
        ),
    )

    job.refresh_from_db()
    assert response.status_code == 200
    assert str(job.closing_date) == "2027-06-30"
    assert len(field_errors(response, "expected_start_date")) == 1


# Hours


@pytest.mark.parametrize(
    ("typed", "stored"), [("16", "16"), ("48", "48"), ("37.5", "37.5")]
)
def test_hours_in_range_accepted(
    admin_client, organisation, programme, contact, typed, stored
):
    response = post_job(
        admin_client, organisation, programme, contact, hours_per_week=typed
    )

    assert response.status_code == 302
    assert Job.objects.get().hours_per_week.normalize() == Decimal(stored)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("15.99", "between 16 and 48"),
        ("48.01", "between 16 and 48"),
        ("0", "between 16 and 48"),
        ("-20", "between 16 and 48"),
        ("abc", "as a number"),
        ("37,5", "full stop for decimals"),
    ],
)
def test_hours_invalid_rejected(
    admin_client, organisation, programme, contact, typed, message
):
    response = post_job(
        admin_client, organisation, programme, contact, hours_per_week=typed
    )

    assert not Job.objects.exists()
    errors = field_errors(response, "hours_per_week")
    assert len(errors) == 1
    assert message in errors[0]


def test_blank_hours_required_by_check(job, admin_client):
    job.hours_per_week = None
    job.save()

    response = admin_client.get(f"/jobs/{job.pk}/check/")

    assert "Enter the hours per week" in response.content.decode()


# Skills


def test_skill_over_30_characters_rejected(
    admin_client, organisation, programme, contact
):
    response = post_job(
        admin_client,
        organisation,
        programme,
        contact,
        desired_skills="Team working\nA very long skill of over thirty characters",
    )

    assert not Job.objects.exists()
    errors = field_errors(response, "desired_skills")
    assert len(errors) == 1
    assert "Line 2" in errors[0]
    assert "at most 30 characters" in errors[0]


# Everything typed is kept


def test_rejected_form_keeps_typed_values(
    admin_client, organisation, programme, contact
):
    response = post_job(
        admin_client,
        organisation,
        programme,
        contact,
        hours_per_week="37,5",
        title="Trainee Chef",
        working_hours="Early starts, 6am to 2pm",
        desired_skills="Team working\nPatience",
    )

    page = response.content.decode()
    assert 'value="37,5"' in page
    assert 'value="Trainee Chef"' in page
    assert 'value="Early starts, 6am to 2pm"' in page
    assert "Team working\nPatience</textarea>" in page
    assert 'name="qualifications-0-subject" value="English"' in page
    assert "There is a problem" in page


def test_qualification_subject_checked(admin_client, organisation, programme, contact):
    data = form_data(organisation, programme, contact)
    data["qualifications-0-subject"] = "English {literature}"

    response = admin_client.post("/jobs/new/", data)

    assert not Job.objects.exists()
    errors = field_errors(response, "qualifications-0-subject")
    assert len(errors) == 1
