from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class UnitKind(models.TextChoices):
    CITY = "city", _("Thành phố")
    DISTRICT = "district", _("Quận/huyện")
    DEPARTMENT = "department", _("Phòng chuyên môn")
    WARD = "ward", _("Phường/xã")
    CITY_DEPARTMENT = "city_department", _("Sở, ban, ngành")


class Unit(models.Model):
    """An administrative unit assessed by (or running) the PAR-Index."""

    code = models.SlugField(_("mã"), max_length=40, unique=True, allow_unicode=False)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    # The framework family that applies to this unit's kind, e.g. "hoangmai-phuong".
    framework_family = models.CharField(_("bộ chỉ số áp dụng"), max_length=60, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self):
        return self.name
