from django.db import models
from django.utils import timezone


class FloorRow(models.Model):
    """One row per request to the floor view: the least a submission can cost."""

    email = models.CharField(max_length=254)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Floor row {self.pk}"
