from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frameworks.fields import PointsField
from organizations.hierarchy import organiser_line

from .workflow import Status


# What to load with a period so that ``Period.organiser_line`` needs no query (a district, then its city).
PERIOD_ORGANISER = "organiser__parent"

# Who a period assesses, as its name says it, by the framework's kind of unit.
ASSESSED_UNITS = {
    "ward": _("UBND các phường"),
    "department": _("các phòng chuyên môn"),
    "district": _("UBND các quận, huyện"),
    "city_department": _("các sở, ban, ngành"),
    "province": _("UBND tỉnh, thành phố"),
}


class Period(models.Model):
    """One year's PAR-Index run of one framework version over a set of units."""

    # The district or city whose Nội vụ office runs the period (UBND quận Hoàng Mai for its wards).
    organiser = models.ForeignKey(
        "organizations.Unit", verbose_name=_("cơ quan tổ chức đánh giá"), on_delete=models.PROTECT,
        related_name="organised_periods",
    )
    framework = models.ForeignKey(
        "frameworks.Framework", verbose_name=_("bộ chỉ số"), on_delete=models.PROTECT, related_name="periods"
    )
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    self_assessment_deadline = models.DateField(_("hạn tự đánh giá"), null=True, blank=True)
    appraisal_deadline = models.DateField(_("hạn thẩm định"), null=True, blank=True)
    # ``send_deadline_reminders`` reminds units that have not submitted this many days before their deadline.
    reminder_days = models.PositiveSmallIntegerField(_("nhắc trước hạn (ngày)"), default=3)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    # The office's findings and proposals in its annual report; drafted from the figures until it writes them.
    findings = models.TextField(_("nhận xét, đánh giá và đề xuất"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tạo"),
        null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "framework__key"]
        constraints = [
            models.UniqueConstraint(fields=["organiser", "framework", "year"], name="unique_period_per_organiser"),
        ]
        verbose_name = _("kỳ đánh giá")
        verbose_name_plural = _("kỳ đánh giá")

    def __str__(self):
        return self.identifier

    @property
    def organiser_line(self) -> tuple[int, ...]:
        """The organiser's id and those of the organisers above it, as the access policy reads them;
        load with ``select_related("organiser__parent")`` (``PERIOD_ORGANISER``) to walk without queries."""
        return organiser_line(self.organiser)

    @property
    def identifier(self) -> str:
        """The ``KEY/YEAR`` form that commands take, e.g. ``hoangmai-phuong-2024/2024``."""
        return f"{self.framework.key}/{self.year}"

    @property
    def full_identifier(self) -> str:
        """``ORGANISER/KEY/YEAR`` (``HM/hoangmai-phuong-2024/2024``): what commands take where two
        organisers run the same framework in the same year."""
        return f"{self.organiser.code}/{self.identifier}"

    @property
    def display_name(self) -> str:
        """How people name it: ``Chỉ số CCHC năm 2024 — UBND các phường`` (slugs stay in URLs and commands)."""
        return _("Chỉ số CCHC năm %(year)s — %(assessed)s") % {
            "year": self.year, "assessed": ASSESSED_UNITS.get(self.framework.unit_kind, self.framework.name)}


class Assessment(models.Model):
    """One unit's self-assessment and appraisal in one period; its status is the workflow state."""

    period = models.ForeignKey(
        Period, verbose_name=_("kỳ đánh giá"), on_delete=models.PROTECT, related_name="assessments",
    )
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="assessments",
    )
    status = models.CharField(_("trạng thái"), max_length=30, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField(_("đổi trạng thái lúc"), null=True, blank=True)
    # The secretariat may let one unit edit after the deadline, until this date.
    reopened_until = models.DateField(_("mở lại đến ngày"), null=True, blank=True)
    # Left out of the period (merged, dissolved, not yet operating): not ranked, does not block publication.
    excluded = models.BooleanField(_("không tham gia kỳ đánh giá"), default=False)
    excluded_reason = models.TextField(_("lý do không tham gia"), blank=True)
    # Written by the unit for its self-assessment report (báo cáo tự đánh giá).
    difficulties = models.TextField(_("khó khăn, vướng mắc và đề xuất, kiến nghị"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "unit__order", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="unique_assessment_per_unit")]
        verbose_name = _("hồ sơ đánh giá")
        verbose_name_plural = _("hồ sơ đánh giá")

    def __str__(self):
        return f"{self.unit} — {self.period}"


class SelfScore(models.Model):
    """A unit's own score of one leaf criterion, with its explanation (giải trình)."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE, related_name="self_scores",
    )
    node = models.ForeignKey("frameworks.Node", verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")
    value = PointsField(_("điểm tự chấm"), null=True, blank=True)
    not_assessed = models.BooleanField(_("không đánh giá"), default=False)
    inputs = models.JSONField(_("số liệu"), default=dict, blank=True)
    explanation = models.TextField(_("giải trình"), blank=True)
    # Optimistic lock: a save must name the version it was based on.
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người cập nhật"),
        null=True, on_delete=models.SET_NULL, related_name="+",
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "node"], name="unique_self_score")]
        verbose_name = _("điểm tự chấm")
        verbose_name_plural = _("điểm tự chấm")


def evidence_upload_to(instance, filename):
    return f"evidence/{instance.assessment.period_id}/{instance.assessment.unit.code}/{instance.sha256[:16]}-{filename}"


class Evidence(models.Model):
    """A document proving scores: an uploaded file and/or a reference to an official document."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE, related_name="evidence",
    )
    nodes = models.ManyToManyField("frameworks.Node", related_name="+", verbose_name=_("tiêu chí"))
    title = models.CharField(_("tên tài liệu"), max_length=300)
    file = models.FileField(_("tệp"), upload_to=evidence_upload_to, blank=True)
    # The name the file had on the user's computer: downloads use it, whatever the storage path became.
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    content_type = models.CharField(_("kiểu tệp"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("dung lượng (byte)"), default=0)
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, blank=True)
    document_number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    document_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    document_issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"),
        null=True, on_delete=models.SET_NULL, related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[nodes])

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("tài liệu kiểm chứng")
        verbose_name_plural = _("tài liệu kiểm chứng")

    def __str__(self):
        return self.title


