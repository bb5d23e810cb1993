"""Our advert rules and the sandbox's checks give the same verdicts.

Each example goes through `rules.check_job` (with the government's duration
rule, which the live API uses) and, as a request body, through the sandbox
server over HTTP. Where the API would accept what we reject, the product is
stricter on purpose (at least one qualification). The reverse, an advert we
pass that the API rejects, must never happen.
"""

import datetime
import uuid
from decimal import Decimal

import pytest

from recruitment.jobs.rules import GOVERNMENT_RULE, check_job
from recruitment.nas.body import build_vacancy_body
from recruitment.nas.client import RecruitmentApiClient
from recruitment.nas.errors import ValidationFailed
from recruitment.nas.tests.sample_job import sample_job

TODAY = datetime.datetime.now(datetime.UTC).date()
DAY = datetime.timedelta(days=1)
LONG = "word " * 71  # 355 characters


def btec(**changes):
    item = {"type": "BTEC", "subject": "Engineering", "grade": "Merit"}
    return {**item, "weighting": "essential", **changes}


def other(**changes):
    item = {"type": "Other", "subject": "Food safety", "grade": "Pass"}
    return {**item, "weighting": "desired", **changes}


# (label, changes to the sample job, field expected in both sets of errors).
# A None field means both sides accept the job.
EXAMPLES = [
    ("valid job", {}, None),
    ("title without the word", {"title": "Trainee Chef"}, "title"),
    ("title word joined", {"title": "Apprentice-Electrician Level 3"}, "title"),
    ("title plural", {"title": "Apprentices wanted: Retail"}, "title"),
    ("title with colon", {"title": "Apprenticeship: Dental Nurse"}, "title"),
    ("title upper case", {"title": "APPRENTICESHIP in Accounting"}, None),
    ("title with tilde", {"title": "Chef apprentice ~ kitchen"}, "title"),
    ("description short", {"description": "Too short to say much."}, "description"),
    ("description long", {"description": LONG}, "description"),
    (
        "description bold tag",
        {"description": "<b>Great</b> chance to learn to cook in a busy kitchen."},
        "description",
    ),
    (
        "description list",
        {
            "description": "<p>Learn to:</p><ul><li>cook fresh food</li>"
            "<li>keep the kitchen clean and safe</li></ul>"
        },
        None,
    ),
    ("postcode malformed", {"postcode": "LS1"}, "postcode"),
    ("postcode Scotland", {"postcode": "EH1 1YZ"}, "postcode"),
    ("postcode Wales", {"postcode": "CF10 1AA"}, "postcode"),
    (
        "hours 16",
        {"hours_per_week": Decimal("16"), "expected_duration_months": 15},
        None,
    ),
    (
        "hours 48",
        {"hours_per_week": Decimal("48"), "fixed_wage_yearly_amount": Decimal("21000")},
        None,
    ),
    (
        "hours 48 wage too low",
        {"hours_per_week": Decimal("48"), "fixed_wage_yearly_amount": Decimal("19000")},
        "fixed_wage_yearly_amount",
    ),
    ("hours under 16", {"hours_per_week": Decimal("15.99")}, "hours_per_week"),
    ("hours over 48", {"hours_per_week": Decimal("48.01")}, "hours_per_week"),
    (
        "part-time too short",
        {"hours_per_week": Decimal("16"), "expected_duration_months": 14},
        "expected_duration_months",
    ),
    ("duration 7 months", {"expected_duration_months": 7}, "expected_duration_months"),
    ("duration 8 months", {"expected_duration_months": 8}, None),
    ("closing in 6 days", {"closing_date": TODAY + 6 * DAY}, "closing_date"),
    ("closing in 7 days", {"closing_date": TODAY + 7 * DAY}, None),
    (
        "start on closing day",
        {"closing_date": TODAY + 20 * DAY, "expected_start_date": TODAY + 20 * DAY},
        "expected_start_date",
    ),
    (
        "wage below minimum",
        {"fixed_wage_yearly_amount": Decimal("9000")},
        "fixed_wage_yearly_amount",
    ),
    ("skill too long", {"desired_skills": ["x" * 31]}, "desired_skills"),
    (
        "qualification type unknown",
        {
            "qualifications": [
                {
                    "type": "Diploma",
                    "subject": "Food",
                    "grade": "Pass",
                    "weighting": "essential",
                }
            ]
        },
        "qualifications",
    ),
    ("BTEC with level", {"qualifications": [btec(level=3)]}, None),
    ("BTEC without level", {"qualifications": [btec()]}, "qualifications"),
    ("Other with name", {"qualifications": [other(other_name="Food Hygiene")]}, None),
    ("Other without name", {"qualifications": [other()]}, "qualifications"),
    ("no positions", {"maximum_enrolments": 0}, "maximum_enrolments"),
    ("web address not a link", {"web_address": "not a link"}, "web_address"),
    (
        "contact email invalid",
        {"contact": {"name": "Sam Taylor", "email": "sam.taylor", "phone": ""}},
        "contact.email",
    ),
]


def job_for(changes):
    job = sample_job(TODAY, **changes)
    job["contract_type"] = "apprenticeship"
    job["training_code"] = "119"
    return job


@pytest.fixture
def api(sandbox):
    with RecruitmentApiClient(sandbox.base_url, sandbox.api_key) as client:
        yield client


def sandbox_verdict(api, sandbox, job):
    """Return the job fields the sandbox rejects (empty when it accepts)."""
    body = build_vacancy_body(
        job, ukprn=sandbox.ukprn, application_url="https://apply.example.co.uk/j/1"
    )
    try:
        api.create_vacancy(uuid.uuid4(), body)
    except ValidationFailed as error:
        return {field for field, _ in error.field_errors}
    return set()


def top_field(name):
    # Our rules name list items (qualifications.0.type); the API's keys map
    # back to the list itself in some cases.
    return (
        name.split(".")[0] if name.startswith(("qualifications", "desired")) else name
    )


@pytest.mark.parametrize(
    ("label", "changes", "field"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_rules_and_sandbox_agree(api, sandbox, label, changes, field):
    job = job_for(changes)

    ours = {f.field for f in check_job(job, TODAY, duration_rule=GOVERNMENT_RULE)}
    theirs = sandbox_verdict(api, sandbox, job)

    if field is None:
        assert ours == set(), label
        assert theirs == set(), label
    else:
        assert field in {top_field(name) for name in ours}, label
        assert field in {top_field(name) for name in theirs}, label


def test_product_is_stricter_on_qualifications(api, sandbox):
    job = job_for({"qualifications": []})

    ours = {f.field for f in check_job(job, TODAY, duration_rule=GOVERNMENT_RULE)}
    theirs = sandbox_verdict(api, sandbox, job)

    assert ours == {"qualifications"}
    assert theirs == set()


@pytest.mark.parametrize(
    ("item", "field"),
    [
        (btec(), "qualifications.0.level"),
        (other(), "qualifications.0.other_name"),
    ],
    ids=["BTEC level", "Other name"],
)
def test_qualification_field_named_by_both(api, sandbox, item, field):
    job = job_for({"qualifications": [item]})

    ours = {f.field for f in check_job(job, TODAY, duration_rule=GOVERNMENT_RULE)}
    theirs = sandbox_verdict(api, sandbox, job)

    assert ours == {field}
    assert theirs == {field}
