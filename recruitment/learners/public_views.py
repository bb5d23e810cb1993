"""Views for learners: the invitation link and their own applications."""

import logging

from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from recruitment.applications.models import JobApplication
from recruitment.tenancy.scoping import for_tenant

from . import services
from .forms import AcceptInvitationForm
from .models import Learner

logger = logging.getLogger(__name__)

TOKEN_MAX_LENGTH = 100
SIGN_IN_BACKEND = "recruitment.tenancy.backends.TenantEmailBackend"


def invalid_invitation(request, problem, message=None):
    status_code = 404 if problem == "unknown" else 410
    message = message or services.INVITATION_PROBLEMS[problem]
    return render(
        request,
        "learners/invitation_invalid.html",
        {"message": message},
        status=status_code,
    )


def limit_referrer(response):
    # The token is in the address, so it must not leak to other sites in a
    # Referer header. "no-referrer" would also make browsers send
    # "Origin: null" with the form, which Django's CSRF check rejects.
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def accept_invitation(request, token):
    if len(token) > TOKEN_MAX_LENGTH:
        return limit_referrer(invalid_invitation(request, "unknown"))
    check = services.check_invitation(token)
    if not check.is_valid:
        return limit_referrer(invalid_invitation(request, check.problem))

    learner = check.invitation.learner
    form = AcceptInvitationForm(learner.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            learner = services.accept_invitation(
                token, form.cleaned_data["new_password1"]
            )
        except services.ApplicantActionError as error:
            return limit_referrer(invalid_invitation(request, "used", str(error)))
        except ValidationError as error:
            form.add_error("new_password2", error)
        else:
            login(request, learner.user, backend=SIGN_IN_BACKEND)
            messages.success(request, "Your password is set and you are signed in.")
            return redirect("learners:my_applications")

    context = {"form": form, "site": check.invitation.tenant, "learner": learner}
    return limit_referrer(render(request, "learners/accept_invitation.html", context))


def my_applications(request):
    user = request.user
    if not user.is_authenticated:
        return redirect("home")
    learner = Learner.objects.filter(user=user).select_related("tenant").first()
    if learner is None:
        raise Http404("This page is for learners.")
    if not learner.can_sign_in:
        logout(request)
        messages.error(
            request,
            "Your account cannot sign in now. Ask your training provider.",
        )
        return redirect("tenancy:sign_in", slug=learner.tenant.slug)

    applications = (
        for_tenant(JobApplication, learner.tenant)
        .filter(learner=learner)
        .select_related("job__organisation")
    )
    return render(
        request,
        "learners/my_applications.html",
        {"learner": learner, "applications": applications},
    )
