from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    UNIT_STAFF = "unit_staff", _("Cán bộ đơn vị")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    SECRETARIAT = "secretariat", _("Thường trực Phòng Nội vụ")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng thẩm định")
    LEADERSHIP = "leadership", _("Lãnh đạo")
    ADMIN = "admin", _("Quản trị hệ thống")


# Roles that belong to one unit and see only that unit's drafts.
UNIT_ROLES = frozenset({Role.UNIT_STAFF, Role.UNIT_HEAD})
# Roles that read every unit's results.
DISTRICT_WIDE_ROLES = frozenset({Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.LEADERSHIP, Role.ADMIN})
# The Nội vụ office: runs periods, returns files, may appraise any criterion, publishes.
OFFICE_ROLES = frozenset({Role.SECRETARIAT, Role.ADMIN})


class User(AbstractUser):
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.UNIT_STAFF)
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("đơn vị"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="users",
    )
    # Who changed a user's role or unit matters as much as who changed a score.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    @property
    def is_unit_user(self) -> bool:
        return self.role in UNIT_ROLES

    @property
    def display_name(self) -> str:
        """Vietnamese order: family and middle names first (Nguyễn Thị Thu Hà)."""
        return f"{self.last_name} {self.first_name}".strip() or self.username


class Notification(models.Model):
    """An in-app message (e.g. "Phường Hoàng Liệt đã nộp kết quả tự đánh giá")."""

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
