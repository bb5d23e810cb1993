"""Reference data for job forms and the advert check: training courses, skills
and qualification types.

The product ships a snapshot of apprenticeship standards (``data/standards.csv``)
so a fresh install works without the Recruitment API. The API's own lists
replace it when ``load_reference_data --from-api`` or the daily task runs.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from recruitment.nas.client import RecruitmentApiClient
from recruitment.programmes.models import AccountProgramme, JobsToken

from .models import ReferenceValue, TrainingCourse
from .rules import CANDIDATE_SKILLS, QUALIFICATION_TYPES

logger = logging.getLogger(__name__)

SNAPSHOT_PATH = Path(settings.BASE_DIR) / "data" / "standards.csv"

DEFAULT_SKILLS = CANDIDATE_SKILLS
DEFAULT_QUALIFICATION_TYPES = QUALIFICATION_TYPES

# The API titles each course "<standard title> (level N)".
_TITLE_WITH_LEVEL = re.compile(r"^(?P<title>.*\S)\s*\(level (?P<level>\d+)\)$")
_LARS_CODE = re.compile(r"[0-9]{1,10}")

_TITLE_MAX_LENGTH = TrainingCourse._meta.get_field("title").max_length
_ROUTE_MAX_LENGTH = TrainingCourse._meta.get_field("route").max_length
_TYPE_MAX_LENGTH = TrainingCourse._meta.get_field("course_type").max_length
_VALUE_MAX_LENGTH = ReferenceValue._meta.get_field("value").max_length


class ReferenceDataError(Exception):
    """Reference data that cannot be read or is unusable. Nothing was changed."""


@dataclass(frozen=True)
class Course:
    lars_code: str
    title: str
    level: int | None
    route: str = ""
    course_type: str = "Apprenticeship"


@dataclass(frozen=True)
class LoadResult:
    courses: int
    skills: int
    qualification_types: int
    source: str

    def __str__(self) -> str:
        return (
            f"Loaded {self.courses} training courses, {self.skills} skills and "
            f"{self.qualification_types} qualification types from {self.source}."
        )


# Reading


def read_courses_file(path: Path) -> list[Course]:
    """Read training courses from a CSV file like the snapshot, or an API JSON file.

    A ``.json`` file contains the API's response, ``{"trainingCourses": [...]}``. A
    CSV file has the columns ``lars_code``, ``title`` and ``level`` (``route``
    is optional). Raises ReferenceDataError naming the file and the problem.
    """
    try:
        if path.suffix.lower() == ".json":
            payload = json.loads(path.read_text(encoding="utf-8"))
            items = (
                payload.get("trainingCourses") if isinstance(payload, dict) else None
            )
            if not isinstance(items, list):
                raise ReferenceDataError(
                    f"{path}: expected a JSON object with a trainingCourses list."
                )
            courses = courses_from_api(items, strict=True)
        else:
            courses = _read_courses_csv(path)
    except OSError as exc:
        raise ReferenceDataError(f"Cannot read {path}: {exc.strerror}.") from None
    except (UnicodeDecodeError, ValueError) as exc:
        # json.JSONDecodeError is a ValueError.
        raise ReferenceDataError(f"{path} is not valid: {exc}") from None

    if not courses:
        raise ReferenceDataError(f"{path} contains no training courses.")
    return courses


def _read_courses_csv(path: Path) -> list[Course]:
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        missing = {"lars_code", "title", "level"} - set(reader.fieldnames or ())
        if missing:
            raise ReferenceDataError(
                f"{path}: the header lacks the column(s) {', '.join(sorted(missing))}."
            )
        courses = []
        for row in reader:
            line = reader.line_num
            code = (row.get("lars_code") or "").strip()
            title = (row.get("title") or "").strip()
            level = (row.get("level") or "").strip()
            if not _LARS_CODE.fullmatch(code):
                raise ReferenceDataError(
                    f"{path}, line {line}: LARS code {code!r} is not a number."
                )
            if not title or len(title) > _TITLE_MAX_LENGTH:
                raise ReferenceDataError(
                    f"{path}, line {line}: the title is missing or longer than "
                    f"{_TITLE_MAX_LENGTH} characters."
                )
            if level and not level.isdigit():
                raise ReferenceDataError(
                    f"{path}, line {line}: level {level!r} is not a number."
                )
            route = (row.get("route") or "").strip()[:_ROUTE_MAX_LENGTH]
            courses.append(
                Course(code, title, int(level) if level else None, route=route)
            )
    return courses


def courses_from_api(items: Iterable[Any], *, strict: bool = False) -> list[Course]:
    """Turn the API's ``trainingCourses`` items into courses.

    Items without a usable LARS code or title are skipped with a warning, or
    raise ReferenceDataError when ``strict``.
    """
    courses = []
    for index, item in enumerate(items):
        course = _course_from_api_item(item)
        if course is not None:
            courses.append(course)
            continue
        if strict:
            raise ReferenceDataError(
                f"Training course {index + 1} has no usable larsCode and title."
            )
        logger.warning("Skipped training course %d: no usable larsCode", index + 1)
    return courses


def _course_from_api_item(item: Any) -> Course | None:
    if not isinstance(item, Mapping):
        return None
    code = item.get("larsCode")
    if isinstance(code, bool) or not isinstance(code, int | str):
        return None
    code = str(code).strip()
    full_title = str(item.get("title") or "").strip()
    if not _LARS_CODE.fullmatch(code) or not full_title:
        return None

    match = _TITLE_WITH_LEVEL.match(full_title)
    title, level = full_title, None
    if match:
        title, level = match["title"], int(match["level"])
    return Course(
        code,
        title[:_TITLE_MAX_LENGTH],
        level,
        route=str(item.get("route") or "").strip()[:_ROUTE_MAX_LENGTH],
        course_type=str(item.get("type") or "Apprenticeship")[:_TYPE_MAX_LENGTH],
    )


def _clean_values(values: Iterable[Any], kind: str) -> list[str]:
    cleaned = []
    for value in values:
        text = str(value).strip() if isinstance(value, str) else ""
        if not text or len(text) > _VALUE_MAX_LENGTH:
            logger.warning("Skipped a %s that is blank or too long", kind)
            continue
        if text not in cleaned:
            cleaned.append(text)
    return cleaned


# Storing


@transaction.atomic
def replace_reference_data(
    courses: list[Course],
    skills: Iterable[str],
    qualification_types: Iterable[str],
    *,
    source: str,
) -> LoadResult:
    """Replace the stored training courses, skills and qualification types.

    Runs in one transaction, so a failure leaves the previous lists in place.
    Courses are matched by LARS code, and codes missing from ``courses`` are
    removed. Jobs keep their training code as text, so removing a course only
    makes the advert check report that code as no longer on the list.
    """
    by_code = {course.lars_code: course for course in courses}
    skills = _clean_values(skills, "skill")
    qualification_types = _clean_values(qualification_types, "qualification type")
    if not by_code:
        raise ReferenceDataError(f"{source} has no training courses.")
    if not qualification_types:
        raise ReferenceDataError(f"{source} has no qualification types.")

    TrainingCourse.objects.exclude(lars_code__in=by_code).delete()
    existing = {c.lars_code: c for c in TrainingCourse.objects.all()}
    new_rows = []
    for code, course in by_code.items():
        row = existing.get(code) or TrainingCourse(lars_code=code)
        row.title = course.title
        row.level = course.level
        row.route = course.route
        row.course_type = course.course_type
        if row.pk:
            row.save()
        else:
            new_rows.append(row)
    TrainingCourse.objects.bulk_create(new_rows)

    _replace_values(ReferenceValue.Kind.SKILL, skills)
    _replace_values(ReferenceValue.Kind.QUALIFICATION_TYPE, qualification_types)
    return LoadResult(len(by_code), len(skills), len(qualification_types), source)


def _replace_values(kind: str, values: list[str]) -> None:
    ReferenceValue.objects.filter(kind=kind).delete()
    ReferenceValue.objects.bulk_create(
        ReferenceValue(kind=kind, value=value, position=position)
        for position, value in enumerate(values)
    )


def load_from_file(path: Path | None = None) -> LoadResult:
    """Load the courses of a file (the shipped snapshot by default), with the
    API's current default skills and qualification types."""
    path = Path(path) if path is not None else SNAPSHOT_PATH
    courses = read_courses_file(path)
    return replace_reference_data(
        courses, DEFAULT_SKILLS, DEFAULT_QUALIFICATION_TYPES, source=str(path)
    )


