from django.apps import AppConfig


class NasConfig(AppConfig):
    name = "recruitment.nas"
    label = "nas"
    verbose_name = "NAS (Recruitment API)"
