from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "recruitment.applications"
    label = "applications"
    verbose_name = "Job applications"
