"""The sandbox's Recruitment API over HTTP: the server started by the plugin."""

import copy
import datetime
import hashlib
import json
import sqlite3
import uuid

import httpx
import pytest

from .payloads import api_date, example_request, utc_today

ALREADY_SUBMITTED = "Unable to create Vacancy. Vacancy already submitted"
VALIDATION_TITLE = "One or more validation errors occurred."


def post_create(sandbox, body, *, vacancy_id=None, headers=None, content=None):
    vacancy_id = vacancy_id or uuid.uuid4()
    request_headers = sandbox.api_headers(**{"Content-Type": "application/json"})
    request_headers.update(headers or {})
    if content is None:
        content = json.dumps(body).encode()
    return httpx.post(
        f"{sandbox.base_url}/vacancy/{vacancy_id}",
        content=content,
        headers=request_headers,
        timeout=10,
    )


def relayed_errors(response) -> dict:
    """Decode an inner-validator response, which arrives as text or a JSON string."""
    payload = response.json()
    if isinstance(payload, str):
        payload = json.loads(payload)
    assert payload["title"] == VALIDATION_TITLE
    assert payload["status"] == 400
    return payload["errors"]


def with_change(path: str, value):
    """Return the example with one member replaced, named by a dotted path."""
    body = example_request()
    target = body
    *parents, name = path.split(".")
    for parent in parents:
        target = target[int(parent)] if parent.isdigit() else target[parent]
    if isinstance(target, list):
        target[int(name)] = value
    else:
        target[name] = value
    return body


# The example request


def test_example_request_accepted(sandbox):
    vacancy_id = uuid.uuid4()

    response = post_create(sandbox, example_request(), vacancy_id=vacancy_id)

    assert response.status_code == 201
    assert response.headers["Content-Type"].startswith("application/json")
    reference = response.json()["vacancyReference"]
    assert isinstance(reference, str)
    assert int(reference) >= 2_000_000_000
    creates = sandbox.received_creates(vacancy_id)
    assert [(entry["status"], entry["outcome"]) for entry in creates] == [
        (201, "created")
    ]


def test_example_with_dates_only(sandbox):
    today = utc_today()
    body = example_request(
        closingDate=(today + datetime.timedelta(days=7)).isoformat(),
        startDate=(today + datetime.timedelta(days=8)).isoformat(),
    )

    assert post_create(sandbox, body).status_code == 201


def test_names_case_insensitive(sandbox):
    body = example_request()
    body["TITLE"] = body.pop("title")
    body["wage"]["wageType"] = "fixedwage"
    body["applicationMethod"] = 1

    assert post_create(sandbox, body).status_code == 201


def test_numbers_as_strings_accepted(sandbox):
    body = example_request(numberOfPositions="2")
    body["wage"]["weeklyHours"] = "37.5"

    assert post_create(sandbox, body).status_code == 201


# Inner validator rules, one at a time

MIN_WAGE_37_5_HOURS = "Yearly wage must be at least £15,600"

