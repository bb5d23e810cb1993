"""The one way views load tenant-owned rows.

Every tenant-owned model has a `tenant` foreign key. Views load rows only
through these helpers, so a user of another tenant gets a 404 and never learns
whether the row exists.
"""

from django.db.models import Model, QuerySet
from django.http import Http404


def for_tenant(model_or_queryset, tenant) -> QuerySet:
    if tenant is None:
        raise Http404("No tenant.")
    if isinstance(model_or_queryset, QuerySet):
        queryset = model_or_queryset
    else:
        queryset = model_or_queryset._default_manager.all()
    return queryset.filter(tenant=tenant)


def get_for_tenant_or_404(model_or_queryset, tenant, **lookups) -> Model:
    queryset = for_tenant(model_or_queryset, tenant)
    try:
        return queryset.get(**lookups)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("Not found.") from None
