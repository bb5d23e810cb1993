"""The demo jobs: real adverts, completed, that pass the advert check today."""

import datetime

import pytest

from recruitment.demo import build_demo
from recruitment.jobs.demo import lars_code_for
from recruitment.jobs.models import Job
from recruitment.jobs.services import check_job_for_nas, london_today

pytestmark = pytest.mark.django_db


def test_apprenticeships_pass_check_today():
    demo = build_demo()

    apprenticeships = [job for job in demo.jobs if job.is_apprenticeship]
    assert [job.title for job in apprenticeships] == [
        "Apprentice Business Administrator",
        "Hair Apprentice",
    ]
    for job in apprenticeships:
        assert check_job_for_nas(job) == [], job.title


def test_apprenticeships_are_ready_for_upload():
    demo = build_demo()

    for job in demo.jobs:
        assert job.nas_status == Job.NasStatus.NOT_UPLOADED
        assert job.owner == demo.staff
        assert job.organisation == demo.organisation
        assert job.contact is not None


def test_dates_are_ahead_of_today():
    demo = build_demo()

    today = london_today()
    for job in demo.jobs:
        assert job.closing_date >= today + datetime.timedelta(days=21)
        assert job.expected_start_date >= job.closing_date + datetime.timedelta(days=28)


def test_one_job_of_another_contract_type():
    demo = build_demo()

    others = [job for job in demo.jobs if not job.is_apprenticeship]
    assert len(others) == 1
    assert others[0].contract_type == Job.ContractType.PERMANENT


def test_training_codes_come_from_standards():
    demo = build_demo()

    codes = {job.title: job.training_code for job in demo.jobs}
    assert codes["Hair Apprentice"] == "157"
    assert codes["Apprentice Business Administrator"] == "196"


def test_building_twice_creates_nothing_more():
    first = build_demo()
    second = build_demo()

    assert [job.pk for job in second.jobs] == [job.pk for job in first.jobs]
    assert Job.objects.filter(tenant=first.tenant).count() == 3


def test_stale_dates_move_forward():
    demo = build_demo()
    job = demo.jobs[0]
    Job.objects.filter(pk=job.pk).update(
        closing_date=datetime.date(2025, 1, 10),
        expected_start_date=datetime.date(2025, 2, 10),
    )

    again = build_demo()

    assert check_job_for_nas(again.jobs[0]) == []


def test_uploaded_job_keeps_its_dates():
    demo = build_demo()
    job = demo.jobs[0]
    old = datetime.date(2025, 1, 10)
    Job.objects.filter(pk=job.pk).update(
        closing_date=old, nas_status=Job.NasStatus.UPLOADED
    )

    build_demo()

    job.refresh_from_db()
    assert job.closing_date == old


def test_lars_code_lookup_ignores_case():
    assert lars_code_for("baker", 2) == "177"


def test_lars_code_lookup_unknown_title():
    with pytest.raises(LookupError):
        lars_code_for("Astronaut", 7)
