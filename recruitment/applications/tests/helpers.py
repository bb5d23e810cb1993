"""Builders for application tests: jobs, existing learners and form data."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from recruitment.jobs.models import Job
from recruitment.learners.models import Learner
from recruitment.organisations.models import Organisation
from recruitment.programmes.models import AccountProgramme
from recruitment.tenancy.models import User, earliest_root_group


def london_today():
    return timezone.localdate(timezone=ZoneInfo("Europe/London"))


def make_organisation(tenant, name="Harbour Lane Bakery Ltd"):
    return Organisation.objects.create(
        tenant=tenant,
        name=name,
        address_line1="1 Quay Street",
        town="Bristol",
        postcode="BS1 4DJ",
    )


def make_job(tenant, programme, organisation, **fields):
    values = {
        "title": "Plumbing Apprentice",
        "description": "Learn plumbing on real sites with a friendly team.",
        "address_line1": "12 Harbour Road",
        "address_line2": "Bristol",
        "postcode": "BS1 5TR",
        "wage_type": Job.WageType.FIXED_WAGE,
        "fixed_wage_yearly_amount": Decimal("18500.00"),
        "hours_per_week": Decimal("37.50"),
        "closing_date": london_today() + datetime.timedelta(days=30),
    }
    values.update(fields)
    return Job.objects.create(
        tenant=tenant, programme=programme, organisation=organisation, **values
    )


def make_learner(tenant, email, first_name="Existing", last_name="Learner"):
    user = User.objects.create_user(
        email,
        None,
        tenant=tenant,
        role=User.Role.LEARNER,
        first_name=first_name,
        last_name=last_name,
    )
    return Learner.objects.create(
        tenant=tenant, user=user, user_group=earliest_root_group(tenant)
    )


def apply_url(job):
    return reverse("applications:apply", args=[job.public_key])


def applicant(**fields):
    data = {
        "first_name": "Jo",
        "last_name": "Hughes",
        "email": "jo.hughes@example.org",
        "phone": "07700 900123",
        "address_line1": "4 Mill Lane",
        "address_line2": "Redland",
        "town": "Bristol",
        "postcode": "bs6 6aa",
        "website": "",
    }
    data.update(fields)
    return data


def stored_files(cv_root):
    """Return every file under the CV storage location, as relative paths."""
    if not cv_root.exists():
        return []
    return sorted(
        str(path.relative_to(cv_root)) for path in cv_root.rglob("*") if path.is_file()
    )


def make_open_job(tenant, title="Plumbing Apprentice"):
    """Return an open job of the tenant with its own programme and employer."""
    programme = AccountProgramme.objects.create(
        tenant=tenant, name="Apprenticeships 2027", confirmed=True
    )
    organisation = make_organisation(tenant, name=f"{tenant.name} Employer Ltd")
    return make_job(tenant, programme, organisation, title=title)