RULES = [
    (
        "title",
        "Trainee chef",
        {
            "Title": [
                "Enter a title which includes the word 'apprentice' or 'apprenticeship'"
            ]
        },
    ),
    (
        "title",
        "Apprentice-chef",
        {
            "Title": [
                "Enter a title which includes the word 'apprentice' or 'apprenticeship'"
            ]
        },
    ),
    (
        "title",
        "Trainee chef apprentice {chef}",
        {"Title": ["Title contains some invalid characters"]},
    ),
    (
        "title",
        "Sandboxbannedword apprentice",
        {"Title": ["Title must not contain a banned word or phrase."]},
    ),
    (
        "numberOfPositions",
        0,
        {
            "NumberOfPositions": [
                "Enter the number of positions for this apprenticeship"
            ]
        },
    ),
    (
        "shortDescription",
        "Too short to describe the apprenticeship.",
        {
            "ShortDescription": [
                "Summary of the apprenticeship must be at least 50 characters"
            ]
        },
    ),
    (
        "shortDescription",
        "Learn to cook in a busy kitchen {with} a friendly team of chefs every day.",
        {
            "ShortDescription": [
                "Short description of the apprenticeship contains some invalid "
                "characters"
            ]
        },
    ),
    (
        "description",
        '<p class="x">Your daily tasks</p>',
        {
            "Description": [
                "What the apprentice will do at work contains some invalid characters"
            ]
        },
    ),
    (
        "outcomeDescription",
        "",
        None,  # outer [Required] fires first: checked separately
    ),
    (
        "wage.weeklyHours",
        15,
        {"Wage.WeeklyHours": ["The total hours a week must be at least 16"]},
    ),
    (
        "wage.weeklyHours",
        48.5,
        {"Wage.WeeklyHours": ["The total hours a week must not be more than 48"]},
    ),
    (
        "wage.duration",
        7,
        {"Wage.Duration": ["Expected duration must be at least 8 months"]},
    ),
    (
        "wage.fixedWageYearlyAmount",
        15599.99,
        {"Wage.FixedWageYearlyAmount": [MIN_WAGE_37_5_HOURS]},
    ),
    (
        "wage.fixedWageYearlyAmount",
        None,
        {"Wage.FixedWageYearlyAmount": [MIN_WAGE_37_5_HOURS]},
    ),
    (
        "wage.workingWeekDescription",
        "Monday to Friday ~ 9am to 5pm",
        {
            "Wage.WorkingWeekDescription": [
                "Working week details contains some invalid characters"
            ]
        },
    ),
    (
        "skills",
        [],
        {
            "Skills": [
                "Select the skills and personal qualities you'd like the applicant "
                "to have"
            ]
        },
    ),
    (
        "skills.0",
        "A skill that is much longer than thirty",
        {"Skills[0]": ["Skill or quality must not exceed 30 characters"]},
    ),
    (
        "skills.1",
        "Team <working>",
        {"Skills[1]": ["Skill contains some invalid characters"]},
    ),
    (
        "qualifications.0.qualificationType",
        "gcse",
        {"Qualifications[0].QualificationType": ["Invalid qualification type"]},
    ),
    (
        "qualifications.0.grade",
        "",
        {"Qualifications[0].Grade": ["Enter the grade"]},
    ),
    (
        "qualifications.0.qualificationType",
        "BTEC",
        {"Qualifications[0].Level": ["Select the BTEC level"]},
    ),
    (
        "qualifications.0.qualificationType",
        "Other",
        {
            "Qualifications[0].OtherQualificationName": [
                "Enter the name of the qualification"
            ]
        },
    ),
    (
        "qualifications.0.subject",
        "S" * 51,
        {
            "Qualifications[0].Subject": [
                "The qualification must not exceed 50 characters"
            ]
        },
    ),
    (
        "submitterContactDetails.email",
        "sam.taylor@example",
        {"Contact.Email": ["Email address must be in a valid format"]},
    ),
    (
        "submitterContactDetails.phone",
        "0113",
        {"Contact.Phone": ["Contact number must be more than 8 digits"]},
    ),
    (
        "submitterContactDetails.phone",
        "0113 496 0000 ext 5",
        {"Contact.Phone": ["Contact number contains some invalid characters"]},
    ),
    (
        "applicationUrl",
        "jobs.example.co.uk/apply",
        {"ApplicationUrl": ["Enter a valid website address"]},
    ),
    (
        "applicationUrl",
        "https://jobs example.co.uk",
        {"ApplicationUrl": ["Application website link must be a valid link"]},
    ),
    (
        "employerWebsiteUrl",
        "https://192.168.0.1/",
        {"EmployerWebsiteUrl": ["Enter a valid website address"]},
    ),
    (
        "address.addressLine1",
        "12 Market Street {rear}",
        {
            "EmployerLocations[0].addressLine1": [
                "address line 1 contains some invalid characters"
            ]
        },
    ),
    (
        "address.postcode",
        "NOT A POSTCODE",
        {"EmployerLocations[0].Postcode": ["'Postcode' is not in a valid format"]},
    ),
    (
        "standardLarsCode",
        "999999",
        {"standardLarsCode": ["Enter a valid training course"]},
    ),
    (
        "employerNameOption",
        "TradingName",
        {"alternativeEmployerName": ["Enter the trading name"]},
    ),
]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [rule for rule in RULES if rule[2] is not None],
    ids=[f"{rule[0]}={str(rule[1])[:20]}" for rule in RULES if rule[2] is not None],
)
def test_rule_broken_alone(sandbox, path, value, expected):
    response = post_create(sandbox, with_change(path, value))

    assert response.status_code == 400
    assert relayed_errors(response) == expected


