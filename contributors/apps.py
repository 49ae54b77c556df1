from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributorsConfig(AppConfig):
    name = "contributors"
    verbose_name = _("Bộ phận tham mưu trong đơn vị")
