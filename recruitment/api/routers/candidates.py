"""The candidates grid as JSON: job applications with their learners."""

import datetime
from typing import Literal

from django.http import QueryDict
from ninja import Field, Query, Router, Schema

from recruitment.applications.models import JobApplication
from recruitment.learners.candidates import (
    ANY_STATUS,
    NO_CASE_OWNER,
    SORT_COLUMNS,
    parse_filters,
)
from recruitment.learners.services import candidate_rows

from ..errors import form_errors, invalid
from ..pagination import PageQuery, paginate
from ..schemas import READ_ERRORS, CandidatePage, ObjectId, SearchText, Text

router = Router(tags=["candidates"])

StatusFilter = Literal[(ANY_STATUS, *JobApplication.Status.values)]
SortKey = Literal[tuple(f"{sign}{key}" for key in SORT_COLUMNS for sign in ("", "-"))]


class CandidateQuery(Schema):
    q: SearchText = Field(
        "", description="Words that must all appear in the name or email."
    )
    job: ObjectId | None = None
    organisation: ObjectId | None = None
    status: StatusFilter | None = Field(
        None,
        description=f"The application status; default applied, {ANY_STATUS} for "
        "every status.",
    )
    case_owner: Text = Field(
        "",
        description=f"A staff user's id, or {NO_CASE_OWNER} for candidates "
        "without a case owner.",
    )
    applied_from: datetime.date | None = None
    applied_to: datetime.date | None = None
    sort: SortKey | None = Field(
        None, description="A column, with - for descending; default -applied."
    )


def _grid_params(query):
    params = QueryDict(mutable=True)
    for name, value in query.model_dump(exclude_none=True).items():
        if value != "":
            params[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return params


@router.get(
    "/candidates",
    response={200: CandidatePage, **READ_ERRORS},
    summary="List candidates",
)
def list_candidates(request, filters: Query[CandidateQuery], page: Query[PageQuery]):
    """List the candidates grid's rows, with its filters and sort orders."""
    parsed, form = parse_filters(request.tenant, _grid_params(filters))
    if form.errors:
        raise invalid(form_errors(form))
    return paginate(candidate_rows(request.tenant, parsed), page)
