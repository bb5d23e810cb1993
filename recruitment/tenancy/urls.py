from django.urls import path

from . import views

app_name = "tenancy"

urlpatterns = [
    path("t/<slug:slug>/sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("profile/", views.profile, name="profile"),
]
