from django.apps import AppConfig


class LearnersConfig(AppConfig):
    name = "recruitment.learners"
    label = "learners"
