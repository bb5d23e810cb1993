"""Reference data the sandbox serves: standards from data/standards.csv, and
the API's current lists of candidate skills and qualification types."""

import csv
import functools
from pathlib import Path

from django.conf import settings

from recruitment.jobs import rules

CANDIDATE_SKILLS = list(rules.CANDIDATE_SKILLS)
QUALIFICATION_TYPES = list(rules.QUALIFICATION_TYPES)


@functools.cache
def _load_courses(path: Path) -> tuple[dict, ...]:
    with path.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    courses = [
        {
            "larsCode": int(row["lars_code"]),
            "title": f"{row['title']} (level {row['level']})",
            "route": row["route"] or "",
            # The file lists standards only, so every course is an
            # apprenticeship rather than a foundation apprenticeship or unit.
            "type": "Apprenticeship",
        }
        for row in rows
    ]
    courses.sort(key=lambda course: course["larsCode"])
    return tuple(courses)


def training_courses() -> list[dict]:
    return [dict(course) for course in _load_courses(settings.SANDBOX_STANDARDS_CSV)]


def course_by_lars_code(lars_code: str) -> dict | None:
    text = (lars_code or "").strip()
    if not text.isdigit():
        return None
    for course in _load_courses(settings.SANDBOX_STANDARDS_CSV):
        if course["larsCode"] == int(text):
            return dict(course)
    return None
