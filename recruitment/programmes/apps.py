from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "recruitment.programmes"
    label = "programmes"
    verbose_name = "Account programmes"
