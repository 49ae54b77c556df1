from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frameworks.fields import PointsField


class ImportedResult(models.Model):
    """A unit's result of a year that ParIndex did not run, imported as the official documents state it.

    Any figure may be missing (Phú La's 2019 rank is known only from "giảm 9 bậc"); where one comes
    from is kept with it: the file or seed and its row or line.
    """

    family = models.SlugField(_("họ bộ chỉ số"), max_length=60)
    year = models.PositiveSmallIntegerField(_("năm"))
    unit = models.ForeignKey("organizations.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                             related_name="imported_results")
    # Set when the row named a framework key: its criterion scores were checked against that tree.
    framework = models.ForeignKey("frameworks.Framework", verbose_name=_("bộ chỉ số"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    total = PointsField(_("tổng điểm"), null=True, blank=True)
    max_total = PointsField(_("điểm tối đa"), null=True, blank=True)
    index_pct = models.DecimalField(_("chỉ số (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField(_("xếp hạng"), null=True, blank=True)
    unit_count = models.PositiveIntegerField(_("số đơn vị"), null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=200)
    source_line = models.PositiveIntegerField(_("dòng trong nguồn"))
    # Figures the source prints on another line than ``source_line``: {"total": 274, …}.
    figure_lines = models.JSONField(_("dòng của từng số liệu"), default=dict, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField(_("nhập lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["family", "-year", "rank", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["family", "year", "unit"], name="unique_imported_result")]
        verbose_name = _("kết quả năm trước")
        verbose_name_plural = _("kết quả năm trước")

    def __str__(self):
        return f"{self.unit} — {self.family} {self.year}"


class ImportedScore(models.Model):
    """One criterion's score in an imported result, with its own line where the source prints it apart."""

    result = models.ForeignKey(ImportedResult, verbose_name=_("kết quả"), on_delete=models.CASCADE,
                               related_name="scores")
    code = models.CharField(_("mã tiêu chí"), max_length=20)
    points = PointsField(_("điểm"))
    source_line = models.PositiveIntegerField(_("dòng trong nguồn"))

    class Meta:
        ordering = ["result", "id"]
        constraints = [models.UniqueConstraint(fields=["result", "code"], name="unique_imported_score")]
        verbose_name = _("điểm tiêu chí năm trước")
        verbose_name_plural = _("điểm tiêu chí năm trước")
