from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sandbox.adverts.models import ApiKey, LegalEntity, hash_api_key


def _legal_entity(value: str) -> tuple[str, str]:
    hashed_id, separator, name = value.partition(":")
    if not separator or not hashed_id.strip() or not name.strip():
        raise CommandError(
            f"Invalid --legal-entity {value!r}; expected HASHEDID:NAME, "
            'for example V7XJ4M:"Harbour Lane Bakery Ltd".'
        )
    return hashed_id.strip().upper(), name.strip()


class Command(BaseCommand):
    help = (
        "Store a sandbox API key (as its SHA-256 digest) for a provider, with the "
        "employer legal entities it may recruit for. Running it again with the "
        "same key updates the UKPRN and adds or renames legal entities."
    )

    def add_arguments(self, parser):
        parser.add_argument("--key", required=True, help="the API key clients send")
        parser.add_argument(
            "--ukprn", required=True, type=int, help="the provider's 8-digit UKPRN"
        )
        parser.add_argument(
            "--legal-entity",
            action="append",
            default=[],
            metavar="HASHEDID:NAME",
            help="a legal entity the key may act for; repeat for more",
        )

    def handle(self, *args, **options):
        key = options["key"]
        if not key.strip():
            raise CommandError("The key must not be blank.")
        ukprn = options["ukprn"]
        if not 10_000_000 <= ukprn <= 99_999_999:
            raise CommandError(f"Invalid UKPRN {ukprn}; it must have 8 digits.")
        entities = [_legal_entity(value) for value in options["legal_entity"]]

        with transaction.atomic():
            api_key, created = ApiKey.objects.update_or_create(
                key_sha256=hash_api_key(key), defaults={"ukprn": ukprn}
            )
            for hashed_id, name in entities:
                LegalEntity.objects.update_or_create(
                    api_key=api_key,
                    public_hashed_id=hashed_id,
                    defaults={"name": name},
                )
            total = api_key.legal_entities.count()

        action = "Stored new" if created else "Updated"
        self.stdout.write(
            f"{action} key for UKPRN {ukprn} with {total} legal "
            f"{'entity' if total == 1 else 'entities'}."
        )
