from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "recruitment.api"
    label = "api"
    verbose_name = "JSON API"

    def ready(self):
        from recruitment.demo import DEMO_EXTENSIONS

        from .demo import add_demo_api_token

        if add_demo_api_token not in DEMO_EXTENSIONS:
            DEMO_EXTENSIONS.append(add_demo_api_token)
