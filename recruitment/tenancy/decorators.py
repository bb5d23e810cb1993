from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect


def staff_required(view=None, *, permission=None):
    """Allow only signed-in staff of a tenant; optionally one more check.

    `permission` names a property of the user, such as "can_edit_jobs" or
    "is_tenant_admin", that must be true, otherwise the response is 403.
    """

    def decorator(view_func):
        @wraps(view_func)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect("home")
            if not user.is_tenant_staff:
                raise PermissionDenied("This page is for the provider's staff.")
            if permission and not getattr(user, permission):
                raise PermissionDenied("Your role does not allow this.")
            return view_func(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator
