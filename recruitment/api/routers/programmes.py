"""Account programmes, listed so that integrations can choose a job's programme."""

from ninja import Query, Router

from recruitment.programmes.models import AccountProgramme
from recruitment.tenancy.scoping import for_tenant

from ..pagination import PageQuery, paginate
from ..schemas import READ_ERRORS, ProgrammePage

router = Router(tags=["programmes"])


@router.get(
    "/programmes",
    response={200: ProgrammePage, **READ_ERRORS},
    summary="List account programmes",
)
def list_programmes(request, page: Query[PageQuery]):
    programmes = for_tenant(AccountProgramme, request.tenant).select_related("tenant")
    return paginate(programmes.order_by("name", "id"), page)
