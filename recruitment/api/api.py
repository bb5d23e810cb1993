"""The JSON API for integrations, version 1, served under /api/v1/."""

import json

from ninja import NinjaAPI
from ninja.parser import Parser

from .auth import ApiTokenAuth
from .errors import UnreadableBodyError, install_handlers
from .routers import (
    applications,
    candidates,
    jobs,
    learners,
    organisations,
    programmes,
)

DESCRIPTION = """\
A JSON API for a training provider's integrations: organisations and their
contacts, jobs and their upload to NAS (the Recruitment API behind "Find an
apprenticeship"), candidates, learners and job applications.

Every request needs `Authorization: Bearer <token>`. A token belongs to one
staff user of one provider and acts with that user's role: viewers can read,
recruiters and admins can also write. Create and revoke tokens on your
profile page, or with `python manage.py create_api_token`.

Errors are JSON: `{"detail": "...", "errors": [{"field": "...", "message":
"..."}]}`. A row of another provider, or one that does not exist, is 404.
Lists are paginated with `page` and `page_size` (at most 100) and return
`{"items": [...], "count": N, "page": P, "page_size": S}`.
"""


class ObjectBodyParser(Parser):
    """Read a JSON body, which must be an object when present.

    Without this a body of `"text"` or `[]` met schemas whose fields are all
    optional and counted as an empty change.
    """

    def parse_body(self, request):
        try:
            data = json.loads(request.body)
        except (ValueError, RecursionError) as error:
            # ValueError covers invalid JSON, bytes that are not UTF-8 and
            # integers longer than Python's 4,300-digit limit. RecursionError
            # is a deeply nested array or object.
            raise UnreadableBodyError from error
        if not isinstance(data, dict):
            raise UnreadableBodyError
        return data


class RecruitmentApi(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        # View function names are unique across the routers, and short ids
        # read better in generated clients than module-qualified ones.
        return operation.view_func.__name__


api = RecruitmentApi(
    title="Apprenticeship recruitment API",
    version="1",
    description=DESCRIPTION,
    auth=ApiTokenAuth(),
    parser=ObjectBodyParser(),
    urls_namespace="api:v1",
    # ninja's own docs page loads Swagger UI from a CDN; views.docs renders
    # the OpenAPI document as plain HTML instead.
    docs_url=None,
)
install_handlers(api)
api.add_router("", organisations.router)
api.add_router("", programmes.router)
api.add_router("", jobs.router)
api.add_router("", candidates.router)
api.add_router("", learners.router)
api.add_router("", applications.router)
