from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Period(models.Model):
    """One year's PAR-Index run of one framework version over a set of units."""

    framework = models.ForeignKey(
        "frameworks.Framework", verbose_name=_("bộ chỉ số"), on_delete=models.PROTECT, related_name="periods"
    )
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    self_assessment_deadline = models.DateField(_("hạn tự đánh giá"), null=True, blank=True)
    appraisal_deadline = models.DateField(_("hạn thẩm định"), null=True, blank=True)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "framework__key"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "year"], name="unique_period_per_framework_year"),
        ]
        verbose_name = _("kỳ đánh giá")
        verbose_name_plural = _("kỳ đánh giá")

    def __str__(self):
        return self.identifier

    @property
    def identifier(self) -> str:
        """The ``KEY/YEAR`` form that commands take, e.g. ``hoangmai-phuong-2024/2024``."""
        return f"{self.framework.key}/{self.year}"
