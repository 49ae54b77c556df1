from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frameworks.fields import PointsField


class Plan(models.Model):
    """A unit's plan to raise its index in one year (Kế hoạch cải thiện, nâng cao Chỉ số CCHC): its
    targets per criterion and its tasks. ``year`` is the year the targets are for."""

    unit = models.ForeignKey("organizations.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                             related_name="improvement_plans")
    year = models.PositiveSmallIntegerField(_("năm"))
    family = models.SlugField(_("họ bộ chỉ số"), max_length=60)
    # The tree whose criteria the targets follow; None where ParIndex has no tree (Phú La): each target
    # then carries its own title and maximum.
    framework = models.ForeignKey("frameworks.Framework", verbose_name=_("bộ chỉ số"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    document = models.CharField(_("văn bản"), max_length=300, blank=True)
    source = models.CharField(_("nguồn"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "unit__order", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["unit", "year", "family"], name="unique_plan_per_unit_year")]
        verbose_name = _("kế hoạch cải thiện Chỉ số CCHC")
        verbose_name_plural = _("kế hoạch cải thiện Chỉ số CCHC")

    def __str__(self):
        return f"{self.unit} — {self.year}"


class Target(models.Model):
    """The points a unit sets out to reach on one criterion in the plan's year (at most its maximum)."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(_("mã tiêu chí"), max_length=20)
    title = models.TextField(_("nội dung"))
    max_points = PointsField(_("điểm tối đa"))
    target = PointsField(_("chỉ tiêu"))
    # Who answers for the criterion where the plan names them (Phú La's sections); else the tree's.
    responsible = models.JSONField(_("đơn vị phụ trách"), default=list, blank=True)
    source_line = models.PositiveIntegerField(_("dòng trong nguồn"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người cập nhật"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_target_per_criterion"),
            models.CheckConstraint(condition=models.Q(target__gte=0) & models.Q(target__lte=models.F("max_points")),
                                   name="target_within_maximum"),
        ]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self):
        return f"{self.code}: {self.target}"


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")


class Task(models.Model):
    """One task of a plan, as seed 003's appendix 1 lists them: what, who leads, who cooperates, by when."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks")
    number = models.CharField(_("STT"), max_length=10)
    title = models.TextField(_("nội dung nhiệm vụ"))
    lead_agency = models.CharField(_("cơ quan chủ trì"), max_length=200)
    # The lead agency's unit where ParIndex has it (matched by name): its users are reminded.
    lead_unit = models.ForeignKey("organizations.Unit", verbose_name=_("đơn vị chủ trì"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    co_lead_agencies = models.JSONField(_("cơ quan cùng chủ trì"), default=list, blank=True)
    cooperating_agencies = models.JSONField(_("cơ quan phối hợp"), default=list, blank=True)
    deadline = models.DateField(_("thời hạn hoàn thành"))
    deadline_text = models.CharField(_("thời hạn theo văn bản"), max_length=100, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    criteria = models.JSONField(_("tiêu chí liên quan"), default=list, blank=True)
    source_line = models.PositiveIntegerField(_("dòng trong nguồn"), null=True, blank=True)
    # The deadline the lead agency was last reminded of: once per deadline, a new deadline reminds again.
    reminded_for = models.DateField(_("đã nhắc cho thời hạn"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self):
        return f"{self.number}. {self.title[:60]}"


class TaskNote(models.Model):
    """A dated progress note on a task."""

    task = models.ForeignKey(Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="notes")
    on = models.DateField(_("ngày"))
    text = models.TextField(_("nội dung"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người ghi"), null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    class Meta:
        ordering = ["task", "-on", "-id"]
        verbose_name = _("tiến độ")
        verbose_name_plural = _("tiến độ")
