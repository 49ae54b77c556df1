"""Background jobs: start one (or join the one under way), run it in a worker, report progress, retry.

Each kind in ``KINDS`` names its handler, ``handler(job, progress) -> JobOutput | None``, and its
access check, ``check(user, job)``, which raises Http404 for whoever may not read the job's object (the
same loader as the object's own pages). A handler raises ``JobFailure`` with a message for the user;
anything else is logged and shown as a generic error.
Handlers keep their writes in one transaction, so a worker killed half-way leaves the database as it was
and the job can simply run again: ``jobs_recover`` queues again every running job whose heartbeat stopped.
"""
import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Job, JobStatus

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class JobKind:
    handler: str
    check: str


KINDS = {
    "period_pdf": JobKind("reports.jobs.period_pdf", "reports.jobs.period_pdf_check"),
    "self_score_import": JobKind("assessments.jobs.self_score_import", "assessments.jobs.self_score_import_check"),
    "period_publish": JobKind("appraisal.jobs.period_publish_job", "appraisal.jobs.period_publish_check"),
}


class JobFailure(Exception):
    """The job cannot be done, for a reason the user can read and act on."""


@dataclass(frozen=True)
class JobOutput:
    name: str
    content: bytes


def job_start(*, kind: str, key: str, title: str, params: dict, by) -> Job:
    """A new job, or the one with the same key already queued or running (never two at once)."""
    if kind not in KINDS:
        raise ValueError(kind)
    try:
        with transaction.atomic():
            job = Job.objects.create(kind=kind, key=key, title=title, params=params, created_by=by)
    except IntegrityError:
        return Job.objects.get(key=key, status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
    _enqueue(job)
    return job


def get_job_for_user(user, job_pk) -> Job:
    """The job if ``user`` may read what it works on (404 otherwise, as for the object itself)."""
    job = Job.objects.filter(pk=job_pk).first()
    if job is None or job.kind not in KINDS:
        raise Http404
    import_string(KINDS[job.kind].check)(user, job)
    return job


def job_retry(*, job: Job) -> Job:
    """A failed job queued again, unless an equal job started meanwhile (then that one)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.status != JobStatus.FAILED:
            return job
        if Job.objects.filter(key=job.key, status__in=(JobStatus.QUEUED, JobStatus.RUNNING)).exists():
            return Job.objects.get(key=job.key, status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
        job.status, job.error, job.done, job.finished_at = JobStatus.QUEUED, "", 0, None
        job.save(update_fields=["status", "error", "done", "finished_at"])
    _enqueue(job)
    return job


def jobs_recover(*, stale_after: timedelta) -> list[Job]:
    """Running jobs whose worker died (no heartbeat for ``stale_after``) queued again, for a new worker."""
    limit = timezone.now() - stale_after
    recovered = []
    with transaction.atomic():
        for job in Job.objects.select_for_update(skip_locked=True).filter(
                status=JobStatus.RUNNING, heartbeat_at__lt=limit):
            job.status, job.done = JobStatus.QUEUED, 0
            job.save(update_fields=["status", "done"])
            recovered.append(job)
    for job in recovered:
        _enqueue(job)
    return recovered


def _enqueue(job: Job) -> None:
    # After commit: a worker on another machine (Redis backend) must find the row it is handed.
    transaction.on_commit(partial(run_job.enqueue, job.pk))


def _claim(job_id: int) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id, status=JobStatus.QUEUED).first()
        if job is None:
            return None  # done, running elsewhere, or enqueued twice by a recovery
        now = timezone.now()
        job.status, job.started_at, job.heartbeat_at, job.attempts = JobStatus.RUNNING, now, now, job.attempts + 1
        job.save(update_fields=["status", "started_at", "heartbeat_at", "attempts"])
    return job


def _progress(job: Job, done: int, total: int) -> None:
    job.done, job.total, job.heartbeat_at = done, max(total, 1), timezone.now()
    Job.objects.filter(pk=job.pk).update(done=job.done, total=job.total, heartbeat_at=job.heartbeat_at)


def _finish(job: Job, *, output: JobOutput | None = None, error: str = "") -> None:
    job.status = JobStatus.FAILED if error else JobStatus.SUCCEEDED
    job.error, job.finished_at = error, timezone.now()
    if output is not None:
        job.result.save(output.name, ContentFile(output.content), save=False)
        job.result_name = output.name
    job.save(update_fields=["status", "error", "finished_at", "result", "result_name"])


@task()
def run_job(job_id: int) -> None:
    job = _claim(job_id)
    if job is None:
        return
    handler = import_string(KINDS[job.kind].handler)
    try:
        output = handler(job, partial(_progress, job))
    except JobFailure as failure:
        _finish(job, error=str(failure))
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, error=_("Lỗi hệ thống khi thực hiện công việc; hãy thử lại hoặc báo quản trị viên."))
    else:
        _finish(job, output=output)
