from django.urls import path

from . import views

app_name = "nas"

urlpatterns = [
    path("jobs/<int:pk>/upload/", views.upload, name="upload"),
    path("jobs/<int:pk>/reference/", views.save_reference, name="reference"),
]
