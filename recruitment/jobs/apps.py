import logging

from django.apps import AppConfig
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)


def load_reference_snapshot(sender, using, **kwargs):
    """Load the shipped reference data after migrate when none is stored.

    A fresh install then has training courses to choose from before anyone
    has entered a NAS key.
    """
    from .reference_data import ReferenceDataError, ensure_snapshot_loaded

    # The reference tables live in the default database only.
    if using != "default":
        return
    try:
        result = ensure_snapshot_loaded()
    except ReferenceDataError as exc:
        logger.error("Reference data snapshot not loaded: %s", exc)
        return
    if result is not None:
        logger.info("%s", result)


class JobsConfig(AppConfig):
    name = "recruitment.jobs"
    label = "jobs"

    def ready(self):
        from recruitment.demo import DEMO_EXTENSIONS

        from .demo import add_demo_jobs

        post_migrate.connect(
            load_reference_snapshot, sender=self, dispatch_uid="jobs_reference_data"
        )
        if add_demo_jobs not in DEMO_EXTENSIONS:
            DEMO_EXTENSIONS.append(add_demo_jobs)
