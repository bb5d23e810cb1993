from django.db import models
from django.utils import timezone

from recruitment.core.crypto import EncryptedTextField
from recruitment.tenancy.models import Tenant


class AccountProgramme(models.Model):
    """A programme the tenant runs; its tokens switch features on for it.

    Changes to the tokens take effect once the programme is confirmed: any
    change sets `confirmed` back to False until an admin confirms again.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    confirmed = models.BooleanField(default=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    @property
    def jobs_token(self):
        token, _ = JobsToken.objects.get_or_create(
            programme=self, defaults={"tenant_id": self.tenant_id}
        )
        return token

    @property
    def nas_configured(self):
        """Whether the tenant's admin has set NAS up on this programme."""
        token = JobsToken.objects.filter(programme=self).first()
        return bool(
            self.confirmed
            and token is not None
            and token.enabled
            and token.nas_integration
            and token.has_system_key
        )

    @property
    def nas_ready(self):
        """Whether jobs of this programme may be uploaded to NAS now."""
        return self.tenant.nas_enabled and self.nas_configured


class JobsToken(models.Model):
    """The Jobs feature of a programme, holding its NAS settings."""

    class Environment(models.TextChoices):
        SANDBOX = "sandbox", "Sandbox (for rehearsal; adverts are not published)"
        LIVE = "live", "Live (Find an apprenticeship)"

    class DurationRule(models.TextChoices):
        PRODUCT = (
            "product",
            ("Product rule: at least 12 months, longer below 30 hours a week"),
        )
        GOVERNMENT = (
            "government",
            ("Government minimum by start date: 8 months from 1 August 2025"),
        )

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    programme = models.OneToOneField(
        AccountProgramme, on_delete=models.CASCADE, related_name="+"
    )
    enabled = models.BooleanField("Jobs", default=True)
    nas_integration = models.BooleanField("NAS integration", default=False)
    system_key = EncryptedTextField(blank=True, default="")
    system_key_last4 = models.CharField(max_length=4, blank=True, default="")
    nas_environment = models.CharField(
        "NAS environment",
        max_length=10,
        choices=Environment.choices,
        default=Environment.SANDBOX,
    )
    duration_rule = models.CharField(
        "Minimum duration rule",
        max_length=12,
        choices=DurationRule.choices,
        default=DurationRule.PRODUCT,
    )

    def __str__(self):
        return f"Jobs token of {self.programme}"

    def __repr__(self):
        return (
            f"<JobsToken programme={self.programme_id} key=****{self.system_key_last4}>"
        )

    @property
    def has_system_key(self):
        return bool(self.system_key_last4)

    @property
    def masked_system_key(self):
        return f"•••• {self.system_key_last4}" if self.system_key_last4 else ""

    def set_system_key(self, key: str) -> None:
        key = key.strip()
        self.system_key = key
        self.system_key_last4 = key[-4:]
