from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "recruitment.api"
    label = "api"
    verbose_name = "JSON API"
