"""load_reference_data and the refresh task: courses, skills and qualification types."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from recruitment.jobs.models import ReferenceValue, TrainingCourse
from recruitment.jobs.reference_data import (
    DEFAULT_SKILLS,
    SNAPSHOT_PATH,
    ensure_snapshot_loaded,
)
from recruitment.jobs.tasks import refresh_reference_data
from recruitment.programmes.models import JobsToken

CSV_HEADER = "lars_code,ifate_reference,title,level,route,source\n"


def values(kind):
    return list(
        ReferenceValue.objects.filter(kind=kind).values_list("value", flat=True)
    )


def load(*arguments):
    out = io.StringIO()
    call_command("load_reference_data", *arguments, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_snapshot_is_loaded_after_migrate():
    baker = TrainingCourse.objects.get(lars_code="177")

    assert baker.title == "Baker"
    assert baker.level == 2
    assert values("qualification_type") == [
        "GCSE",
        "A Level",
        "T Level",
        "BTEC",
        "Degree",
        "Other",
    ]
    assert values("skill") == list(DEFAULT_SKILLS)


@pytest.mark.django_db
def test_default_loads_shipped_snapshot():
    TrainingCourse.objects.all().delete()

    output = load()

    rows = SNAPSHOT_PATH.read_text(encoding="utf-8").strip().splitlines()
    assert TrainingCourse.objects.count() == len(rows) - 1
    assert "Loaded" in output


@pytest.mark.django_db
def test_from_file_replaces_courses(tmp_path):
    path = tmp_path / "courses.csv"
    path.write_text(
        CSV_HEADER
        + '177,ST0191,Baker,2,,x\n999,ST9999,"Cake decorator, senior",3,,y\n',
        encoding="utf-8",
    )

    output = load("--from-file", str(path))

    assert sorted(TrainingCourse.objects.values_list("lars_code", flat=True)) == [
        "177",
        "999",
    ]
    assert TrainingCourse.objects.get(lars_code="999").title == "Cake decorator, senior"
    assert output.startswith("Loaded 2 training courses, 17 skills and 6")


@pytest.mark.django_db
def test_from_json_file_reads_api_shape(tmp_path):
    path = tmp_path / "courses.json"
    payload = {
        "trainingCourses": [
            {
                "larsCode": 119,
                "title": "Commis chef (level 2)",
                "route": "Catering and hospitality",
                "type": "Apprenticeship",
            }
        ]
    }
    path.write_text(json.dumps(payload), encoding="utf-8")

    load("--from-file", str(path))

    course = TrainingCourse.objects.get()
    assert course.lars_code == "119"
    assert course.title == "Commis chef"
    assert course.level == 2
    assert course.route == "Catering and hospitality"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,level\nBaker,2\n", "lacks the column(s) lars_code"),
        (
            CSV_HEADER + "abc,ST1,Baker,2,,x\n",
            "line 2: LARS code 'abc' is not a number",
        ),
        (CSV_HEADER, "contains no training courses"),
    ],
)
def test_bad_file_changes_nothing(tmp_path, content, message):
    before = TrainingCourse.objects.count()
    path = tmp_path / "courses.csv"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError) as error:
        load("--from-file", str(path))

    assert message in str(error.value)
    assert "Nothing was changed" in str(error.value)
    assert TrainingCourse.objects.count() == before


@pytest.mark.django_db
def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError) as error:
        load("--from-file", str(tmp_path / "missing.csv"))

    assert "Cannot read" in str(error.value)


@pytest.mark.django_db
def test_from_api_needs_tenant():
    with pytest.raises(CommandError) as error:
        load("--from-api")

    assert "--tenant" in str(error.value)


def test_from_api_without_nas_programme(tenant):
    with pytest.raises(CommandError) as error:
        load("--from-api", "--tenant", tenant.slug)

    assert "no programme with NAS ready" in str(error.value)


@pytest.fixture
def sandbox_programme(programme, sandbox, settings):
    settings.NAS_SANDBOX_BASE_URL = sandbox.base_url
    token = JobsToken.objects.get(programme=programme)
    token.set_system_key(sandbox.api_key)
    token.save()
    return programme


def test_from_api_replaces_lists(tenant, sandbox_programme):
    TrainingCourse.objects.create(lars_code="888888", title="Withdrawn standard")
    ReferenceValue.objects.filter(kind="skill").delete()

    output = load("--from-api", "--tenant", tenant.slug)

    assert "from the Recruitment API" in output
    assert not TrainingCourse.objects.filter(lars_code="888888").exists()
    assert TrainingCourse.objects.get(lars_code="177").title == "Baker"
    assert values("skill") == list(DEFAULT_SKILLS)
    assert "BTEC" in values("qualification_type")


def test_from_api_wrong_key_changes_nothing(tenant, sandbox_programme):
    token = JobsToken.objects.get(programme=sandbox_programme)
    token.set_system_key("not-the-sandbox-key")
    token.save()
    before = TrainingCourse.objects.count()

    with pytest.raises(CommandError) as error:
        load("--from-api", "--tenant", tenant.slug)

    assert "401" in str(error.value)
    assert TrainingCourse.objects.count() == before


def test_task_refreshes_from_first_working_programme(tenant, sandbox_programme):
    TrainingCourse.objects.create(lars_code="888888", title="Withdrawn standard")

    result = refresh_reference_data.enqueue()

    assert result.return_value["refreshed"] is True
    assert result.return_value["programme"] == sandbox_programme.pk
    assert not TrainingCourse.objects.filter(lars_code="888888").exists()


@pytest.mark.django_db
def test_task_without_nas_programme_changes_nothing():
    before = TrainingCourse.objects.count()

    result = refresh_reference_data.enqueue()

    assert result.return_value["refreshed"] is False
    assert TrainingCourse.objects.count() == before


@pytest.mark.django_db
def test_snapshot_hook_skips_when_courses_stored():
    assert ensure_snapshot_loaded() is None


@pytest.mark.django_db
def test_snapshot_hook_loads_empty_table():
    TrainingCourse.objects.all().delete()

    result = ensure_snapshot_loaded()

    assert result is not None
    assert TrainingCourse.objects.filter(lars_code="177").exists()