def test_closing_date_too_soon(sandbox):
    body = example_request(
        closingDate=api_date(utc_today() + datetime.timedelta(days=6))
    )

    response = post_create(sandbox, body)

    assert relayed_errors(response) == {
        "ClosingDate": ["Closing date should be at least 7 days in the future."]
    }


def test_closing_date_seven_days_accepted(sandbox):
    body = example_request(
        closingDate=api_date(utc_today() + datetime.timedelta(days=7))
    )

    assert post_create(sandbox, body).status_code == 201


def test_start_date_same_day_as_closing(sandbox):
    body = example_request()
    body["startDate"] = body["closingDate"]

    response = post_create(sandbox, body)

    assert relayed_errors(response) == {
        "StartDate": [
            "Start date cannot be before the closing date. We advise using a date "
            "more than 14 days from now."
        ],
        "": ["The possible start date should be after the closing date"],
    }


def test_start_later_same_day_fails_date_check(sandbox):
    body = example_request()
    body["startDate"] = body["closingDate"].replace("T00:00:00Z", "T12:00:00Z")

    response = post_create(sandbox, body)

    assert relayed_errors(response) == {
        "": ["The possible start date should be after the closing date"]
    }


@pytest.mark.parametrize(
    ("hours", "duration", "required"),
    [(16, 14, 15), (20, 11, 12), (22, 10, 11), (25, 9, 10), (29, 8, 9)],
)
def test_part_time_duration(sandbox, hours, duration, required):
    body = example_request()
    body["wage"].update(
        weeklyHours=hours, duration=duration, wageType="CompetitiveSalary"
    )

    response = post_create(sandbox, body)

    assert relayed_errors(response) == {
        "Wage.Duration": [
            f"Duration of apprenticeship must be {required} months based on the "
            "number of hours per week entered"
        ]
    }

    body["wage"]["duration"] = required
    assert post_create(sandbox, body).status_code == 201


def test_duration_in_years_counts_eight_months(sandbox):
    body = example_request()
    body["wage"].update(
        weeklyHours=20, duration=1, durationUnit="Year", wageType="CompetitiveSalary"
    )

    response = post_create(sandbox, body)

    assert relayed_errors(response) == {
        "Wage.Duration": [
            "Duration of apprenticeship must be 12 months based on the number of "
            "hours per week entered"
        ]
    }


def test_minimum_wage_by_start_date(sandbox):
    body = example_request()
    body["wage"]["fixedWageYearlyAmount"] = 15600

    assert post_create(sandbox, body).status_code == 201


def test_all_failures_reported_together(sandbox):
    body = example_request(title="Trainee chef", numberOfPositions=0)
    body["wage"]["fixedWageYearlyAmount"] = 100

    errors = relayed_errors(post_create(sandbox, body))

    assert list(errors) == ["Title", "NumberOfPositions", "Wage.FixedWageYearlyAmount"]


def test_multiple_addresses_renamed(sandbox):
    address = {"addressLine1": "1 High Street", "postcode": "LS1 6DT"}
    body = example_request(multipleAddresses=[address, dict(address, postcode="")])
    body.pop("address")

    response = post_create(sandbox, body)

    # The outer API's [Required] on each address fires before the inner check.
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "MultipleAddresses[1].Postcode": ["The Postcode field is required."]
    }


def test_recruiting_nationally_details(sandbox):
    body = example_request(recruitingNationally=True)

    errors = relayed_errors(post_create(sandbox, body))

    assert errors == {
        "recruitingNationallyDetails": [
            "Add more information about where the apprentice will work"
        ]
    }


def test_through_faa_rejects_url(sandbox):
    body = example_request(applicationMethod="ThroughFindAnApprenticeship")

    errors = relayed_errors(post_create(sandbox, body))

    assert errors == {
        "ApplicationUrl": [
            "Application website link must be empty when apply through Find an "
            "apprenticeship service option is specified"
        ],
        "ApplicationInstructions": [
            "Application process must be empty when apply through Find an "
            "apprenticeship service option is specified"
        ],
    }


