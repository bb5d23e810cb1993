import hashlib

from django.db import models


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiKey(models.Model):
    """A provider's API key, stored as its SHA-256 hex digest."""

    key_sha256 = models.CharField(max_length=64, unique=True)
    ukprn = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"key for UKPRN {self.ukprn}"


class LegalEntity(models.Model):
    """An employer legal entity that a key's provider may recruit for."""

    api_key = models.ForeignKey(
        ApiKey, on_delete=models.CASCADE, related_name="legal_entities"
    )
    public_hashed_id = models.CharField(max_length=20)
    name = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["api_key", "public_hashed_id"], name="unique_entity_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.public_hashed_id} {self.name}"

    @property
    def account_public_hashed_id(self) -> str:
        # The sandbox has no employer accounts, so each legal entity stands for
        # an account of its own with a derived id.
        return "A" + hash_api_key(self.public_hashed_id.upper())[:5].upper()


class Vacancy(models.Model):
    """An accepted advert: the request body as sent, and who sent it."""

    vacancy_id = models.UUIDField(unique=True)
    reference = models.BigIntegerField(unique=True)
    api_key = models.ForeignKey(ApiKey, on_delete=models.PROTECT)
    employer_name = models.CharField(max_length=200)
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reference"]
        verbose_name_plural = "vacancies"

    def __str__(self) -> str:
        return f"VAC{self.reference}"


class CreateRequest(models.Model):
    """One POST /vacancy/{id} received, whatever its outcome."""

    vacancy_id = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(null=True)
    outcome = models.CharField(max_length=40)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.vacancy_id}: {self.status_code} {self.outcome}"


class FaultSetting(models.Model):
    """The single row of fault switches, kept in the database so all threads see it."""

    class Mode(models.TextChoices):
        NONE = "none"
        DELAY = "delay"
        STATUS_500 = "status_500"
        STATUS_503 = "status_503"
        RATE_LIMIT = "rate_limit"
        DROP_CONNECTION = "drop_connection"
        INVALID_JSON = "invalid_json"

    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.NONE)
    seconds = models.FloatField(default=0)
    remaining = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.mode} for {self.remaining} request(s)"
