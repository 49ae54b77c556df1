from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organizations.models import UnitKind

from . import rules
from .fields import PointsField
from .points import parse_points


class Framework(models.Model):
    """One official version of a PAR-Index tree (a Khung / Bộ chỉ số), loaded from a fixture."""

    key = models.SlugField(_("mã"), max_length=60, unique=True)
    family = models.SlugField(_("họ bộ chỉ số"), max_length=60, db_index=True)
    name = models.CharField(_("tên"), max_length=300)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    document = models.CharField(_("văn bản"), max_length=300, blank=True)
    unit_kind = models.CharField(_("áp dụng cho"), max_length=20, choices=UnitKind.choices + [("province", _("Tỉnh/thành phố"))])
    effective_year = models.PositiveSmallIntegerField(_("năm áp dụng"))
    appraisal_max_points = PointsField(_("điểm thẩm định tối đa"))
    survey_max_points = PointsField(_("điểm điều tra XHH tối đa"), default=0)
    partial = models.BooleanField(_("chỉ liệt kê một phần"), default=False)
    previous_version = models.ForeignKey(
        "self", verbose_name=_("phiên bản trước"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="next_versions",
    )
    source_file = models.CharField(_("tệp nguồn"), max_length=100)
    errata = models.JSONField(_("đính chính"), default=list, blank=True)
    extra = models.JSONField(_("thông tin khác"), default=dict, blank=True)
    # Fingerprint of the fixture it was loaded from: reloading the same file changes nothing.
    fingerprint = models.CharField(_("dấu vân tay nội dung"), max_length=64, editable=False)
    # Bumped by every edit of responsible offices, which the office may make even on a version in use (they
    # organise the appraisal, not the scoring): with the fingerprint it keys every process's cached tree.
    offices_revision = models.PositiveIntegerField(_("lần sửa đơn vị phụ trách"), default=0, editable=False)

    class Meta:
        ordering = ["family", "-effective_year"]
        verbose_name = _("bộ chỉ số")
        verbose_name_plural = _("bộ chỉ số")

    def __str__(self):
        return f"{self.name} ({self.key})"

    @property
    def points_step(self) -> Decimal:
        """The step of a hand-typed score: 0,25 where the decision scores in quarters, else 0,01."""
        return parse_points(self.extra.get("points_step", rules.DEFAULT_STEP))

    @property
    def assessed_kind(self) -> str:
        """The kind of unit it assesses: a province framework assesses a city (Hà Nội), the rest their own kind."""
        return UnitKind.CITY if self.unit_kind == "province" else self.unit_kind

    @property
    def max_points(self):
        return self.appraisal_max_points + self.survey_max_points


class Node(models.Model):
    """An area (level 1), criterion (level 2) or sub-criterion (level 3) of a framework."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("bộ chỉ số"), on_delete=models.CASCADE, related_name="nodes",
    )
    code = models.CharField(_("mã"), max_length=20)
    parent = models.ForeignKey(
        "self", verbose_name=_("tiêu chí cha"), null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    title = models.TextField(_("nội dung"))
    max_points = PointsField(_("điểm tối đa"))
    order = models.PositiveIntegerField(_("thứ tự"))
    level = models.PositiveSmallIntegerField(_("cấp"))
    notes = models.TextField(_("ghi chú"), blank=True)
    responsible_offices = models.JSONField(_("đơn vị phụ trách"), default=list, blank=True)
    cooperating_agencies = models.JSONField(_("đơn vị phối hợp"), default=list, blank=True)
    rule = models.JSONField(_("cách tính điểm"), null=True, blank=True)
    source_line = models.PositiveIntegerField(_("dòng trong văn bản nguồn"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="unique_node_code_per_framework"),
        ]
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")

    def __str__(self):
        return f"{self.code}. {self.title}"

    @property
    def scoring_rule(self) -> dict:
        """The rule as scored: hand-typed parts on the framework's step (``node.framework`` is read)."""
        return rules.with_step(self.rule, self.framework.points_step)
