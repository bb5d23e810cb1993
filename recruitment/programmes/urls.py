from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("new/", views.programme_create, name="create"),
    path("<int:pk>/", views.programme_detail, name="detail"),
    path("<int:pk>/confirm/", views.programme_confirm, name="confirm"),
    path("<int:pk>/jobs-token/", views.jobs_token_edit, name="jobs_token"),
]