# Relayed body format


def test_relayed_text_plain_without_accept_json(sandbox):
    response = post_create(
        sandbox, example_request(title="Trainee chef"), headers={"Accept": "*/*"}
    )

    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert json.loads(response.text)["errors"]["Title"]


def test_relayed_json_string_with_accept_json(sandbox):
    response = post_create(sandbox, example_request(title="Trainee chef"))

    assert response.headers["Content-Type"].startswith("application/json")
    assert isinstance(response.json(), str)


# Outer API checks


def test_outer_required_field(sandbox):
    body = example_request()
    del body["standardLarsCode"]

    response = post_create(sandbox, body)

    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/problem+json")
    payload = response.json()
    assert payload["title"] == VALIDATION_TITLE
    assert payload["errors"] == {"ProgrammeId": ["The ProgrammeId field is required."]}
    assert payload["traceId"]


def test_outer_max_length(sandbox):
    response = post_create(sandbox, example_request(title="Apprentice " + "x" * 90))

    assert response.json()["errors"] == {
        "Title": [
            "The field Title must be a string or array type with a maximum length "
            "of '100'."
        ]
    }


def test_outer_max_length_counts_utf16(sandbox):
    title = "Apprentice " + "\U0001f373" * 45

    response = post_create(sandbox, example_request(title=title))

    assert "Title" in response.json()["errors"]


def test_bad_json(sandbox):
    response = post_create(sandbox, None, content=b'{"title": "Apprentice",')

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == ["$", "request"]


def test_wrong_json_type(sandbox):
    body = example_request()
    body["wage"]["weeklyHours"] = "lots"

    response = post_create(sandbox, body)

    assert response.status_code == 400
    assert response.json()["errors"]["$.wage.weeklyHours"] == [
        "The JSON value could not be converted to System.Decimal. "
        "Path: $.wage.weeklyHours."
    ]


def test_string_field_rejects_number(sandbox):
    response = post_create(sandbox, example_request(standardLarsCode=119))

    assert "$.standardLarsCode" in response.json()["errors"]


def test_question_pattern(sandbox):
    body = example_request(
        applicationMethod="ThroughFindAnApprenticeship",
        additionalQuestion1="Tell us why",
    )
    del body["applicationUrl"]
    del body["applicationInstructions"]

    response = post_create(sandbox, body)

    assert response.json()["errors"] == {"AdditionalQuestion1": ["Must include '?'"]}


def test_invalid_vacancy_id(sandbox):
    response = post_create(sandbox, example_request(), vacancy_id="not-a-guid")

    assert response.status_code == 400
    assert response.json()["errors"] == {"id": ["The value 'not-a-guid' is not valid."]}


def test_wrong_content_type(sandbox):
    response = post_create(
        sandbox, example_request(), headers={"Content-Type": "text/plain"}
    )

    assert response.status_code == 415


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("shortDescription", "Short Description"),
        ("description", "Description"),
        ("employerDescription", "Employer Description"),
        ("wage.CompanyBenefitsInformation", "Company Benefits Information"),
    ],
)
def test_outer_html_check(sandbox, path, key):
    body = with_change(path, "<p>Free meals on every shift for the whole team<p>")
    if path.startswith("wage."):
        body["wage"].pop("companyBenefitsInformation")

    response = post_create(sandbox, body)

    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["errors"] == {key: ["Malformed HTML: <p> is never closed."]}


def test_outer_html_messages_joined(sandbox):
    body = example_request(description="<script>x</script><li>item</li>")

    response = post_create(sandbox, body)

    assert response.json()["errors"] == {
        "Description": ["<script> tags are not allowed.; <li> must be inside <ul>."]
    }


@pytest.mark.parametrize("postcode", ["CF10 1EP", "EH1 1YZ", "BT1 5GS"])
def test_postcode_outside_england(sandbox, postcode):
    body = with_change("address.postcode", postcode)

    response = post_create(sandbox, body)

    assert response.status_code == 400
    assert response.json()["errors"] == {"Postcode": ["Postcode must be in England"]}


# Special ids and duplicates


