"""Create a tenant with many jobs and applications, for the benchmarks.

    python manage.py generate_bench_data --tenant bench-big \
        --jobs 1000 --applications 100000

Applicants, learners and applications are written with PostgreSQL's COPY in
batches, all in one transaction. Every application has its own
applicant (user and Prospect learner). The last line of output is a JSON
object with what the benchmark needs: the tenant slug, the staff user's
email, the public keys of the first jobs and, with --api-token, a JSON API
token.
"""

import datetime
import json
import random
import time
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from recruitment.api.models import ApiToken
from recruitment.applications.models import JobApplication
from recruitment.jobs.models import Job
from recruitment.learners.models import Learner
from recruitment.organisations.models import Organisation
from recruitment.programmes.models import AccountProgramme, JobsToken
from recruitment.tenancy.emails import email_key
from recruitment.tenancy.models import Tenant, User, earliest_root_group

FIRST_NAMES = [
    "Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Harvey", "Isla",
    "Jack", "Keira", "Leo", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Rhys",
    "Sofia", "Theo", "Uma", "Vik", "Willow", "Yusuf", "Zara",
]  # fmt: skip
LAST_NAMES = [
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes",
    "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owen", "Patel",
    "Roberts", "Smith", "Taylor", "Walker", "Wilson", "Wright", "Young",
]  # fmt: skip
JOB_TITLES = [
    "Trainee chef apprentice", "Business administrator apprentice",
    "Software developer apprentice", "Electrician apprentice",
    "Dental nurse apprentice", "Customer service apprentice",
    "Accounts assistant apprentice", "Vehicle technician apprentice",
]  # fmt: skip
# Application statuses, in proportions chosen for the benchmark (not measured).
STATUS_WEIGHTS = {
    JobApplication.Status.APPLIED: 70,
    JobApplication.Status.SHORTLISTED: 12,
    JobApplication.Status.OFFERED: 5,
    JobApplication.Status.PLACED: 3,
    JobApplication.Status.UNSUCCESSFUL: 10,
}
ORGANISATIONS = 50
CASE_OWNED_SHARE = 0.3


class Command(BaseCommand):
    help = (
        "Create a tenant with a staff admin, jobs and applications (each with "
        "its own Prospect learner), for the benchmarks. Prints a JSON summary "
        "as the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tenant", required=True, help="Slug of the new tenant.")
        parser.add_argument("--jobs", type=int, default=1000, help="Number of jobs.")
        parser.add_argument(
            "--applications",
            type=int,
            default=100_000,
            help="Number of applications, spread evenly over the jobs.",
        )
        parser.add_argument(
            "--staff-password",
            required=True,
            help="Password of the staff admin, staff@<slug>.example.",
        )
        parser.add_argument(
            "--nas-key",
            default="",
            help="Sandbox system key for the programme's Jobs token (optional).",
        )
        parser.add_argument(
            "--api-token", action="store_true", help="Issue a JSON API token."
        )
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="Rows per INSERT."
        )
        parser.add_argument("--seed", type=int, default=2027, help="Random seed.")

    def handle(self, *args, **options):
        slug = options["tenant"]
        if options["jobs"] < 1 or options["applications"] < 0:
            raise CommandError("Give at least 1 job and 0 or more applications.")
        if connection.vendor != "postgresql":
            raise CommandError(
                "generate_bench_data writes with PostgreSQL's COPY: set DATABASE_URL "
                "to a PostgreSQL database."
            )
        if Tenant.objects.filter(slug=slug).exists():
            raise CommandError(
                f"Tenant {slug!r} exists already. Choose a new slug, or use a "
                "fresh database."
            )

        started = time.monotonic()
        generator = DataGenerator(options, random.Random(options["seed"]))
        with transaction.atomic():
            # Checking foreign keys as rows arrive, instead of queueing every
            # check for COMMIT, took about half the time in a trial run.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            summary = generator.run()
        summary["seconds"] = round(time.monotonic() - started, 1)

        self.stderr.write(
            f"Created tenant {slug}: {options['jobs']} jobs and "
            f"{options['applications']} applications in {summary['seconds']} s."
        )
        self.stdout.write(json.dumps(summary))


