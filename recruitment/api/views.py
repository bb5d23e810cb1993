from functools import wraps

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from recruitment.tenancy.decorators import staff_required
from recruitment.tenancy.scoping import get_for_tenant_or_404

from .api import api
from .docs import describe_schema
from .errors import error_response
from .forms import ApiTokenForm
from .models import ApiToken
from .tokens import issue_token, revoke_token


@csrf_exempt
def not_found(request, path=""):
    """Return the API's JSON 404 for a path under /api/v1/ that no route matches."""
    return error_response(
        api,
        request,
        404,
        "Not found. Check the path against the API documentation at /api/v1/docs.",
    )


def json_method_not_allowed(view):
    """Wrap a django-ninja view so that its 405 uses the API's JSON error shape.

    django-ninja returns a plain-text "Method not allowed" for a method that
    no operation on the path accepts.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        allowed = response.get("Allow", "")
        return error_response(
            api,
            request,
            405,
            f"Method {request.method} is not allowed here. Use one of: {allowed}.",
            headers={"Allow": allowed},
        )

    return wrapper


def docs(request):
    schema = api.get_openapi_schema()
    return render(request, "api/docs.html", describe_schema(schema))


@require_POST
@staff_required
def create_token(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return render(
            request, "tenancy/profile.html", {"api_token_form": form}, status=400
        )

    row, token = issue_token(request.user, form.cleaned_data["name"])
    response = render(request, "api/token_created.html", {"row": row, "token": token})
    # The page is the only time the token is shown; keep it out of caches.
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@staff_required
def revoke_token_view(request, pk):
    token = get_for_tenant_or_404(ApiToken, request.tenant, pk=pk, user=request.user)
    revoke_token(token)
    messages.success(
        request,
        f"API token {token.name} ({token.prefix}…) revoked. Requests that use it "
        "now get 401.",
    )
    return redirect("tenancy:profile")
