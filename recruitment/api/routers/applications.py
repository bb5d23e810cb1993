"""Job applications: read and delete."""

from ninja import Router, Status

from recruitment.applications.models import JobApplication
from recruitment.learners import services, status
from recruitment.tenancy.scoping import get_for_tenant_or_404

from ..auth import require_permission
from ..errors import ApiError
from ..schemas import READ_ERRORS, WRITE_ERRORS, ApplicationOut, ErrorOut, ObjectId

router = Router(tags=["applications"])


def load_application(request, application_id):
    applications = JobApplication.objects.select_related(
        "job__organisation", "learner", "cv"
    )
    return get_for_tenant_or_404(applications, request.tenant, pk=application_id)


@router.get(
    "/applications/{application_id}",
    response={200: ApplicationOut, **READ_ERRORS},
    summary="Read a job application",
)
def read_application(request, application_id: ObjectId):
    return load_application(request, application_id)


@router.delete(
    "/applications/{application_id}",
    response={204: None, **WRITE_ERRORS, 409: ErrorOut},
    summary="Delete a job application and cancel its learner",
)
def delete_application(request, application_id: ObjectId):
    """Delete the application and mark its learner Cancelled, together.

    This is the same action as POST /learners/{id}/cancel. A learner who
    cannot be cancelled from the current status gets 409 and the application
    stays.
    """
    application = load_application(request, application_id)
    require_permission(request, "can_manage_applicants", "manage applicants")
    try:
        services.delete_application_and_cancel(application, request.user)
    except status.StatusMoveError as error:
        raise ApiError(409, str(error)) from None
    return Status(204, None)
