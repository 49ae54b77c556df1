from axes.apps import AppConfig as BaseAxesConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(BaseAxesConfig):
    """django-axes under a Vietnamese name in the admin (it has no Vietnamese catalogue of its own)."""

    verbose_name = _("Đăng nhập sai và khóa tài khoản")
