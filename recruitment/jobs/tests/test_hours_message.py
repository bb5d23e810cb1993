"""The hours per week message mentions a comma only when one was typed."""

import pytest

from recruitment.jobs.models import Job

from .test_form_values import field_errors, post_job

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["abc", "1e3", "٣٧", "37.5h", "NaN", "37 hours"])
def test_unreadable_hours_message_has_no_comma(
    admin_client, organisation, programme, contact, typed
):
    response = post_job(
        admin_client, organisation, programme, contact, hours_per_week=typed
    )

    [error] = field_errors(response, "hours_per_week")
    assert not Job.objects.exists()
    assert "Enter hours per week as a number" in error
    assert "digits 0 to 9" in error
    assert "comma" not in error
    assert "37,5" not in error


@pytest.mark.parametrize("typed", ["37,5", "1,000", "37,"])
def test_hours_with_comma_mention_comma(
    admin_client, organisation, programme, contact, typed
):
    response = post_job(
        admin_client, organisation, programme, contact, hours_per_week=typed
    )

    [error] = field_errors(response, "hours_per_week")
    assert not Job.objects.exists()
    assert "full stop for decimals, for example 37.5" in error
    assert "A comma is not read as a decimal point." in error
