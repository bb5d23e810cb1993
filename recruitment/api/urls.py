from django.urls import path

from . import views
from .api import api

app_name = "api"

urlpatterns = [
    path("v1/docs", views.docs, name="docs"),
    path("v1/", api.urls),
    path("tokens/new/", views.create_token, name="create_token"),
    path("tokens/<int:pk>/revoke/", views.revoke_token_view, name="revoke_token"),
]