def test_all_zero_id(sandbox):
    response = post_create(sandbox, example_request(), vacancy_id=uuid.UUID(int=0))

    assert response.status_code == 400
    assert response.json() == {"errors": [ALREADY_SUBMITTED]}


def test_all_ones_id(sandbox):
    response = post_create(
        sandbox,
        example_request(),
        vacancy_id="11111111-1111-1111-1111-111111111111",
    )

    assert response.status_code == 429
    assert response.json()["status"] == 429


def test_duplicate_id(sandbox):
    vacancy_id = uuid.uuid4()
    assert (
        post_create(sandbox, example_request(), vacancy_id=vacancy_id).status_code
        == 201
    )

    response = post_create(sandbox, example_request(), vacancy_id=vacancy_id)

    assert response.status_code == 400
    assert relayed_errors(response) == {"Id": [ALREADY_SUBMITTED]}
    assert len(sandbox.received_creates(vacancy_id)) == 2


def test_duplicate_id_invalid_body_reports_rules(sandbox):
    vacancy_id = uuid.uuid4()
    post_create(sandbox, example_request(), vacancy_id=vacancy_id)

    response = post_create(
        sandbox, example_request(title="Trainee chef"), vacancy_id=vacancy_id
    )

    assert list(relayed_errors(response)) == ["Title"]


# Keys and permissions


def test_missing_key(sandbox):
    response = post_create(
        sandbox, example_request(), headers={"Ocp-Apim-Subscription-Key": ""}
    )

    assert response.status_code == 401
    assert response.json() == {
        "statusCode": 401,
        "message": (
            "Access denied due to missing subscription key. Make sure to include "
            "subscription key when making requests to an API."
        ),
    }


def test_unknown_key(sandbox):
    response = post_create(
        sandbox, example_request(), headers={"Ocp-Apim-Subscription-Key": "wrong"}
    )

    assert response.status_code == 401
    assert "invalid subscription key" in response.json()["message"]


def test_missing_version(sandbox):
    response = httpx.get(
        f"{sandbox.base_url}/referencedata/skills",
        headers={"Ocp-Apim-Subscription-Key": sandbox.api_key},
    )

    assert response.status_code == 404
    assert response.json() == {"statusCode": 404, "message": "Resource not found"}


def test_legal_entity_not_permitted(sandbox):
    body = example_request()
    body["contractingParties"]["accountLegalEntityPublicHashedId"] = "ZZZ999"

    response = post_create(sandbox, body)

    assert response.status_code == 403
    payload = response.json()
    assert payload["title"] == "Forbidden"
    assert payload["status"] == 403


def test_legal_entity_case_insensitive(sandbox):
    body = example_request()
    body["contractingParties"]["accountLegalEntityPublicHashedId"] = "v7xj4m"

    assert post_create(sandbox, body).status_code == 201


def test_unregistered_provider(sandbox):
    body = example_request()
    body["contractingParties"]["ukprn"] = 10099999

    response = post_create(sandbox, body)

    assert response.status_code == 404
    assert response.content == b""


def test_second_key_sees_own_entities(sandbox):
    sandbox.add_key("second-key-4d2", 10054321, "K9PQ2R:North Bay Garage Ltd")
    sandbox.add_key("second-key-4d2", 10054321, "K9PQ2R:North Bay Garage Ltd")
    headers = sandbox.api_headers(**{"Ocp-Apim-Subscription-Key": "second-key-4d2"})

    response = httpx.get(f"{sandbox.base_url}/accountlegalentities", headers=headers)

    entities = response.json()["accountLegalEntities"]
    assert [entity["accountLegalEntityPublicHashedId"] for entity in entities] == [
        "K9PQ2R"
    ]
    body = example_request()
    body["contractingParties"] = {
        "accountLegalEntityPublicHashedId": "K9PQ2R",
        "ukprn": 10054321,
    }
    assert post_create(sandbox, body, headers=headers).status_code == 201
    assert post_create(sandbox, example_request(), headers=headers).status_code == 403


def test_keys_stored_hashed(sandbox):
    database = sandbox.environment["SANDBOX_DATABASE"]
    with sqlite3.connect(database) as connection:
        stored = [
            row[0]
            for row in connection.execute(
                "SELECT key_sha256 FROM sandbox_adverts_apikey"
            )
        ]

    assert sandbox.api_key not in stored
    assert hashlib.sha256(sandbox.api_key.encode()).hexdigest() in stored


