"""The demo tenant that `make run` loads: `python manage.py seed_demo`.

Every step looks for its rows before creating them, so running it again
changes nothing. The demo secrets below are for the local sandbox only.
"""

import logging
import subprocess
import sys
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from recruitment.organisations.models import Contact, Organisation
from recruitment.programmes.models import AccountProgramme, JobsToken
from recruitment.tenancy.models import Tenant, User

logger = logging.getLogger(__name__)

TENANT_SLUG = "demo-college"
TENANT_UKPRN = "10012345"
STAFF_EMAIL = "staff@demo-college.example"
STAFF_PASSWORD = "demo-password-2027"
SECOND_STAFF_EMAIL = "casey.owner@demo-college.example"
SANDBOX_KEY = "demo-sandbox-key-7H3Q"
LEGAL_ENTITY_ID = "V7XJ4M"
ORGANISATION_NAME = "Harbour Lane Bakery Ltd"


@dataclass
class Demo:
    tenant: Tenant
    staff: User
    programme: AccountProgramme
    organisation: Organisation
    jobs: list = field(default_factory=list)
    api_token: str = ""

    def as_json(self):
        return {
            "tenant_slug": self.tenant.slug,
            "sign_in_url": f"{settings.SITE_URL}/t/{self.tenant.slug}/sign-in/",
            "staff_email": STAFF_EMAIL,
            "staff_password": STAFF_PASSWORD,
            "api_token": self.api_token,
            "job_ids": [job.pk for job in self.jobs],
            "sandbox_url": settings.NAS_SANDBOX_BASE_URL.rsplit("/managevacancies", 1)[
                0
            ],
        }


def ensure_staff(tenant, email, role, first_name, last_name):
    user = User.objects.filter(tenant=tenant, email_key=email.casefold()).first()
    if user is None:
        user = User.objects.create_user(
            email,
            STAFF_PASSWORD,
            tenant=tenant,
            role=role,
            first_name=first_name,
            last_name=last_name,
        )
    return user


@transaction.atomic
def build_demo() -> Demo:
    tenant, _ = Tenant.objects.get_or_create(
        slug=TENANT_SLUG,
        defaults={"name": "Demo College", "ukprn": TENANT_UKPRN, "nas_enabled": True},
    )
    staff = ensure_staff(tenant, STAFF_EMAIL, User.Role.ADMIN, "Morgan", "Reid")
    ensure_staff(tenant, SECOND_STAFF_EMAIL, User.Role.RECRUITER, "Casey", "Owner")

    programme, created = AccountProgramme.objects.get_or_create(
        tenant=tenant,
        name="Apprenticeships",
        defaults={"description": "Apprenticeship recruitment for local employers."},
    )
    token = JobsToken.objects.filter(programme=programme).first()
    if token is None:
        token = JobsToken(tenant=tenant, programme=programme, nas_integration=True)
        token.set_system_key(SANDBOX_KEY)
        token.save()
        programme.confirmed = True
        programme.save(update_fields=["confirmed"])

    organisation, _ = Organisation.objects.get_or_create(
        tenant=tenant,
        name=ORGANISATION_NAME,
        defaults={
            "address_line1": "12 Market Street",
            "town": "Leeds",
            "postcode": "LS1 6DT",
            "employer_description": "A family bakery with two shops in Leeds.",
            "web_address": "https://www.example.co.uk",
            "legal_entity_id": LEGAL_ENTITY_ID,
        },
    )
    Contact.objects.get_or_create(
        tenant=tenant,
        organisation=organisation,
        email="jo.marsh@example.co.uk",
        defaults={"name": "Jo Marsh", "phone": "0113 496 0000"},
    )

    demo = Demo(
        tenant=tenant, staff=staff, programme=programme, organisation=organisation
    )
    for extend in DEMO_EXTENSIONS:
        extend(demo)
    return demo


# Other apps add their part of the demo (jobs, API token) by appending a
# function that takes the Demo; they run inside the same transaction.
DEMO_EXTENSIONS = []


def register_sandbox_key():
    """Give the local NAS sandbox the demo key and the legal entity it may use.

    The sandbox keeps its own database, so this runs its command in a
    separate process.
    """
    _run_sandbox_command("migrate", "--verbosity", "0")
    _run_sandbox_command(
        "add_key",
        "--key",
        SANDBOX_KEY,
        "--ukprn",
        TENANT_UKPRN,
        "--legal-entity",
        f"{LEGAL_ENTITY_ID}:{ORGANISATION_NAME}",
    )


def _run_sandbox_command(*arguments):
    result = subprocess.run(
        [sys.executable, "-m", "sandbox", *arguments],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"The NAS sandbox command {arguments[0]} failed: "
            + (result.stderr.strip().splitlines() or ["no output"])[-1]
        )
