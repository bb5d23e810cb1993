"""Page-number pagination with the API's page shape."""

from typing import Annotated

from django.db.models import QuerySet
from ninja import Field, Schema

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# A bound on the page number keeps the SQL offset inside a 64-bit integer.
MAX_PAGE = 1_000_000


class PageQuery(Schema):
    page: Annotated[int, Field(ge=1, le=MAX_PAGE)] = 1
    page_size: Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE


def paginate(rows, query, serialise=None):
    """Return one page of ``rows`` as the page body.

    ``rows`` is a queryset or a sequence in a stable order (every ordering
    ends with a unique column). ``serialise`` turns a row into an item; rows
    are passed through as they are without it.
    """
    start = (query.page - 1) * query.page_size
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    page_rows = list(rows[start : start + query.page_size]) if start < count else []
    items = [serialise(row) for row in page_rows] if serialise else page_rows
    return {
        "items": items,
        "count": count,
        "page": query.page,
        "page_size": query.page_size,
    }
