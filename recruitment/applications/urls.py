from django.urls import path

from recruitment.learners import views as learners_views

from . import views

app_name = "applications"

urlpatterns = [
    path("candidates/", learners_views.candidates, name="candidates"),
    path("apply/<str:key>/", views.apply, name="apply"),
]
