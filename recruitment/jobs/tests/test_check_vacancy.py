"""manage.py check_vacancy: JSON in, {valid, errors} out, exit status 0, 1 or 2."""

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

TODAY = datetime.date(2027, 5, 10)


def vacancy(**changes):
    closing = TODAY + datetime.timedelta(days=21)
    job = {
        "organisation": {
            "name": "Harbour Lane Bakery Ltd",
            "legal_entity_id": "V7XJ4M",
        },
        "contact": {
            "name": "Jo Marsh",
            "email": "jo.marsh@example.co.uk",
            "phone": "0113 496 0000",
        },
        "contract_type": "apprenticeship",
        "title": "Bakery Apprentice",
        "description": "Learn to bake bread and pastries in a busy family bakery "
        "while training towards a level 2 qualification.",
        "address_line1": "12 Market Street",
        "postcode": "LS1 6DT",
        "wage_type": "fixed_wage",
        "fixed_wage_yearly_amount": "18500",
        "working_hours": "Monday to Friday, 8am to 4pm.",
        "maximum_enrolments": 2,
        "closing_date": closing.isoformat(),
        "expected_start_date": (closing + datetime.timedelta(days=30)).isoformat(),
        "desired_skills": ["Team working"],
        "desired_personal_qualities": ["Patience"],
        "qualifications": [
            {"type": "GCSE", "subject": "English", "grade": "4", "weighting": "desired"}
        ],
        "future_prospects": "A permanent baker role for successful apprentices.",
        "training_to_be_provided": "One day a week at college.",
        "employer_description": "A family bakery with two shops.",
        "expected_duration_months": 15,
        "hours_per_week": 37.5,
        "training_code": "177",
    }
    job.update(changes)
    return job


def run(tmp_path, payload, *options):
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    out = io.StringIO()
    status = 0
    try:
        call_command(
            "check_vacancy",
            str(path),
            "--today",
            TODAY.isoformat(),
            *options,
            stdout=out,
        )
    except SystemExit as exit:
        status = exit.code
    return status, json.loads(out.getvalue())


def run_process(*arguments, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", "check_vacancy", *arguments],
        cwd=Path(settings.BASE_DIR),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.django_db
def test_valid_object_exits_0(tmp_path):
    status, output = run(tmp_path, vacancy())

    assert status == 0
    assert output == {"valid": True, "errors": []}


@pytest.mark.django_db
def test_invalid_object_exits_1(tmp_path):
    status, output = run(tmp_path, vacancy(title="Trainee Chef", postcode="nowhere"))

    assert status == 1
    assert output["valid"] is False
    assert [error["field"] for error in output["errors"]] == ["title", "postcode"]
    assert all(set(error) == {"field", "message"} for error in output["errors"])


@pytest.mark.django_db
def test_list_gives_list(tmp_path):
    status, output = run(tmp_path, [vacancy(), vacancy(qualifications=[])])

    assert status == 1
    assert isinstance(output, list)
    assert output[0] == {"valid": True, "errors": []}
    assert output[1]["valid"] is False
    assert output[1]["errors"][0]["field"] == "qualifications"


@pytest.mark.django_db
def test_all_valid_list_exits_0(tmp_path):
    status, output = run(tmp_path, [vacancy(), vacancy(title="Baker Apprentice")])

    assert status == 0
    assert [result["valid"] for result in output] == [True, True]


@pytest.mark.django_db
def test_duration_rule_option(tmp_path):
    job = vacancy(hours_per_week=16, expected_duration_months=16)

    product_status, product = run(tmp_path, job)
    government_status, government = run(tmp_path, job, "--duration-rule", "government")

    assert product_status == 1
    assert product["errors"][0]["field"] == "expected_duration_months"
    assert "23 months" in product["errors"][0]["message"]
    assert government_status == 0


@pytest.mark.django_db
def test_training_code_checked_against_stored_list(tmp_path):
    status, output = run(tmp_path, vacancy(training_code="999999"))

    assert status == 1
    assert output["errors"] == [
        {"field": "training_code", "message": "Choose a training course from the list"}
    ]


@pytest.mark.django_db
def test_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(vacancy())))
    out = io.StringIO()

    call_command("check_vacancy", "-", "--today", TODAY.isoformat(), stdout=out)

    assert json.loads(out.getvalue()) == {"valid": True, "errors": []}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('"a string"', "must hold a job object or a list"),
        ("[1, 2]", "job 1 is not a JSON object"),
    ],
)
def test_unusable_input_raises_exit_2(tmp_path, content, message):
    path = tmp_path / "jobs.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("check_vacancy", str(path))

    assert error.value.returncode == 2
    assert message in str(error.value)


def test_missing_file_exits_2_with_one_line():
    result = run_process("/nonexistent/jobs.json")

    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot read /nonexistent/jobs.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_stdin_json_exits_2():
    result = run_process("-", stdin="{")

    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "is not valid JSON" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ("jobs.json", "--today", "10/05/2027"),
        ("jobs.json", "--duration-rule", "shortest"),
        ("jobs.json", "--no-such-option"),
        (),
    ],
)
def test_bad_options_exit_2_with_one_line(arguments):
    result = run_process(*arguments)

    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
