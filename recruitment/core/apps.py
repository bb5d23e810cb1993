from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "recruitment.core"
    label = "core"
