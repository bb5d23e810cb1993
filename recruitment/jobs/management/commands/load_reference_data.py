from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from recruitment.jobs.reference_data import (
    SNAPSHOT_PATH,
    ReferenceDataError,
    load_from_file,
    nas_ready_programmes,
    refresh_from_api,
)
from recruitment.nas.errors import RecruitmentApiError
from recruitment.tenancy.models import Tenant


class Command(BaseCommand):
    help = (
        "Replace the stored training courses, candidate skills and qualification "
        "types. By default the courses come from the shipped snapshot "
        f"({SNAPSHOT_PATH.name}); --from-api fetches every list from the "
        "Recruitment API with a tenant's NAS key. Schedule --from-api daily."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--from-api",
            action="store_true",
            help="Fetch the lists from the Recruitment API (needs --tenant).",
        )
        source.add_argument(
            "--from-file",
            metavar="PATH",
            help="Read the courses from a CSV file like the snapshot (columns "
            "lars_code, title, level) or a JSON file in the API's "
            '{"trainingCourses": [...]} shape.',
        )
        parser.add_argument(
            "--tenant",
            metavar="SLUG",
            help="With --from-api: the tenant whose NAS key and environment to use.",
        )
        parser.add_argument(
            "--programme",
            type=int,
            metavar="ID",
            help="With --from-api: the account programme whose Jobs token to use, "
            "when the tenant has several with NAS ready (default: the oldest).",
        )

    def handle(self, *args, **options):
        try:
            if options["from_api"]:
                result = refresh_from_api(self._programme(options))
            else:
                if options["tenant"] or options["programme"]:
                    raise CommandError("--tenant and --programme need --from-api.")
                path = options["from_file"]
                result = load_from_file(Path(path) if path else None)
        except (ReferenceDataError, RecruitmentApiError) as exc:
            raise CommandError(f"Nothing was changed: {exc}") from None
        self.stdout.write(str(result))

    def _programme(self, options):
        slug = options["tenant"]
        if not slug:
            raise CommandError(
                "--from-api needs --tenant SLUG, the tenant whose NAS key to use."
            )
        tenant = Tenant.objects.filter(slug=slug).first()
        if tenant is None:
            raise CommandError(f"No tenant has the slug {slug!r}.")

        programmes = nas_ready_programmes(tenant)
        if options["programme"] is not None:
            programmes = [p for p in programmes if p.pk == options["programme"]]
        if not programmes:
            raise CommandError(
                f"Tenant {slug} has no programme with NAS ready (NAS enabled by "
                "support, programme confirmed, NAS integration ticked and a system "
                "key entered)"
                + (f" with id {options['programme']}." if options["programme"] else ".")
            )
        return programmes[0]