class StatusChange(models.Model):
    """One step of the workflow: the event row kept for every transition."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE, related_name="status_changes",
    )
    action = models.CharField(_("bước"), max_length=40)
    old_status = models.CharField(_("trạng thái trước"), max_length=30, choices=Status.choices)
    new_status = models.CharField(_("trạng thái sau"), max_length=30, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), on_delete=models.PROTECT, related_name="+",
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("bước chuyển trạng thái")
        verbose_name_plural = _("lịch sử trạng thái")


class AssessmentResult(models.Model):
    """The figures results pages read of one assessment, kept in step with its scores.

    Every write that changes a score, a survey result or the appraisal's state refreshes this row in
    the same transaction (``assessments.results``); dashboards and reports read it instead of
    re-adding thousands of score rows. Points in the JSON fields are canonical strings.
    """

    assessment = models.OneToOneField(
        Assessment, verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE, primary_key=True, related_name="result",
    )
    self_total = PointsField(_("tổng điểm tự chấm"))
    # None: the council has not appraised anything yet
    appraised_total = PointsField(
        _("tổng điểm thẩm định"), null=True,
    )
    combined_total = PointsField(_("tổng điểm (thẩm định, còn lại tự chấm)"))
    appraisal_max = PointsField(_("điểm thẩm định tối đa"))
    survey_total = PointsField(_("điểm điều tra XHH"), null=True)  # None: no survey points entered
    # The period's survey parts decide the maximum, whether or not the unit has points in them.
    survey_max = PointsField(_("điểm điều tra XHH tối đa"), default=0)
    parts = models.JSONField(_("điểm theo phần điều tra"), default=list)  # [["sipas", "8.5" or null, "10"]]
    scored = models.PositiveIntegerField(_("số tiêu chí đã chấm"))
    leaves = models.PositiveIntegerField(_("số tiêu chí"))
    areas = models.JSONField(_("điểm theo lĩnh vực"))  # {"1": ["self", "combined", "max", "share %"]}
    shortfalls = models.JSONField(_("điểm bị trừ theo tiêu chí"))  # {"1.1.1": "0.25"}: leaves below their maximum
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("kết quả lưu sẵn")
        verbose_name_plural = _("kết quả lưu sẵn")


class Reminder(models.Model):
    """A reminder sent to a unit that has not submitted: by the office, or automatically before the deadline."""

    assessment = models.ForeignKey(Assessment, verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE,
                                   related_name="reminders")
    deadline = models.DateField(_("hạn được nhắc"), null=True, blank=True)
    automatic = models.BooleanField(_("tự động"), default=False)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người gửi"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    emails = models.PositiveSmallIntegerField(_("số email đã gửi"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("lời nhắc nộp hồ sơ")
        verbose_name_plural = _("lời nhắc nộp hồ sơ")
