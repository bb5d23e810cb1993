"""CSV export of the candidates grid, streamed row by row."""

import csv

from django.utils import timezone

from recruitment.applications.models import JobApplication
from recruitment.learners.models import Learner

from .candidates import CandidateFilters, filtered_applications

HEADER = [
    "Name",
    "Email",
    "Phone",
    "Job",
    "Organisation",
    "Status",
    "Learner status",
    "Applied",
    "Case owner",
]
# A spreadsheet treats a cell starting with one of these as a formula (tab
# and carriage return can hide one), so such cells get a leading quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000


class _Echo:
    """A file-like object whose write returns the text it was given."""

    def write(self, value):
        return value


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def full_name(first, last, email):
    return f"{first or ''} {last or ''}".strip() or (email or "")


def export_rows(tenant, filters: CandidateFilters):
    """Yield the header and then one list of cells per application."""
    yield HEADER

    application_status = dict(JobApplication.Status.choices)
    learner_status = dict(Learner.Status.choices)
    rows = filtered_applications(tenant, filters).values_list(
        "learner__user__first_name",
        "learner__user__last_name",
        "learner__user__email",
        "learner__phone",
        "job__title",
        "job__organisation__name",
        "status",
        "learner__status",
        "applied_at",
        "learner__case_owner__first_name",
        "learner__case_owner__last_name",
        "learner__case_owner__email",
    )
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        (first, last, email, phone, job, organisation, status, learner_state) = row[:8]
        applied_at, owner_first, owner_last, owner_email = row[8:]
        yield [
            full_name(first, last, email),
            email,
            phone,
            job,
            organisation,
            application_status.get(status, status),
            learner_status.get(learner_state, learner_state),
            timezone.localtime(applied_at).strftime("%Y-%m-%d %H:%M"),
            full_name(owner_first, owner_last, owner_email),
        ]


def stream_csv(tenant, filters: CandidateFilters):
    """Yield the export as CSV text, one line at a time."""
    writer = csv.writer(_Echo())
    # The byte order mark makes Excel read the file as UTF-8.
    yield "\ufeff"
    for row in export_rows(tenant, filters):
        yield writer.writerow([safe_cell(cell) for cell in row])
