"""Background work of the jobs app, through django-tasks."""

import logging

from django_tasks import task

from recruitment.nas.errors import RecruitmentApiError

from .reference_data import ReferenceDataError, nas_ready_programmes, refresh_from_api

logger = logging.getLogger(__name__)


@task()
def refresh_reference_data() -> dict:
    """Replace the stored reference data with the Recruitment API's lists.

    The lists are the same for every key, so the programmes with NAS ready
    are tried oldest first and the first that succeeds wins. Returns a
    summary, and leaves the stored lists unchanged when every attempt fails.
    """
    programmes = nas_ready_programmes()
    if not programmes:
        logger.info("Reference data refresh skipped: no programme has NAS ready")
        return {"refreshed": False, "reason": "no programme has NAS ready"}

    for programme in programmes:
        try:
            result = refresh_from_api(programme)
        except (RecruitmentApiError, ReferenceDataError) as exc:
            logger.warning(
                "Reference data refresh with programme %s failed: %s: %s",
                programme.pk,
                type(exc).__name__,
                exc,
            )
            continue
        logger.info(
            "Reference data refreshed with programme %s: %d courses",
            programme.pk,
            result.courses,
        )
        return {
            "refreshed": True,
            "programme": programme.pk,
            "courses": result.courses,
            "skills": result.skills,
            "qualification_types": result.qualification_types,
        }

    logger.error(
        "Reference data refresh failed with all %d NAS-ready programmes",
        len(programmes),
    )
    return {"refreshed": False, "reason": "every programme failed"}
