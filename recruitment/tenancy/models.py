from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from .emails import email_key

ukprn_validator = RegexValidator(
    r"^[0-9]{8}\Z",
    "Enter the UKPRN as 8 digits, for example 10012345.",
    code="invalid_ukprn",
)


class Tenant(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        unique=True, help_text="Used in the tenant's sign-in address."
    )
    ukprn = models.CharField(
        "UKPRN",
        max_length=8,
        unique=True,
        error_messages={"unique": "Another tenant already has this UKPRN."},
        validators=[ukprn_validator],
        help_text="The provider's 8-digit UK Provider Reference Number.",
    )
    nas_enabled = models.BooleanField(
        "NAS integration enabled by support",
        default=False,
        help_text="Only support can switch this on. Tenant admins can then "
        "tick NAS integration on a programme's Jobs token.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = (self.slug or "").lower()
        super().save(*args, **kwargs)

    def clean(self):
        # Sign-in addresses differing only in case would look alike, so slugs
        # are stored in lower case and compared that way.
        self.slug = (self.slug or "").lower()
        clash = Tenant.objects.filter(slug=self.slug).exclude(pk=self.pk)
        if self.slug and clash.exists():
            raise ValidationError({"slug": "Another tenant already has this slug."})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, *, tenant=None, **fields):
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=email.strip(), tenant=tenant, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=User.Role.SUPPORT)
        return self.create_user(email, password, tenant=None, **fields)

    def get_by_natural_key(self, username):
        # Only support users sign in without a tenant (the Django admin).
        return self.get(tenant__isnull=True, email_key=email_key(username))


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: support, tenant staff, or a learner.

    Staff and learners of a tenant share one email space, so the unique
    constraint on the email key covers both.
    """

    class Role(models.TextChoices):
        SUPPORT = "support", "Support"
        ADMIN = "admin", "Tenant admin"
        RECRUITER = "recruiter", "Recruiter"
        VIEWER = "viewer", "Viewer"
        LEARNER = "learner", "Learner"

    tenant = models.ForeignKey(
        Tenant, null=True, blank=True, on_delete=models.CASCADE, related_name="users"
    )
    email = models.EmailField("email address", max_length=254)
    email_key = models.CharField(max_length=254, editable=False)
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        "Django admin access",
        default=False,
        help_text="Support users only: allows signing in to the Django admin.",
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "email_key"], name="user_email_unique_per_tenant"
            ),
            models.UniqueConstraint(
                fields=["email_key"],
                condition=models.Q(tenant__isnull=True),
                name="support_user_email_unique",
            ),
        ]
        # Learners are users too, so a tenant can have 100,000 users and a
        # handful of staff. The staff lists (case owners) find them by role.
        indexes = [models.Index(fields=["tenant", "role"], name="user_tenant_role")]

    def __str__(self):
        return self.full_name or self.email

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def save(self, *args, **kwargs):
        self.email = self.email.strip()
        self.email_key = email_key(self.email)
        super().save(*args, **kwargs)

    def validate_unique(self, exclude=None):
        self.email_key = email_key(self.email or "")
        super().validate_unique(exclude)

    def clean(self):
        super().clean()
        errors = {}
        is_support = self.role == self.Role.SUPPORT
        if is_support and self.tenant_id is not None:
            errors["tenant"] = "Support users belong to no tenant: leave it empty."
        if not is_support and self.tenant_id is None:
            errors["tenant"] = "Choose the tenant this user belongs to."
        if is_support:
            # Support users sign in to the support site only.
            self.is_staff = True

        # The unique constraint is on the stored key, which forms do not
        # show, so the clash is reported on the email field here.
        key = email_key(self.email or "")
        others = User.objects.filter(email_key=key).exclude(pk=self.pk)
        others = (
            others.filter(tenant_id=self.tenant_id)
            if self.tenant_id
            else others.filter(tenant__isnull=True)
        )
        if self.email and others.exists():
            errors["email"] = (
                "This email address is already used by a user of this tenant "
                "(staff or learner). Use another address."
                if self.tenant_id
                else "This email address is already used by a support user."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_tenant_staff(self):
        return self.tenant_id is not None and self.role in (
            self.Role.ADMIN,
            self.Role.RECRUITER,
            self.Role.VIEWER,
        )

    @property
    def is_tenant_admin(self):
        return self.tenant_id is not None and self.role == self.Role.ADMIN

    @property
    def can_edit_jobs(self):
        return self.tenant_id is not None and self.role in (
            self.Role.ADMIN,
            self.Role.RECRUITER,
        )

    @property
    def can_manage_applicants(self):
        return self.can_edit_jobs


class UserGroup(models.Model):
    """A node of the tenant's tree of user groups."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="user_groups"
    )
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["tenant", "parent", "created_at", "id"])]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id and self.parent.tenant_id != self.tenant_id:
            raise ValidationError({"parent": "Choose a group of the same tenant."})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "A group cannot be inside itself."})
            ancestor = ancestor.parent

    @property
    def is_last_root(self):
        if self.parent_id is not None:
            return False
        other_roots = UserGroup.objects.filter(
            tenant_id=self.tenant_id, parent__isnull=True
        ).exclude(pk=self.pk)
        return not other_roots.exists()

    def delete(self, *args, **kwargs):
        if self.is_last_root:
            raise ValidationError(
                "This is the tenant's last root group, so it cannot be "
                "deleted. Create another root group first."
            )
        return super().delete(*args, **kwargs)


def earliest_root_group(tenant) -> UserGroup:
    """Return the tenant's root group created first (then the lowest id)."""
    return (
        UserGroup.objects.filter(tenant=tenant, parent__isnull=True)
        .order_by("created_at", "id")
        .first()
    )
