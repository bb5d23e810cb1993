"""Jobs, learners and applications made directly with the models."""

import datetime
import itertools
from decimal import Decimal

from django.core.files.base import ContentFile

from recruitment.applications.models import JobApplication
from recruitment.jobs.models import Job
from recruitment.jobs.services import london_today
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.models import User, earliest_root_group

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_numbers = itertools.count(1)


def complete_job(programme, organisation, contact, **changes):
    """Create an Apprenticeship job that passes every advert rule today."""
    today = london_today()
    fields = {
        "tenant": programme.tenant,
        "programme": programme,
        "organisation": organisation,
        "contact": contact,
        "contract_type": Job.ContractType.APPRENTICESHIP,
        "title": "Bakery Apprentice",
        "description": "Learn to bake bread and pastries in a busy family bakery "
        "while training towards a level 2 qualification.",
        "address_line1": "12 Market Street",
        "address_line2": "Leeds",
        "postcode": "LS1 6DT",
        "web_address": "https://www.example.co.uk",
        "wage_type": Job.WageType.FIXED_WAGE,
        "fixed_wage_yearly_amount": Decimal("18500"),
        "working_hours": "Monday to Friday, 8am to 4pm.",
        "maximum_enrolments": 2,
        "closing_date": today + datetime.timedelta(days=21),
        "expected_start_date": today + datetime.timedelta(days=60),
        "desired_skills": ["Team working"],
        "desired_personal_qualities": ["Patience"],
        "qualifications": [
            {"type": "GCSE", "subject": "English", "grade": "4", "weighting": "desired"}
        ],
        "future_prospects": "A permanent baker role for successful apprentices.",
        "training_to_be_provided": "One day a week at college.",
        "employer_description": "A family bakery with two shops.",
        "expected_duration_months": 15,
        "hours_per_week": Decimal("37.5"),
        "training_code": "177",
    }
    fields.update(changes)
    return Job.objects.create(**fields)


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
