from django.db import models
from django.utils import timezone

from recruitment.jobs.models import Job
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.models import Tenant


class JobApplication(models.Model):
    """The link between a learner and a job."""

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        SHORTLISTED = "shortlisted", "Shortlisted"
        OFFERED = "offered", "Offered"
        PLACED = "placed", "Placed"
        UNSUCCESSFUL = "unsuccessful", "Unsuccessful"

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="applications")
    learner = models.ForeignKey(
        Learner, on_delete=models.CASCADE, related_name="applications"
    )
    cv = models.ForeignKey(
        CV, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=15, choices=Status.choices, default=Status.APPLIED
    )
    applied_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-applied_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "learner"], name="one_application_per_job"
            )
        ]
        indexes = [
            models.Index(fields=["tenant", "status", "-applied_at", "-id"]),
            models.Index(fields=["tenant", "-applied_at", "-id"]),
        ]

    def __str__(self):
        return f"{self.learner} for {self.job}"
