from django.urls import URLPattern, path, re_path

from . import views
from .api import api

app_name = "api"


def _v1_urls():
    patterns, ninja_app_name, namespace = api.urls
    for pattern in patterns:
        if not isinstance(pattern, URLPattern):
            continue
        if pattern.name == "api-root":
            # django-ninja keeps this route for reversing the API's base path,
            # and its view raises an HTML 404 that names the docs URL.
            pattern.callback = views.not_found
        else:
            pattern.callback = views.json_method_not_allowed(pattern.callback)
    return patterns, ninja_app_name, namespace


urlpatterns = [
    path("v1/docs", views.docs, name="docs"),
    path("v1/", _v1_urls()),
    path("tokens/new/", views.create_token, name="create_token"),
    path("tokens/<int:pk>/revoke/", views.revoke_token_view, name="revoke_token"),
    # Last, so it only matches a path under v1/ that no route above matches.
    re_path(r"^v1/(?P<path>.*)$", views.not_found),
]
