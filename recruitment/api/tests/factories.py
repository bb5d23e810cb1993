"""Jobs, learners and applications made directly with the models."""

import itertools

from django.core.files.base import ContentFile

from recruitment.applications.models import JobApplication
from recruitment.jobs.tests.factories import complete_job  # noqa: F401
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.models import User, earliest_root_group

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_numbers = itertools.count(1)


def make_learner(tenant, first_name="Sam", last_name="Taylor", **fields):
    user = User.objects.create_user(
        fields.pop("email", None) or f"learner{next(_numbers)}@example.com",
        None,
        tenant=tenant,
        role=User.Role.LEARNER,
        first_name=first_name,
        last_name=last_name,
    )
    return Learner.objects.create(
        tenant=tenant,
        user=user,
        user_group=earliest_root_group(tenant),
        phone=fields.pop("phone", "07700 900123"),
        **fields,
    )


def make_cv(learner):
    cv = CV(
        tenant_id=learner.tenant_id,
        learner=learner,
        original_name="Sam Taylor CV.pdf",
        file_type="pdf",
        size=len(PDF_BYTES),
        is_completed=True,
    )
    cv.file.save("upload", ContentFile(PDF_BYTES), save=False)
    cv.save()
    return cv


def make_application(job, learner=None, **fields):
    learner = learner or make_learner(job.tenant)
    learner.programmes.add(job.programme)
    return JobApplication.objects.create(
        tenant=job.tenant, job=job, learner=learner, cv=make_cv(learner), **fields
    )
