import pytest
from django.db import IntegrityError, transaction

from recruitment.tenancy.models import User


def test_email_unique_per_tenant_ignoring_case(tenant, admin_user):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("  ADMIN@Harbour.Example ", "x", tenant=tenant)


def test_same_email_allowed_in_other_tenant(admin_user, other_tenant):
    user = User.objects.create_user(admin_user.email, "x", tenant=other_tenant)

    assert user.tenant == other_tenant


def test_email_key_folds_unicode_case(tenant):
    User.objects.create_user("strasse@example.de", "x", tenant=tenant)

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("STRASSE@EXAMPLE.DE", "x", tenant=tenant)
    assert User(email="Straße@example.de").email != "strasse@example.de"


def test_email_stored_trimmed(tenant):
    user = User.objects.create_user("  sam@example.com\t", "x", tenant=tenant)

    assert user.email == "sam@example.com"
