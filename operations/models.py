from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    SUCCEEDED = "succeeded", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


ACTIVE_JOB_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)


def job_result_upload_to(job, filename):
    return f"jobs/{job.created_at:%Y/%m}/{job.pk}/{filename}"


class Job(models.Model):
    """Long work done by a worker outside the request: what, for whom, how far, and its file or error.

    The task backend (``django_tasks``) only carries the job's id, so the same rows serve the database
    backend of the demo and the Redis backend of a city deployment.
    """

    kind = models.CharField(_("loại công việc"), max_length=40)
    # One running job per key, e.g. ``period_pdf:12``: a second click joins the job already under way.
    key = models.CharField(_("khóa"), max_length=120)
    params = models.JSONField(_("tham số"), default=dict)
    title = models.CharField(_("tên công việc"), max_length=300)
    status = models.CharField(_("trạng thái"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    total = models.PositiveIntegerField(_("tổng số bước"), default=1)
    result = models.FileField(_("tệp kết quả"), upload_to=job_result_upload_to, blank=True)
    result_name = models.CharField(_("tên tệp kết quả"), max_length=255, blank=True)
    summary = models.CharField(_("kết quả"), max_length=300, blank=True)  # what an import did, e.g. its rows
    error = models.TextField(_("lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người yêu cầu"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    # Written with every step: a running job whose heartbeat stopped lost its worker and is queued again.
    heartbeat_at = models.DateTimeField(_("cập nhật lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    # A secret result (``JobKind.once``) leaves the storage at its one download.
    downloaded_at = models.DateTimeField(_("tải về lúc"), null=True, blank=True)
    # ``jobs_cleanup`` deleted its upload and result file; the row stays to say what was done.
    cleaned_at = models.DateTimeField(_("dọn tệp lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=Q(status__in=ACTIVE_JOB_STATUSES),
                                    name="one_active_job_per_key"),
        ]
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")

    def __str__(self):
        return self.title

    @property
    def percent(self) -> int:
        return 100 if self.status == JobStatus.SUCCEEDED else min(99, self.done * 100 // max(self.total, 1))

    @property
    def next_url(self) -> str:
        """The page where a job's work shows (an import's results), when it leaves no file."""
        return self.params.get("next", "")

    @property
    def back_url(self) -> str:
        """The page the job was asked from (a report's page), to go back to once its file is in hand."""
        return self.params.get("back", "")

    @property
    def result_gone(self) -> bool:
        """The job's file was handed once (a secret) or cleaned away: no longer kept."""
        return bool(self.downloaded_at or self.cleaned_at)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_JOB_STATUSES
