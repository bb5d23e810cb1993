"""Learners, jobs, CVs and applications made directly with the models."""

import itertools

from django.core.files.base import ContentFile
from django.utils import timezone

from conftest import PASSWORD, make_programme
from recruitment.applications.models import JobApplication
from recruitment.jobs.models import Job
from recruitment.learners.models import CV, Learner
from recruitment.organisations.models import Organisation
from recruitment.programmes.models import AccountProgramme
from recruitment.tenancy.models import User, earliest_root_group

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_numbers = itertools.count(1)


def make_organisation(tenant, name="Harbour Lane Bakery Ltd"):
    return Organisation.objects.create(tenant=tenant, name=name, town="Leeds")


def make_job(tenant, title="Apprentice baker", organisation=None, programme=None):
    programme = (
        programme
        or AccountProgramme.objects.filter(tenant=tenant).first()
        or make_programme(tenant)
    )
    organisation = organisation or make_organisation(tenant)
    return Job.objects.create(
        tenant=tenant, programme=programme, organisation=organisation, title=title
    )


def make_learner(
    tenant,
    first_name="Sam",
    last_name="Taylor",
    email=None,
    status=Learner.Status.PROSPECT,
    case_owner=None,
    phone="07700 900123",
    password=PASSWORD,
):
    email = email or f"learner{next(_numbers)}@example.com"
    user = User.objects.create_user(
        email,
        password,
        tenant=tenant,
        role=User.Role.LEARNER,
        first_name=first_name,
        last_name=last_name,
    )
    return Learner.objects.create(
        tenant=tenant,
        user=user,
        status=status,
        user_group=earliest_root_group(tenant),
        case_owner=case_owner,
        phone=phone,
    )


def make_cv(learner, name="Sam Taylor CV.pdf", completed=True, content=PDF_BYTES):
    cv = CV(
        tenant_id=learner.tenant_id,
        learner=learner,
        original_name=name,
        file_type="pdf",
        size=len(content),
        is_completed=completed,
    )
    cv.file.save("upload", ContentFile(content), save=False)
    cv.save()
    return cv


def make_application(
    job,
    learner,
    cv=None,
    status=JobApplication.Status.APPLIED,
    applied_at=None,
):
    return JobApplication.objects.create(
        tenant_id=job.tenant_id,
        job=job,
        learner=learner,
        cv=cv,
        status=status,
        applied_at=applied_at or timezone.now(),
    )


def make_applicant(job, **learner_fields):
    """Make a learner with a completed CV and an Applied application for `job`."""
    learner = make_learner(job.tenant, **learner_fields)
    cv = make_cv(learner)
    return make_application(job, learner, cv=cv)
