from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frameworks.fields import PointsField


class SurveyMethod(models.TextChoices):
    SOCIOLOGICAL = "dtxhh", _("Điều tra xã hội học")
    SIPAS = "sipas", _("SIPAS")
    PAPI = "papi", _("PAPI")


class SurveyPart(models.Model):
    """One survey part of a period's index (the district's survey, SIPAS, PAPI), with its own maximum.

    A period holds a survey when it has at least one part: that, not whether a unit has a number,
    adds the parts' maxima to every unit's maximum.
    """

    period = models.ForeignKey(
        "assessments.Period", verbose_name=_("kỳ đánh giá"), on_delete=models.CASCADE, related_name="survey_parts",
    )
    method = models.CharField(_("hình thức"), max_length=10, choices=SurveyMethod.choices)
    max_points = PointsField(_("điểm tối đa"))
    # The DESIGN.json as set up (``surveys.design``); None: points are entered or imported per unit.
    design = models.JSONField(_("thiết kế phiếu"), null=True, blank=True)
    # The responses imported last: re-importing replaces them, the history keeps each file.
    responses_file = models.CharField(_("tệp phiếu"), max_length=255, blank=True)
    responses_sha256 = models.CharField(_("mã băm SHA-256 của tệp phiếu"), max_length=64, blank=True)
    responses_count = models.PositiveIntegerField(_("số phiếu"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "pk"]
        constraints = [models.UniqueConstraint(fields=["period", "method"], name="unique_survey_part_method")]
        verbose_name = _("phần điều tra")
        verbose_name_plural = _("phần điều tra")

    def __str__(self):
        return f"{self.get_method_display()} — {self.period}"


class SurveyResult(models.Model):
    """One unit's points in one survey part: typed by the office, or computed from its responses."""

    assessment = models.ForeignKey(
        "assessments.Assessment", verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE,
        related_name="survey_results",
    )
    part = models.ForeignKey(SurveyPart, verbose_name=_("phần điều tra"), on_delete=models.CASCADE,
                             related_name="results")
    points = PointsField(_("điểm điều tra"))
    # Points per criterion when computed ({"S1": "13.333"}); a framework leaf's code when the design scores it.
    criteria = models.JSONField(_("điểm theo tiêu chí"), default=dict, blank=True)
    respondents = models.PositiveIntegerField(_("số phiếu"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, on_delete=models.SET_NULL, related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "part"], name="unique_survey_result_part")]
        verbose_name = _("kết quả điều tra XHH")
        verbose_name_plural = _("kết quả điều tra XHH")


class SurveyResponse(models.Model):
    """One respondent's answers as imported (question code -> whole number); replaced by a re-import."""

    part = models.ForeignKey(SurveyPart, verbose_name=_("phần điều tra"), on_delete=models.CASCADE,
                             related_name="responses")
    assessment = models.ForeignKey("assessments.Assessment", verbose_name=_("hồ sơ đánh giá"),
                                   on_delete=models.CASCADE, related_name="+")
    group = models.CharField(_("nhóm đối tượng"), max_length=20)
    answers = models.JSONField(_("câu trả lời"))
    row = models.PositiveIntegerField(_("dòng trong tệp"))

    class Meta:
        verbose_name = _("phiếu điều tra")
        verbose_name_plural = _("phiếu điều tra")


class SamplePlan(models.Model):
    """Per unit and respondent group: the population N and margin e the planned sample comes from."""

    part = models.ForeignKey(SurveyPart, verbose_name=_("phần điều tra"), on_delete=models.CASCADE,
                             related_name="sample_plans")
    assessment = models.ForeignKey("assessments.Assessment", verbose_name=_("hồ sơ đánh giá"),
                                   on_delete=models.CASCADE, related_name="+")
    group = models.CharField(_("nhóm đối tượng"), max_length=20)
    population = models.PositiveIntegerField(_("số người"))
    margin = models.DecimalField(_("sai số"), max_digits=4, decimal_places=3, default="0.05")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["part", "assessment", "group"], name="unique_sample_plan")]
        verbose_name = _("kế hoạch mẫu")
        verbose_name_plural = _("kế hoạch mẫu")
