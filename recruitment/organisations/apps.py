from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "recruitment.organisations"
    label = "organisations"
