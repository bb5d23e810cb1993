import pytest

from recruitment.nas.errors import NON_FIELD
from recruitment.nas.field_names import job_field_for_api_key, map_api_errors


@pytest.mark.parametrize(
    ("api_key", "field"),
    [
        ("Title", "title"),
        ("title", "title"),
        ("ShortDescription", "description"),
        ("Short Description", "description"),
        ("Description", "description"),
        ("NumberOfPositions", "maximum_enrolments"),
        ("ClosingDate", "closing_date"),
        ("StartDate", "expected_start_date"),
        ("", "expected_start_date"),
        ("Wage.WeeklyHours", "hours_per_week"),
        ("$.wage.weeklyHours", "hours_per_week"),
        ("Wage.Duration", "expected_duration_months"),
        ("Wage.FixedWageYearlyAmount", "fixed_wage_yearly_amount"),
        ("Wage.WageType", "wage_type"),
        ("Wage.WorkingWeekDescription", "working_hours"),
        ("address.postcode", "postcode"),
        ("Postcode", "postcode"),
        ("EmployerLocations[0].postcode", "postcode"),
        ("EmployerLocations[0].Postcode", "postcode"),
        ("address.addressLine1", "address_line1"),
        ("EmployerLocations[0].addressLine1", "address_line1"),
        ("address.addressLine2", "address_line2"),
        ("EmployerLocations[0].addressLine3", "address_line3"),
        ("Address.AddressLine4", "address_line4"),
        ("EmployerLocations", "address_line1"),
        ("standardLarsCode", "training_code"),
        ("ProgrammeId", "training_code"),
        ("Skills", "desired_skills"),
        ("Skills[2]", "desired_skills"),
        ("Qualifications[0].Subject", "qualifications.0.subject"),
        ("Qualifications[1].Grade", "qualifications.1.grade"),
        ("Qualifications[0].QualificationType", "qualifications.0.type"),
        ("Qualifications[0].Weighting", "qualifications.0.weighting"),
        ("Qualifications[0].Level", "qualifications.0.level"),
        ("Qualifications[2].OtherQualificationName", "qualifications.2.other_name"),
        ("$.qualifications[1].otherQualificationName", "qualifications.1.other_name"),
        ("Qualifications[0].Awarder", "qualifications.0"),
        ("OutcomeDescription", "future_prospects"),
        ("Outcome Description", "future_prospects"),
        ("TrainingDescription", "training_to_be_provided"),
        ("EmployerDescription", "employer_description"),
        ("Employer Description", "employer_description"),
        ("EmployerWebsiteUrl", "web_address"),
        ("Contact.Email", "contact.email"),
        ("Contact.Name", "contact.name"),
        ("Contact.Phone", "contact.phone"),
        ("submitterContactDetails.email", "contact.email"),
        ("SubmitterContactDetails.Phone", "contact.phone"),
        ("SubmitterContactDetails", "contact"),
        (
            "contractingParties.accountLegalEntityPublicHashedId",
            "organisation.legal_entity_id",
        ),
        ("$.qualifications[0].subject", "qualifications.0.subject"),
    ],
)
def test_api_key_maps_to_job_field(api_key, field):
    assert job_field_for_api_key(api_key) == field


@pytest.mark.parametrize(
    "api_key", ["Id", "ApplicationUrl", "Company Benefits Information", "$", "request"]
)
def test_api_key_without_job_field(api_key):
    assert job_field_for_api_key(api_key) is None


def test_unknown_key_kept_in_message():
    field_errors = map_api_errors([("ApplicationUrl", "Enter a valid website address")])

    assert field_errors == [
        (NON_FIELD, "ApplicationUrl: Enter a valid website address")
    ]


def test_message_without_key_is_non_field():
    field_errors = map_api_errors([(None, "Account Identifier is not valid.")])

    assert field_errors == [(NON_FIELD, "Account Identifier is not valid.")]
