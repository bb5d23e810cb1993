from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("apply/<str:key>/", views.apply, name="apply"),
]
