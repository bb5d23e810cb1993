from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Tenant, UserGroup


@receiver(post_save, sender=Tenant)
def create_root_group(sender, instance, created, raw=False, **kwargs):
    """Give every new tenant the root user group that applicants join."""
    if created and not raw:
        UserGroup.objects.create(tenant=instance, name="All users")
