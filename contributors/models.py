from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Contribution(models.Model):
    """Which contributor of the unit fills in which leaf criterion of one assessment (so, of one year)."""

    assessment = models.ForeignKey(
        "assessments.Assessment", verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE,
        related_name="contributions",
    )
    node = models.ForeignKey("frameworks.Node", verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bộ phận tham mưu"), on_delete=models.PROTECT,
        related_name="contributions",
    )
    # The head's "đã xem xét": it holds while the score has not been saved again since.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người xem xét"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "node"], name="one_contributor_per_criterion")]
        verbose_name = _("phân công bộ phận tham mưu")
        verbose_name_plural = _("phân công bộ phận tham mưu")
