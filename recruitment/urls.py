from django.contrib import admin
from django.urls import include, path

from recruitment.tenancy import views as tenancy_views

admin.site.site_header = "Recruitment support"
admin.site.site_title = "Recruitment support"

urlpatterns = [
    path("", tenancy_views.home, name="home"),
    path("", include("recruitment.tenancy.urls")),
    path("programmes/", include("recruitment.programmes.urls")),
    path("organisations/", include("recruitment.organisations.urls")),
    path("jobs/", include("recruitment.jobs.urls")),
    path("nas/", include("recruitment.nas.urls")),
    path("learners/", include("recruitment.learners.urls")),
    path("", include("recruitment.applications.urls")),
    path("api/", include("recruitment.api.urls")),
    path("support/", admin.site.urls),
]
