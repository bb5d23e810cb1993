from django.apps import AppConfig


class AdvertsConfig(AppConfig):
    name = "sandbox.adverts"
    label = "sandbox_adverts"
    verbose_name = "Sandbox adverts"