class DataGenerator:
    def __init__(self, options, rng: random.Random):
        self.options = options
        self.rng = rng
        self.batch_size = options["batch_size"]
        self.now = timezone.now()

    def run(self) -> dict:
        slug = self.options["tenant"]
        self.tenant = Tenant.objects.create(
            name=slug.replace("-", " ").title(),
            slug=slug,
            ukprn="10012345",
            nas_enabled=True,
        )
        self.staff = self._create_staff()
        self.programme = self._create_programme()
        jobs = self._create_jobs(self._create_organisations())
        self._create_applications(jobs)

        summary = {
            "tenant": slug,
            "staff_email": self.staff.email,
            "job_keys": [job.public_key for job in jobs[:10]],
            "job_ids": [job.pk for job in jobs[:10]],
        }
        if self.options["api_token"]:
            _, summary["api_token"] = ApiToken.issue(self.staff, "Benchmark token")
        return summary

    def _create_staff(self):
        slug = self.tenant.slug
        staff = User.objects.create_user(
            f"staff@{slug}.example",
            self.options["staff_password"],
            tenant=self.tenant,
            role=User.Role.ADMIN,
            first_name="Morgan",
            last_name="Reid",
        )
        User.objects.create_user(
            f"recruiter@{slug}.example",
            None,
            tenant=self.tenant,
            role=User.Role.RECRUITER,
            first_name="Casey",
            last_name="Owner",
        )
        return staff

    def _create_programme(self):
        programme = AccountProgramme.objects.create(
            tenant=self.tenant, name="Apprenticeships", confirmed=True
        )
        token = JobsToken(
            tenant=self.tenant,
            programme=programme,
            nas_integration=bool(self.options["nas_key"]),
        )
        if self.options["nas_key"]:
            token.set_system_key(self.options["nas_key"])
        token.save()
        return programme

    def _create_organisations(self):
        organisations = [
            Organisation(
                tenant=self.tenant,
                name=f"Employer {number:03d} Ltd",
                town="Leeds",
                postcode="LS1 6DT",
                legal_entity_id="V7XJ4M",
            )
            for number in range(1, ORGANISATIONS + 1)
        ]
        return Organisation.objects.bulk_create(organisations)

    def _create_jobs(self, organisations):
        today = timezone.localdate()
        jobs = [
            Job(
                tenant=self.tenant,
                programme=self.programme,
                organisation=organisations[number % len(organisations)],
                owner=self.staff,
                title=f"{JOB_TITLES[number % len(JOB_TITLES)]} {number + 1}",
                description="Learn the trade while training towards a qualification.",
                address_line1="12 Market Street",
                address_line2="Leeds",
                postcode="LS1 6DT",
                wage_type=Job.WageType.NATIONAL_MINIMUM_WAGE_FOR_APPRENTICES,
                working_hours="Monday to Friday, 9am to 5pm.",
                hours_per_week=Decimal("37.5"),
                maximum_enrolments=2,
                closing_date=today + datetime.timedelta(days=60),
                expected_start_date=today + datetime.timedelta(days=90),
                expected_duration_months=15,
                created_at=self.now - datetime.timedelta(minutes=number),
            )
            for number in range(self.options["jobs"])
        ]
        return Job.objects.bulk_create(jobs, batch_size=self.batch_size)

    def _create_applications(self, jobs):
        group = earliest_root_group(self.tenant)
        case_owners = [user.pk for user in User.objects.filter(tenant=self.tenant)]
        statuses = list(STATUS_WEIGHTS)
        weights = list(STATUS_WEIGHTS.values())
        # One unusable password for every applicant: hashing 100,000 random
        # strings would take minutes and none of them can sign in anyway.
        unusable_password = make_password(None)

        total = self.options["applications"]
        for start in range(0, total, self.batch_size):
            numbers = range(start, min(start + self.batch_size, total))
            users = [self._applicant(number, unusable_password) for number in numbers]
            copy_rows(User, users)
            learners = [
                {
                    "tenant_id": self.tenant.pk,
                    "user_id": user["id"],
                    "status": Learner.Status.PROSPECT,
                    "user_group_id": group.pk,
                    "case_owner_id": self._case_owner(case_owners),
                    "phone": f"07700 9{number % 100000:05d}",
                    "created_at": user["date_joined"],
                }
                for number, user in zip(numbers, users, strict=True)
            ]
            copy_rows(Learner, learners)
            copy_rows(
                Learner.programmes.through,
                [
                    {
                        "learner_id": learner["id"],
                        "accountprogramme_id": self.programme.pk,
                    }
                    for learner in learners
                ],
            )
            copy_rows(
                JobApplication,
                [
                    {
                        "tenant_id": self.tenant.pk,
                        "job_id": jobs[number % len(jobs)].pk,
                        "learner_id": learner["id"],
                        "cv_id": None,
                        "status": self.rng.choices(statuses, weights)[0],
                        "applied_at": learner["created_at"],
                    }
                    for number, learner in zip(numbers, learners, strict=True)
                ],
            )

    def _applicant(self, number, password):
        first_name = FIRST_NAMES[number % len(FIRST_NAMES)]
        last_name = LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]
        email = f"{first_name}.{last_name}.{number}@applicant.example".lower()
        joined = self.now - datetime.timedelta(
            seconds=self.rng.randrange(365 * 24 * 3600)
        )
        return {
            "tenant_id": self.tenant.pk,
            "role": User.Role.LEARNER,
            "email": email,
            "email_key": email_key(email),
            "first_name": first_name,
            "last_name": last_name,
            "password": password,
            "date_joined": joined,
        }

    def _case_owner(self, case_owners):
        if self.rng.random() < CASE_OWNED_SHARE:
            return self.rng.choice(case_owners)
        return None


def copy_rows(model, rows: list[dict]) -> None:
    """Insert rows with PostgreSQL's COPY, giving each dict its new "id".

    Each row maps field attnames (such as "tenant_id") to values; the fields
    left out get their model default. The ids come from the table's own
    sequence, so later inserts through the ORM carry on after them.
    """
    if not rows:
        return
    table = model._meta.db_table
    fields = model._meta.concrete_fields
    defaults = {
        field.attname: field.get_default()
        for field in fields
        if field.attname not in rows[0]
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            [table, len(rows)],
        )
        for row, (new_id,) in zip(rows, cursor.fetchall(), strict=True):
            row["id"] = new_id

        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in fields)
        # psycopg's own cursor: Django's wrapper has no copy().
        with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        row[field.attname]
                        if field.attname in row
                        else defaults[field.attname]
                        for field in fields
                    ]
                )
