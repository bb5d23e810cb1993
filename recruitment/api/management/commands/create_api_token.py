from django.core.management.base import BaseCommand, CommandError

from recruitment.tenancy.emails import email_key
from recruitment.tenancy.models import Tenant, User

from ...tokens import TokenNotAllowed, issue_token


class Command(BaseCommand):
    help = (
        "Create a JSON API token for a staff user and print it. The token is "
        "printed once: only its hash is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tenant", required=True, help="The tenant's slug.")
        parser.add_argument(
            "--user", required=True, help="The staff user's email address."
        )
        parser.add_argument(
            "--name",
            default="Command line token",
            help="A name for the token, shown on the user's profile page.",
        )

    def handle(self, *args, **options):
        tenant = Tenant.objects.filter(slug=options["tenant"]).first()
        if tenant is None:
            raise CommandError(f"No tenant has the slug {options['tenant']!r}.")
        user = User.objects.filter(
            tenant=tenant, email_key=email_key(options["user"])
        ).first()
        if user is None:
            raise CommandError(
                f"Tenant {tenant.slug} has no user with the email address "
                f"{options['user']!r}."
            )
        name = options["name"].strip()
        if not name or len(name) > 100:
            raise CommandError("Give a token name of 1 to 100 characters.")

        try:
            row, token = issue_token(user, name)
        except TokenNotAllowed as error:
            raise CommandError(str(error)) from None

        self.stderr.write(
            f"Created API token {row.name!r} ({row.prefix}…) for {user.email} of "
            f"{tenant.slug}. Store it now: it is not shown again."
        )
        self.stdout.write(token)
