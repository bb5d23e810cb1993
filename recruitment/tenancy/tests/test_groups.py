import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from recruitment.tenancy.models import UserGroup, earliest_root_group


def test_new_tenant_gets_root_group(tenant):
    roots = UserGroup.objects.filter(tenant=tenant, parent__isnull=True)

    assert roots.count() == 1


def test_earliest_root_group_by_creation_time(tenant):
    first = UserGroup.objects.get(tenant=tenant)
    first.created_at = timezone.now() + dt.timedelta(days=1)
    first.save()
    older = UserGroup.objects.create(
        tenant=tenant, name="Older", created_at=timezone.now() - dt.timedelta(days=3)
    )

    assert earliest_root_group(tenant) == older


def test_earliest_root_group_tie_takes_lowest_id(tenant):
    moment = timezone.now() - dt.timedelta(days=10)
    UserGroup.objects.filter(tenant=tenant).update(created_at=moment)
    original = UserGroup.objects.get(tenant=tenant)
    later_id = UserGroup.objects.create(
        tenant=tenant, name="Same time", created_at=moment
    )

    assert later_id.pk > original.pk
    assert earliest_root_group(tenant) == original


def test_earliest_root_group_ignores_child_groups(tenant):
    root = earliest_root_group(tenant)
    UserGroup.objects.create(
        tenant=tenant,
        name="Child",
        parent=root,
        created_at=timezone.now() - dt.timedelta(days=30),
    )

    assert earliest_root_group(tenant) == root


def test_earliest_root_group_stays_in_tenant(tenant, other_tenant):
    UserGroup.objects.filter(tenant=other_tenant).update(
        created_at=timezone.now() - dt.timedelta(days=100)
    )

    assert earliest_root_group(tenant).tenant == tenant


def test_last_root_group_cannot_be_deleted(tenant):
    root = earliest_root_group(tenant)

    with pytest.raises(ValidationError):
        root.delete()
    assert UserGroup.objects.filter(pk=root.pk).exists()


def test_root_group_deletable_when_another_exists(tenant):
    root = earliest_root_group(tenant)
    UserGroup.objects.create(tenant=tenant, name="Second root")

    root.delete()

    assert not UserGroup.objects.filter(pk=root.pk).exists()
