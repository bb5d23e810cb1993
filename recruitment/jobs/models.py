import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from recruitment.organisations.models import Contact, Organisation
from recruitment.programmes.models import AccountProgramme
from recruitment.tenancy.models import Tenant, User


def new_public_key():
    return secrets.token_urlsafe(18)


class Job(models.Model):
    """A position at an organisation; Apprenticeship jobs can go to NAS.

    The NAS field names match the advert rules, the JSON API and the
    check_vacancy command, so one mapping serves them all.
    """

    class ContractType(models.TextChoices):
        APPRENTICESHIP = "apprenticeship", "Apprenticeship"
        PERMANENT = "permanent", "Permanent"
        FIXED_TERM = "fixed_term", "Fixed term"
        TEMPORARY = "temporary", "Temporary"
        OTHER = "other", "Other"

    class WageType(models.TextChoices):
        FIXED_WAGE = "fixed_wage", "Fixed wage"
        NATIONAL_MINIMUM_WAGE_FOR_APPRENTICES = (
            "national_minimum_wage_for_apprentices",
            "National Minimum Wage for apprentices",
        )
        NATIONAL_MINIMUM_WAGE = "national_minimum_wage", "National Minimum Wage"
        COMPETITIVE_SALARY = "competitive_salary", "Competitive salary"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class NasStatus(models.TextChoices):
        NOT_UPLOADED = "not_uploaded", "Not uploaded"
        UPLOADING = "uploading", "Upload in progress"
        OUTCOME_UNKNOWN = "outcome_unknown", "Upload outcome unknown"
        UPLOADED = "uploaded", "Uploaded"

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="jobs")
    programme = models.ForeignKey(
        AccountProgramme,
        verbose_name="account programme",
        on_delete=models.PROTECT,
        related_name="jobs",
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="jobs"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_jobs",
        help_text="The staff member told about new applications.",
    )
    contract_type = models.CharField(
        max_length=20, choices=ContractType.choices, default=ContractType.APPRENTICESHIP
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    public_key = models.CharField(
        max_length=32, unique=True, default=new_public_key, editable=False
    )

    title = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    address_line1 = models.CharField("Address line 1", max_length=100, blank=True)
    address_line2 = models.CharField("Address line 2", max_length=100, blank=True)
    address_line3 = models.CharField("Address line 3", max_length=100, blank=True)
    address_line4 = models.CharField("Address line 4", max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    web_address = models.CharField(max_length=100, blank=True)
    wage_type = models.CharField(max_length=40, choices=WageType.choices, blank=True)
    fixed_wage_yearly_amount = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True
    )
    working_hours = models.CharField(
        max_length=250, blank=True, help_text="A description of the working week."
    )
    maximum_enrolments = models.PositiveIntegerField(null=True, blank=True)
    closing_date = models.DateField(null=True, blank=True)
    expected_start_date = models.DateField(null=True, blank=True)
    desired_skills = models.JSONField(default=list, blank=True)
    desired_personal_qualities = models.JSONField(default=list, blank=True)
    qualifications = models.JSONField(default=list, blank=True)
    future_prospects = models.TextField(blank=True)
    training_to_be_provided = models.TextField(blank=True)
    employer_description = models.TextField(blank=True)
    expected_duration_months = models.PositiveIntegerField(null=True, blank=True)
    hours_per_week = models.DecimalField(
        max_digits=4, decimal_places=2, null=True, blank=True
    )
    training_code = models.CharField(max_length=10, blank=True)

    nas_status = models.CharField(
        max_length=20, choices=NasStatus.choices, default=NasStatus.NOT_UPLOADED
    )
    nas_vacancy_id = models.UUIDField(null=True, blank=True, editable=False)
    nas_vacancy_reference = models.CharField(max_length=20, blank=True)
    nas_uploaded_at = models.DateTimeField(null=True, blank=True)
    nas_claimed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the current upload took the job into 'uploading'.",
    )

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["tenant", "-created_at"]),
            models.Index(fields=["tenant", "organisation"]),
        ]

    def __str__(self):
        return self.title

    @property
    def is_apprenticeship(self):
        return self.contract_type == self.ContractType.APPRENTICESHIP

    @property
    def application_path(self):
        return f"/apply/{self.public_key}/"

    @property
    def application_url(self):
        """The absolute address of the public form, as sent to the Recruitment API."""
        return settings.SITE_URL + self.application_path

    def is_open_for_applications(self, today):
        if self.status != self.Status.OPEN:
            return False
        return self.closing_date is None or self.closing_date >= today


class TrainingCourse(models.Model):
    """An apprenticeship standard from the Recruitment API's reference data."""

    lars_code = models.CharField("LARS code", max_length=10, unique=True)
    title = models.CharField(max_length=300)
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    route = models.CharField(max_length=200, blank=True)
    course_type = models.CharField(max_length=40, default="Apprenticeship")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "level"]

    def __str__(self):
        level = f" (level {self.level})" if self.level else ""
        return f"{self.title}{level} [{self.lars_code}]"


class ReferenceValue(models.Model):
    """A value of a Recruitment API list: candidate skills or qualification types."""

    class Kind(models.TextChoices):
        SKILL = "skill", "Candidate skill"
        QUALIFICATION_TYPE = "qualification_type", "Qualification type"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "value"], name="reference_value_unique"
            )
        ]

    def __str__(self):
        return self.value
