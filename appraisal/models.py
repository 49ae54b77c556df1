from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frameworks.fields import PointsField


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    MEMBER = "member", _("Thành viên")
    SECRETARY = "secretary", _("Thư ký Hội đồng")


class CouncilMember(models.Model):
    """A seat on a period's appraisal council (seed 000: chair, Nội vụ head as vice-chair, members)."""

    period = models.ForeignKey(
        "assessments.Period", verbose_name=_("kỳ đánh giá"), on_delete=models.CASCADE, related_name="council",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.PROTECT, related_name="council_seats",
    )
    role = models.CharField(_("chức danh"), max_length=20, choices=CouncilRole.choices, default=CouncilRole.MEMBER)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period", "user"], name="one_seat_per_user_and_period")]
        ordering = ["period", "role", "user__username"]
        verbose_name = _("thành viên Hội đồng thẩm định")
        verbose_name_plural = _("Hội đồng thẩm định")

    def __str__(self):
        return f"{self.user.display_name} ({self.get_role_display()})"


class Assignment(models.Model):
    """Which council member reviews which criterion in a period."""

    member = models.ForeignKey(
        CouncilMember, verbose_name=_("thành viên Hội đồng"), on_delete=models.CASCADE, related_name="assignments",
    )
    node = models.ForeignKey("frameworks.Node", verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "node"], name="unique_assignment")]
        verbose_name = _("phân công thẩm định")
        verbose_name_plural = _("phân công thẩm định")


class AppraisedScore(models.Model):
    """The council's decision on one criterion of one unit: confirm the self-score or adjust it."""

    assessment = models.ForeignKey(
        "assessments.Assessment", verbose_name=_("hồ sơ đánh giá"),
        on_delete=models.CASCADE, related_name="appraised_scores",
    )
    node = models.ForeignKey("frameworks.Node", verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")
    value = PointsField(_("điểm thẩm định"), null=True, blank=True)
    not_assessed = models.BooleanField(_("không đánh giá"), default=False)
    reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người quyết định"),
        null=True, on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "node"], name="unique_appraised_score")]
        verbose_name = _("điểm thẩm định")
        verbose_name_plural = _("điểm thẩm định")


class ExplanationMessage(models.Model):
    """One message of the explanation round on a criterion: the council asks, the unit answers."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Đề nghị giải trình")
        ANSWER = "answer", _("Giải trình của đơn vị")
        LEFT = "left", _("Đơn vị không giải trình, lý do")  # a question the unit leaves, saying why

    assessment = models.ForeignKey(
        "assessments.Assessment", verbose_name=_("hồ sơ đánh giá"),
        on_delete=models.CASCADE, related_name="explanations",
    )
    node = models.ForeignKey("frameworks.Node", verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("nội dung"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người viết"), on_delete=models.PROTECT, related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    answer_deadline = models.DateField(_("hạn giải trình"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("trao đổi giải trình")
        verbose_name_plural = _("trao đổi giải trình")


class PublishedResult(models.Model):
    """A frozen copy of a unit's published result; a re-appraisal adds a new version, never edits one."""

    assessment = models.ForeignKey(
        "assessments.Assessment", verbose_name=_("hồ sơ đánh giá"),
        on_delete=models.PROTECT, related_name="publications",
    )
    version = models.PositiveIntegerField(_("phiên bản"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người công bố"), on_delete=models.PROTECT, related_name="+",
    )
    published_at = models.DateTimeField(_("công bố lúc"), auto_now_add=True)
    reason = models.TextField(_("lý do"), blank=True)  # why a re-appraisal changed a published result
    self_total = PointsField(_("tổng điểm tự chấm"))
    appraised_total = PointsField(_("tổng điểm thẩm định"))
    max_total = PointsField(_("điểm tối đa"))
    survey_total = PointsField(_("điểm điều tra XHH"), null=True, blank=True)  # None: no survey points for the unit
    survey_max = PointsField(_("điểm điều tra XHH tối đa"), default=0)  # the period's survey parts at publication
    parts = models.JSONField(_("điểm theo phần điều tra"), default=list)  # as ``AssessmentResult.parts``
    # Per criterion, strings of Decimals (``assessments.scoring.records_to_json``):
    # {"code": {"self": "1.5", "self_not_assessed": false, "appraised": "1.25", "not_assessed": false}}.
    scores = models.JSONField(_("điểm theo tiêu chí"))
    # The stored result figures at publication (see ``assessments.scoring``): areas and lost points.
    areas = models.JSONField(_("điểm theo lĩnh vực"), default=dict)
    shortfalls = models.JSONField(_("điểm bị trừ theo tiêu chí"), default=dict)
    # The newest version of the assessment's publication, the one results show (set by ``services._publish``).
    current = models.BooleanField(_("phiên bản đang dùng"), default=True)

    class Meta:
        ordering = ["assessment", "-version"]
        constraints = [models.UniqueConstraint(fields=["assessment", "version"], name="unique_publication_version")]
        verbose_name = _("kết quả công bố")
        verbose_name_plural = _("kết quả công bố")


OFFICE_REVIEW_TITLE = "Đánh giá của các phòng chuyên môn"


class OfficeReviewPart(models.Model):
    """The district offices' assessment of a period's units (seed 004, Phú La: "điểm đánh giá của các phòng
    chuyên môn quận"): a second appraisal round on some of the framework's leaves, a part of the index with
    its own maximum. The criteria keep their council appraisal as well."""

    period = models.OneToOneField(
        "assessments.Period", verbose_name=_("kỳ đánh giá"), on_delete=models.CASCADE, related_name="office_review",
    )
    title = models.CharField(_("tên phần"), max_length=200, default=OFFICE_REVIEW_TITLE)
    max_points = PointsField(_("điểm tối đa"))
    # Leaf codes of the period's framework, in the framework's order (``appraisal.office_review``).
    criteria = models.JSONField(_("tiêu chí"), default=list)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phần đánh giá của các phòng chuyên môn")
        verbose_name_plural = _("phần đánh giá của các phòng chuyên môn")

    def __str__(self):
        return f"{self.title} — {self.period}"


class OfficeReviewScore(models.Model):
    """One office's points for one unit on one criterion of the offices' assessment."""

    assessment = models.ForeignKey(
        "assessments.Assessment", verbose_name=_("hồ sơ đánh giá"), on_delete=models.CASCADE,
        related_name="office_review_scores",
    )
    part = models.ForeignKey(OfficeReviewPart, verbose_name=_("phần đánh giá của các phòng"),
                             on_delete=models.CASCADE, related_name="scores")
    node = models.ForeignKey("frameworks.Node", verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")
    points = PointsField(_("điểm đánh giá của phòng"))
    reason = models.TextField(_("nhận xét"), blank=True)
    office = models.ForeignKey(
        "organizations.Unit", verbose_name=_("phòng chấm điểm"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người chấm"), null=True, on_delete=models.SET_NULL, related_name="+",
    )
    scored_at = models.DateTimeField(_("chấm lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "part", "node"], name="unique_office_review_score")]
        verbose_name = _("điểm đánh giá của phòng chuyên môn")
        verbose_name_plural = _("điểm đánh giá của các phòng chuyên môn")