def load_from_api(client: RecruitmentApiClient, *, source: str) -> LoadResult:
    """Fetch every list from the Recruitment API, then replace the stored lists.

    Raises a RecruitmentApiError when a request fails, before anything changes.
    """
    courses = courses_from_api(client.training_courses())
    skills = client.candidate_skills()
    qualification_types = client.qualification_types()
    return replace_reference_data(courses, skills, qualification_types, source=source)


def ensure_snapshot_loaded() -> LoadResult | None:
    """Load the shipped snapshot when no training courses are stored yet.

    Called after migrate, so a fresh install has courses without the API.
    Returns None when courses were already stored or the snapshot is missing.
    """
    if TrainingCourse.objects.exists():
        return None
    if not SNAPSHOT_PATH.exists():
        logger.warning(
            "No training courses stored and no snapshot at %s", SNAPSHOT_PATH
        )
        return None
    return load_from_file(SNAPSHOT_PATH)


# The Recruitment API


def client_for_programme(programme: AccountProgramme) -> RecruitmentApiClient:
    """Build an API client with the key and environment of the programme's Jobs token.

    Raises ReferenceDataError when the token has no system key.
    """
    token = JobsToken.objects.filter(programme=programme).first()
    if token is None or not token.has_system_key:
        raise ReferenceDataError(
            f"Programme {programme.pk} has no NAS system key: enter it on the "
            "NAS tab of its Jobs token."
        )
    base_url = (
        settings.NAS_LIVE_BASE_URL
        if token.nas_environment == JobsToken.Environment.LIVE
        else settings.NAS_SANDBOX_BASE_URL
    )
    return RecruitmentApiClient(
        base_url,
        token.system_key,
        connect_timeout=settings.NAS_CONNECT_TIMEOUT,
        read_timeout=settings.NAS_READ_TIMEOUT,
    )


def nas_ready_programmes(tenant=None) -> list[AccountProgramme]:
    """Return the programmes whose Jobs token can reach the API, oldest first."""
    programmes = AccountProgramme.objects.select_related("tenant").order_by("id")
    programmes = programmes.filter(tenant__nas_enabled=True, confirmed=True)
    if tenant is not None:
        programmes = programmes.filter(tenant=tenant)
    return [programme for programme in programmes if programme.nas_ready]


def refresh_from_api(programme: AccountProgramme) -> LoadResult:
    """Replace the stored lists with the API's, using the programme's key."""
    source = (
        f"the Recruitment API (tenant {programme.tenant.slug}, "
        f"programme {programme.pk})"
    )
    with client_for_programme(programme) as client:
        return load_from_api(client, source=source)
