from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for `make run`: no models, only the ``seed_demo`` command and what it seeds."""

    name = "demo"
