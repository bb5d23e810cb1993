from django.core.management.base import BaseCommand, CommandError

from recruitment.jobs.models import Job
from recruitment.nas.upload import upload_job
from recruitment.tenancy.models import Tenant


class Command(BaseCommand):
    help = (
        "Upload jobs to NAS with the same rules as the Upload to NAS button, "
        "printing one line per job. Exits 1 when any job was not uploaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tenant", required=True, help="The tenant's slug.")
        parser.add_argument("job_ids", nargs="+", type=int, metavar="JOB_ID")

    def handle(self, *args, tenant, job_ids, **options):
        try:
            tenant = Tenant.objects.get(slug=tenant)
        except Tenant.DoesNotExist:
            raise CommandError(f"No tenant with the slug {tenant!r}.") from None

        jobs = Job.objects.select_related(
            "tenant", "programme", "organisation", "contact"
        ).filter(tenant=tenant)
        all_uploaded = True
        for job_id in job_ids:
            job = jobs.filter(pk=job_id).first()
            if job is None:
                self.stdout.write(f"{job_id}: not found in tenant {tenant.slug}")
                all_uploaded = False
                continue
            # Operators act as the system: no user, so no role check.
            result = upload_job(job, None)
            line = f"{job_id}: {result.outcome}: {result.message}"
            if result.failures:
                line += " " + "; ".join(
                    f"{failure.field}: {failure.message}" for failure in result.failures
                )
            self.stdout.write(line)
            all_uploaded = all_uploaded and result.ok
        if not all_uploaded:
            raise SystemExit(1)
