"""A qualification's BTEC level and Other name on the job form, check and profile."""

import html
import re

from recruitment.jobs.models import Job

from .conftest import form_data
from .test_form_values import field_errors


def btec_and_other(**changes):
    """Return form changes for a BTEC row and an Other row."""
    values = {
        "qualifications-0-type": "BTEC",
        "qualifications-0-subject": "Engineering",
        "qualifications-0-grade": "Merit",
        "qualifications-0-weighting": "essential",
        "qualifications-0-level": "3",
        "qualifications-0-other_name": "",
        "qualifications-1-type": "Other",
        "qualifications-1-subject": "Food safety",
        "qualifications-1-grade": "Pass",
        "qualifications-1-weighting": "desired",
        "qualifications-1-level": "",
        "qualifications-1-other_name": "Level 2 Food Hygiene Certificate",
    }
    values.update(changes)
    return values


def label_of(page, name):
    match = re.search(
        rf'id="field-{re.escape(name)}">\s*<label[^>]*>(.*?)</label>', page, re.DOTALL
    )
    assert match is not None, name
    return match[1]


def test_level_and_name_stored(admin_client, organisation, programme, contact):
    data = form_data(organisation, programme, contact, **btec_and_other())

    response = admin_client.post("/jobs/new/", data)

    assert response.status_code == 302
    assert Job.objects.get().qualifications == [
        {
            "type": "BTEC",
            "subject": "Engineering",
            "grade": "Merit",
            "weighting": "essential",
            "level": 3,
        },
        {
            "type": "Other",
            "subject": "Food safety",
            "grade": "Pass",
            "weighting": "desired",
            "other_name": "Level 2 Food Hygiene Certificate",
        },
    ]


def test_blank_level_and_name_not_stored(
    admin_client, organisation, programme, contact
):
    data = form_data(organisation, programme, contact)
    data["qualifications-0-level"] = ""
    data["qualifications-0-other_name"] = "  "

    admin_client.post("/jobs/new/", data)

    [item] = Job.objects.get().qualifications
    assert "level" not in item
    assert "other_name" not in item


def test_level_out_of_range_rejected(admin_client, organisation, programme, contact):
    changes = btec_and_other(**{"qualifications-0-level": "8"})
    data = form_data(organisation, programme, contact, **changes)

    response = admin_client.post("/jobs/new/", data)

    assert not Job.objects.exists()
    [error] = field_errors(response, "qualifications-0-level")
    assert "BTEC level must be at most 7 (it is 8)." in error


def test_level_not_a_number_rejected(admin_client, organisation, programme, contact):
    changes = btec_and_other(**{"qualifications-0-level": "three"})
    data = form_data(organisation, programme, contact, **changes)

    response = admin_client.post("/jobs/new/", data)

    assert not Job.objects.exists()
    [error] = field_errors(response, "qualifications-0-level")
    assert "BTEC level must be a whole number from 1 to 7." in error


def test_name_with_invalid_characters_rejected(
    admin_client, organisation, programme, contact
):
    changes = btec_and_other(**{"qualifications-1-other_name": "Food {hygiene}"})
    data = form_data(organisation, programme, contact, **changes)

    response = admin_client.post("/jobs/new/", data)

    assert not Job.objects.exists()
    errors = field_errors(response, "qualifications-1-other_name")
    assert len(errors) == 1
    assert '"{", "}"' in html.unescape(errors[0])


def test_name_over_limit_rejected(admin_client, organisation, programme, contact):
    changes = btec_and_other(**{"qualifications-1-other_name": "n" * 101})
    data = form_data(organisation, programme, contact, **changes)

    response = admin_client.post("/jobs/new/", data)

    assert not Job.objects.exists()
    [error] = field_errors(response, "qualifications-1-other_name")
    assert "at most 100 characters" in error


def test_rejected_form_keeps_level_and_name(
    admin_client, organisation, programme, contact
):
    data = form_data(organisation, programme, contact, **btec_and_other())
    data["title"] = "Trainee Chef"

    response = admin_client.post("/jobs/new/", data)

    page = response.content.decode()
    assert "There is a problem" in page
    assert 'name="qualifications-0-level" value="3"' in page
    assert 'value="Level 2 Food Hygiene Certificate"' in page


def test_marks_follow_the_row_type(admin_client, organisation, programme, contact):
    data = form_data(organisation, programme, contact, **btec_and_other())
    data["title"] = "Trainee Chef"

    page = admin_client.post("/jobs/new/", data).content.decode()

    assert "(M)" in label_of(page, "qualifications-0-level")
    assert "(M)" not in label_of(page, "qualifications-0-other_name")
    assert "(M)" not in label_of(page, "qualifications-1-level")
    assert "(M)" in label_of(page, "qualifications-1-other_name")


def test_no_marks_when_not_apprenticeship(
    admin_client, organisation, programme, contact
):
    changes = btec_and_other(contract_type="permanent", title="Trainee Chef")
    data = form_data(organisation, programme, contact, **changes)
    data["postcode"] = "not a postcode"

    page = admin_client.post("/jobs/new/", data).content.decode()

    assert "There is a problem" in page
    assert "(M)" not in label_of(page, "qualifications-0-level")
    assert "(M)" not in label_of(page, "qualifications-1-other_name")


def test_edit_form_shows_stored_values(admin_client, make_job):
    job = make_job(
        qualifications=[
            {
                "type": "BTEC",
                "subject": "Engineering",
                "grade": "Merit",
                "weighting": "essential",
                "level": 4,
            }
        ]
    )

    page = admin_client.get(f"/jobs/{job.pk}/edit/").content.decode()

    assert 'name="qualifications-0-level" value="4"' in page
    assert "(M)" in label_of(page, "qualifications-0-level")


def test_check_links_to_level_and_name(admin_client, make_job):
    job = make_job(
        qualifications=[
            {"type": "BTEC", "subject": "Engineering", "grade": "Merit"},
            {"type": "Other", "subject": "Food safety", "grade": "Pass"},
        ]
    )

    response = admin_client.get(f"/jobs/{job.pk}/check/")

    page = html.unescape(response.content.decode())
    edit = f"/jobs/{job.pk}/edit/"
    assert f'href="{edit}#field-qualifications-0-level"' in page
    assert "Qualification 1, BTEC level</a>" in page
    assert f'href="{edit}#field-qualifications-1-other_name"' in page
    assert "Qualification 2, name of the qualification</a>" in page


def test_profile_shows_level_and_name(admin_client, make_job):
    job = make_job(
        qualifications=[
            {
                "type": "BTEC",
                "subject": "Engineering",
                "grade": "Merit",
                "weighting": "essential",
                "level": 3,
            },
            {
                "type": "Other",
                "subject": "Food safety",
                "grade": "Pass",
                "weighting": "desired",
                "other_name": "Food Hygiene Certificate",
            },
        ]
    )

    page = admin_client.get(f"/jobs/{job.pk}/").content.decode()

    assert "BTEC level 3 Engineering, grade Merit (essential)" in page
    assert "Other (Food Hygiene Certificate) Food safety, grade Pass (desired)" in page
