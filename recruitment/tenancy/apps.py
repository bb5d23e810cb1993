from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "recruitment.tenancy"
    label = "tenancy"
    verbose_name = "Tenants and users"

    def ready(self):
        from . import signals  # noqa: F401
