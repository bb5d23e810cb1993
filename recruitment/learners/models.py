import uuid

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from recruitment.programmes.models import AccountProgramme
from recruitment.tenancy.models import Tenant, User, UserGroup


class Learner(models.Model):
    """A person the provider trains or may train; signs in as a User."""

    class Status(models.TextChoices):
        PROSPECT = "prospect", "Prospect"
        INVITED = "invited", "Invited"
        FULL_USER = "full_user", "Full user"
        EXPIRED = "expired", "Expired"
        CANCELLED = "cancelled", "Cancelled"

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="learner")
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PROSPECT
    )
    user_group = models.ForeignKey(
        UserGroup, on_delete=models.PROTECT, related_name="learners"
    )
    programmes = models.ManyToManyField(
        AccountProgramme, blank=True, related_name="learners"
    )
    case_owner = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_learners",
    )
    phone = models.CharField(max_length=30, blank=True)
    address_line1 = models.CharField("Address line 1", max_length=100, blank=True)
    address_line2 = models.CharField("Address line 2", max_length=100, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["tenant", "status"])]

    def __str__(self):
        return str(self.user)

    @property
    def can_sign_in(self):
        return self.status == self.Status.FULL_USER


class _CVStorage(LazyObject):
    """The "cvs" storage, looked up when first used rather than at import.

    A FileField binds its storage when the model class is built. This proxy
    lets a later change to STORAGES (a deployment's settings, or a test's)
    reach the field, because `reset_cv_storage` drops the looked-up backend.
    """

    def _setup(self):
        self._wrapped = storages["cvs"]


_cv_storage = _CVStorage()


def cv_storage():
    return _cv_storage


@receiver(setting_changed)
def reset_cv_storage(setting, **kwargs):
    if setting == "STORAGES":
        _cv_storage._wrapped = empty


def cv_upload_to(instance, filename):
    # The stored name is generated: nothing the applicant typed reaches the
    # storage path. The original name is kept in CV.original_name.
    return f"tenant-{instance.tenant_id}/{uuid.uuid4().hex}"


class CV(models.Model):
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="cvs")
    file = models.FileField(upload_to=cv_upload_to, storage=cv_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    file_type = models.CharField(
        max_length=10, help_text="The type found from the content, such as pdf."
    )
    size = models.PositiveIntegerField()
    is_completed = models.BooleanField(
        default=False,
        help_text="A CV that came with an application: complete and read-only.",
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = "CV"

    def __str__(self):
        return self.original_name

    @property
    def is_editable(self):
        return not self.is_completed


class Invitation(models.Model):
    """A single-use link that lets a learner set a password and sign in.

    Only a hash of the token is stored; the link in the email carries the
    token itself. Sending a new invitation revokes the earlier ones.
    """

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    learner = models.ForeignKey(
        Learner, on_delete=models.CASCADE, related_name="invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    sent_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return (
            f"Invitation for learner {self.learner_id} sent {self.created_at:%Y-%m-%d}"
        )


class AuditEvent(models.Model):
    """A record of an action on a learner: who took it, what it was, and when."""

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
    learner = models.ForeignKey(
        Learner, on_delete=models.CASCADE, related_name="audit_events"
    )
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=50)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.action} on learner {self.learner_id}"
