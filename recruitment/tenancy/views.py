from django.contrib import messages
from django.contrib.auth import login, logout
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .decorators import staff_required
from .forms import SignInForm
from .models import Tenant


def home(request):
    user = request.user
    if user.is_authenticated and user.is_tenant_staff:
        return render(request, "tenancy/dashboard.html")
    if user.is_authenticated and user.role == user.Role.LEARNER:
        return redirect("learners:my_applications")
    return render(request, "tenancy/home.html")


def sign_in(request, slug):
    tenant = get_object_or_404(Tenant, slug=slug)
    form = SignInForm(request.POST or None, tenant=tenant, request=request)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        return redirect("home")
    return render(request, "tenancy/sign_in.html", {"form": form, "site": tenant})


@require_POST
def sign_out(request):
    tenant = request.user.tenant if request.user.is_authenticated else None
    logout(request)
    messages.info(request, "You have signed out.")
    if tenant:
        return redirect("tenancy:sign_in", slug=tenant.slug)
    return redirect("home")


@staff_required
def profile(request):
    return render(request, "tenancy/profile.html")
