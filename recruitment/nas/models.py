from django.db import models
from django.utils import timezone

from recruitment.jobs.models import Job
from recruitment.tenancy.models import Tenant, User


class UploadAttempt(models.Model):
    """One press of "Upload to NAS" (or its API or command equivalent).

    `error_text` contains the message staff saw, never the API's raw response
    body, which may echo personal data such as the contact's email.
    """

    class Result(models.TextChoices):
        STARTED = "started", "Started"
        UPLOADED = "uploaded", "Uploaded"
        REJECTED_BY_RULES = "rejected_by_rules", "Failed our advert rules"
        REJECTED_BY_API = "rejected_by_api", "Rejected by the Recruitment API"
        ALREADY_SUBMITTED = "already_submitted", "Already submitted"
        OUTCOME_UNKNOWN = "outcome_unknown", "Outcome unknown"
        FAILED = "failed", "Failed"
        REFUSED = "refused", "Refused"

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="nas_attempts")
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    vacancy_id = models.UUIDField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    result = models.CharField(
        max_length=20, choices=Result.choices, default=Result.STARTED
    )
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error_text = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.job_id} {self.result} at {self.started_at:%Y-%m-%d %H:%M}"
