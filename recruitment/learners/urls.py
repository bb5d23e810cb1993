from django.urls import path

from . import public_views, views

app_name = "learners"

urlpatterns = [
    path("me/", public_views.my_applications, name="my_applications"),
    path(
        "invitations/<str:token>/",
        public_views.accept_invitation,
        name="accept_invitation",
    ),
    path("candidates/export/", views.candidates_export, name="candidates_export"),
    path("<int:pk>/", views.learner_detail, name="detail"),
    path("<int:pk>/cvs/", views.learner_cvs, name="cvs"),
    path("<int:pk>/cvs/<int:cv_pk>/download/", views.cv_download, name="cv_download"),
    path("<int:pk>/case-owner/", views.set_case_owner, name="set_case_owner"),
    path("<int:pk>/invitation/", views.send_invitation, name="send_invitation"),
    path(
        "<int:pk>/applications/<int:application_pk>/delete/",
        views.delete_application,
        name="delete_application",
    ),
    path("<int:pk>/reinstate/", views.reinstate, name="reinstate"),
]
