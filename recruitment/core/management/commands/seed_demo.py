import json

from django.core.management.base import BaseCommand

from recruitment.demo import build_demo, register_sandbox_key


class Command(BaseCommand):
    help = (
        "Create the demo tenant, staff, programme, organisation and jobs, and "
        "register the demo key with the local NAS sandbox. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print what a script needs (sign-in URL, staff, token, job ids).",
        )
        parser.add_argument(
            "--no-sandbox",
            action="store_true",
            help="Do not register the demo key with the local NAS sandbox.",
        )

    def handle(self, *args, **options):
        demo = build_demo()
        if not options["no_sandbox"]:
            register_sandbox_key()
        data = demo.as_json()
        if options["json"]:
            self.stdout.write(json.dumps(data, indent=2))
            return
        self.stdout.write(
            f"Demo ready. Sign in at {data['sign_in_url']} as "
            f"{data['staff_email']} with password {data['staff_password']}."
        )
