from django.db import models
from django.utils import timezone

from recruitment.tenancy.models import Tenant


class Organisation(models.Model):
    """An employer the provider recruits apprentices for."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    address_line1 = models.CharField("Address line 1", max_length=100, blank=True)
    address_line2 = models.CharField("Address line 2", max_length=100, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    employer_description = models.TextField(blank=True)
    web_address = models.URLField(max_length=100, blank=True)
    legal_entity_id = models.CharField(
        "Account legal entity ID",
        max_length=20,
        blank=True,
        help_text="The employer's account legal entity public hashed ID on the "
        "apprenticeship service, for example V7XJ4M. Needed to upload jobs to "
        "NAS.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["tenant", "name"])]

    def __str__(self):
        return self.name


class Contact(models.Model):
    """A person at an organisation; a job's contact appears on its advert."""

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=100)
    phone = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name
