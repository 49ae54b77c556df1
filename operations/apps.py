from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the installation: backups and restores, health, request ids in the logs."""

    name = "operations"
    verbose_name = _("Vận hành hệ thống")
