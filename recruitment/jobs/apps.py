from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "recruitment.jobs"
    label = "jobs"
