from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .roles import Role, role_label


class User(AbstractUser):
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.UNIT_STAFF)
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("đơn vị"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="users",
    )
    # A contributor's division inside its unit ("Phòng Kinh tế", "Sở Nội vụ"): how the head tells them apart,
    # and what lead agencies named by a framework ("Chủ trì tham mưu") are matched against.
    division = models.CharField(_("bộ phận, cơ quan tham mưu"), max_length=200, blank=True)
    # Set on accounts the office creates or resets: the one-time password must be replaced at first login.
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)
    # Who changed a user's role or unit matters as much as who changed a score.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    @property
    def display_name(self) -> str:
        """Vietnamese order: family and middle names first (Nguyễn Thị Thu Hà)."""
        return f"{self.last_name} {self.first_name}".strip() or self.username

    @property
    def role_display(self) -> str:
        """The role as the user's organiser names it (``roles.role_label``); only a secretariat's reads the
        unit and its parents, so lists load those with the users."""
        return role_label(self.role, self.unit if self.role == Role.SECRETARIAT and self.unit_id else None)


class Notification(models.Model):
    """An in-app message (e.g. "Phường Hoàng Liệt đã nộp kết quả tự đánh giá")."""

    recipient = models.ForeignKey(
        User, verbose_name=_("người nhận"), on_delete=models.CASCADE, related_name="notifications",
    )
    message = models.CharField(_("nội dung"), max_length=300)
    url = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
