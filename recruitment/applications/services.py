"""Turn a submitted application form into a Prospect learner, a CV and a job
application, all in one transaction."""

import logging
from contextlib import contextmanager

from django.core.files.storage import storages
from django.db import IntegrityError, transaction

from recruitment.learners.cv import store_cv
from recruitment.learners.models import Learner
from recruitment.tenancy.emails import email_key
from recruitment.tenancy.models import User, earliest_root_group
from recruitment.tenancy.scoping import for_tenant

from .models import JobApplication
from .tasks import send_new_application_email

logger = logging.getLogger(__name__)

DUPLICATE_EMAIL_MESSAGE = (
    "This portal requires a unique email. The email you entered has already been used"
)

LEARNER_DETAILS = ("phone", "address_line1", "address_line2", "town", "postcode")


class DuplicateEmail(Exception):
    """The email address belongs to a user of the job's tenant already."""


def email_in_use(tenant, email: str) -> bool:
    """Check the address against every user of the tenant, staff included."""
    return for_tenant(User, tenant).filter(email_key=email_key(email)).exists()


def submit_application(job, data, cv_file=None) -> JobApplication:
    """Create the applicant's user, Prospect learner, CV and job application.

    `data` contains the cleaned fields of the application form. Raises
    DuplicateEmail when the address is in use in the job's tenant, including
    when a simultaneous submission with the same address commits first (the
    unique constraint on the tenant and email key decides). Raises the CV's
    ValidationError when the file is rejected.

    Must be called outside any transaction (the atomic block is durable): the
    stored CV file is deleted when this transaction fails, which is only
    complete if nothing outside can roll the rows back afterwards.
    """
    tenant = job.tenant
    try:
        with _delete_stored_files_on_error() as stored_names:
            with transaction.atomic(durable=True):
                application = _create_application(job, data, cv_file, stored_names)
    except IntegrityError:
        if email_in_use(tenant, data["email"]):
            logger.info("Application to job %s rejected: email in use", job.pk)
            raise DuplicateEmail() from None
        raise

    logger.info(
        "Application %s received for job %s: learner %s, CV %s",
        application.pk,
        job.pk,
        application.learner_id,
        application.cv_id,
    )
    return application


def _create_application(job, data, cv_file, stored_names):
    # The form has checked the address already. A submission with the same
    # address that commits in between makes the user insert fail on the
    # unique constraint, and submit_application turns that into DuplicateEmail.
    tenant = job.tenant
    user = User(
        tenant=tenant,
        role=User.Role.LEARNER,
        email=data["email"],
        first_name=data["first_name"],
        last_name=data["last_name"],
    )
    user.set_unusable_password()
    user.save()

    learner = Learner.objects.create(
        tenant=tenant,
        user=user,
        status=Learner.Status.PROSPECT,
        user_group=earliest_root_group(tenant),
        case_owner=None,
        **{field: data.get(field) or "" for field in LEARNER_DETAILS},
    )
    learner.programmes.add(job.programme)

    cv = None
    if cv_file is not None:
        cv = store_cv(learner, cv_file, completed=True)
        stored_names.append(cv.file.name)

    application = JobApplication.objects.create(
        tenant=tenant,
        job=job,
        learner=learner,
        cv=cv,
        status=JobApplication.Status.APPLIED,
    )
    transaction.on_commit(lambda: _enqueue_staff_email(application.pk), robust=True)
    return application


def _enqueue_staff_email(application_id):
    send_new_application_email.enqueue(application_id)


@contextmanager
def _delete_stored_files_on_error():
    """Yield a list for stored CV names; delete them if the block raises.

    The block ends only after the transaction has committed or rolled back,
    so a rollback for any reason (including a failed COMMIT) removes the
    files written inside it. NOTE: a process killed between writing the file
    and the COMMIT leaves the file without a CV row.
    """
    stored_names = []
    try:
        yield stored_names
    except BaseException:
        storage = storages["cvs"]
        for name in stored_names:
            try:
                storage.delete(name)
            except Exception:
                # Raise the error that failed the application, not this one.
                logger.exception("Could not delete orphaned CV file %s", name)
            else:
                logger.info("Deleted CV file %s of a failed application", name)
        raise
