from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frameworks.fields import PointsField


class SurveyMethod(models.TextChoices):
    SOCIOLOGICAL = "dtxhh", _("Điều tra xã hội học")
    SIPAS = "sipas", _("SIPAS")
    PAPI = "papi", _("PAPI")


class SurveyResult(models.Model):
    """Survey points of one unit in one period (seed 000: up to 30 points, optional)."""

    assessment = models.OneToOneField(
        "assessments.Assessment", verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE, related_name="survey",
    )
    method = models.CharField(
        _("hình thức"), max_length=10, choices=SurveyMethod.choices, default=SurveyMethod.SOCIOLOGICAL,
    )
    points = PointsField(_("điểm điều tra"))
    respondents = models.PositiveIntegerField(_("số phiếu"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, on_delete=models.SET_NULL, related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết quả điều tra XHH")
        verbose_name_plural = _("kết quả điều tra XHH")
