import datetime
import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from recruitment.jobs.rules import DURATION_RULES, PRODUCT_RULE, check_job
from recruitment.jobs.services import london_today, stored_training_codes

# Exit statuses: 0 when every job is valid, 1 when one is not, 2 when the
# command could not run.
EXIT_INVALID = 1
EXIT_UNUSABLE = 2


class Command(BaseCommand):
    help = (
        "Check jobs against the advert rules of the Recruitment API and the "
        "product. PATH is a JSON file, or - for standard input, holding one job "
        "object or a list of them, with the job field names (organisation and "
        "contact as objects). Prints {valid, errors} for each job, and exits 0 "
        "when every job is valid, 1 when one is not, 2 when the input or an "
        "option is unusable."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # argparse prints the usage text before an option error. Scripts get
        # one line on stderr instead, with exit status 2.
        parser.error = self._option_error
        return parser

    def _option_error(self, message):
        if self._called_from_command_line:
            sys.stderr.write(f"check_vacancy: {message}\n")
            sys.exit(EXIT_UNUSABLE)
        raise CommandError(message, returncode=EXIT_UNUSABLE)

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="JSON file, or - for stdin")
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="The date to check against (default: today in Europe/London).",
        )
        parser.add_argument(
            "--duration-rule",
            default=PRODUCT_RULE,
            metavar="|".join(DURATION_RULES),
            help="The minimum duration rule: product (12 months, the default) or "
            "government (8 months for starts from 1 August 2025).",
        )

    def handle(self, *args, **options):
        today = self._today(options["today"])
        rule = options["duration_rule"]
        if rule not in DURATION_RULES:
            self._fail(
                f"--duration-rule must be one of {', '.join(DURATION_RULES)}, "
                f"not {rule!r}."
            )
        payload = self._read(options["path"])
        jobs = payload if isinstance(payload, list) else [payload]
        for index, job in enumerate(jobs):
            if not isinstance(job, dict):
                self._fail(f"job {index + 1} is not a JSON object.")

        training_codes = self._training_codes()
        results = []
        for job in jobs:
            failures = check_job(
                job, today, duration_rule=rule, training_codes=training_codes
            )
            results.append(
                {
                    "valid": not failures,
                    "errors": [
                        {"field": f.field, "message": f.message} for f in failures
                    ],
                }
            )

        output = results if isinstance(payload, list) else results[0]
        self.stdout.write(json.dumps(output, indent=2, ensure_ascii=False))
        if not all(result["valid"] for result in results):
            sys.exit(EXIT_INVALID)

    def _fail(self, message):
        raise CommandError(message, returncode=EXIT_UNUSABLE)

    def _today(self, text):
        if not text:
            return london_today()
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            self._fail(f"--today must be a date as YYYY-MM-DD, not {text!r}.")

    def _read(self, path):
        try:
            if path == "-":
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as file:
                    text = file.read()
        except OSError as exc:
            self._fail(f"cannot read {path}: {exc.strerror}.")
        except UnicodeDecodeError:
            self._fail(f"{path} is not UTF-8 text.")

        try:
            payload = json.loads(text)
        except ValueError as exc:
            self._fail(f"{path} is not valid JSON: {exc}.")
        if not isinstance(payload, dict | list):
            self._fail(f"{path} must hold a job object or a list of job objects.")
        return payload

    def _training_codes(self):
        try:
            return stored_training_codes()
        except DatabaseError:
            # An unmigrated database must not stop a check of the other rules.
            self.stderr.write(
                "check_vacancy: training codes not checked against the stored "
                "list, because the database is not migrated (run manage.py "
                "migrate)."
            )
            return None