def test_add_key_output_hides_key(sandbox):
    output = sandbox.add_key(
        "third-key-8c1", 10012345, "V7XJ4M:Harbour Lane Bakery Ltd"
    )

    assert "third-key-8c1" not in output
    assert "UKPRN 10012345" in output


# Reference data


def test_courses(sandbox):
    response = httpx.get(
        f"{sandbox.base_url}/referencedata/courses", headers=sandbox.api_headers()
    )

    courses = response.json()["trainingCourses"]
    assert len(courses) == 189
    assert {
        "larsCode": 93,
        "title": "Commis chef (level 2)",
        "route": "Catering and hospitality",
        "type": "Apprenticeship",
    } in courses


def test_courses_bad_ukprn(sandbox):
    response = httpx.get(
        f"{sandbox.base_url}/referencedata/courses",
        params={"ukprn": "abc"},
        headers=sandbox.api_headers(),
    )

    assert response.status_code == 400


def test_skills(sandbox):
    response = httpx.get(
        f"{sandbox.base_url}/referencedata/skills", headers=sandbox.api_headers()
    )

    skills = response.json()["candidateSkills"]
    assert skills[0] == "Communication skills"
    assert skills[-1] == "Physical fitness"


def test_qualifications(sandbox):
    response = httpx.get(
        f"{sandbox.base_url}/referencedata/qualifications",
        headers=sandbox.api_headers(),
    )

    assert response.json() == {
        "qualifications": ["GCSE", "A Level", "T Level", "BTEC", "Degree", "Other"]
    }


def test_reference_data_needs_key(sandbox):
    response = httpx.get(
        f"{sandbox.base_url}/referencedata/qualifications",
        headers={"X-Version": "1"},
    )

    assert response.status_code == 401


def test_create_is_post_only(sandbox):
    response = httpx.get(
        f"{sandbox.base_url}/vacancy/{uuid.uuid4()}", headers=sandbox.api_headers()
    )

    assert response.status_code == 405


# Public pages


def test_pages_show_accepted_advert(sandbox):
    body = example_request(title="Pastry chef apprentice")
    reference = post_create(sandbox, body).json()["vacancyReference"]

    listing = httpx.get(sandbox.site_url + "/")
    assert listing.status_code == 200
    assert "Pastry chef apprentice" in listing.text
    assert f'href="/apprenticeship/VAC{reference}"' in listing.text
    assert "Harbour Lane Bakery Ltd" in listing.text
    assert "£17,500 a year" in listing.text

    advert = httpx.get(f"{sandbox.site_url}/apprenticeship/VAC{reference}")
    assert advert.status_code == 200
    assert "<h1>Pastry chef apprentice</h1>" in advert.text
    assert "37.5" in advert.text
    assert "<li>preparing ingredients</li>" in advert.text
    assert (
        '<a class="button" href="https://jobs.example.co.uk/apply/chef-apprentice">'
        "Apply</a>"
    ) in advert.text


def test_page_wage_type_in_words(sandbox):
    body = example_request(title="Baker apprentice")
    body["wage"] = dict(body["wage"], wageType="NationalMinimumWageForApprentices")
    reference = post_create(sandbox, body).json()["vacancyReference"]

    advert = httpx.get(f"{sandbox.site_url}/apprenticeship/VAC{reference}")

    assert "National Minimum Wage for apprentices" in advert.text


def test_page_escapes_text(sandbox):
    body = copy.deepcopy(example_request())
    body["applicationInstructions"] = 'Apply & attach "CV"'
    reference = post_create(sandbox, body).json()["vacancyReference"]

    advert = httpx.get(f"{sandbox.site_url}/apprenticeship/VAC{reference}")

    assert "Apply &amp; attach &quot;CV&quot;" in advert.text


def test_unknown_advert_page(sandbox):
    assert httpx.get(f"{sandbox.site_url}/apprenticeship/VAC1").status_code == 404


def test_loopback_application_url_accepted(sandbox):
    body = example_request(applicationUrl="http://127.0.0.1:8000/apply/3f9c2a")

    assert post_create(sandbox, body).status_code == 201
