"""Background jobs: start one (or join the one under way), run it in a worker, report progress, retry.

Each kind in ``KINDS`` names its handler, ``handler(job, progress) -> JobOutput | None``, and its
access check, ``check(user, job)``, which raises Http404 for whoever may not read the job's object (the
same loader as the object's own pages). A handler raises ``JobFailure`` with a message for the user;
anything else is logged and shown as a generic error.
Handlers keep their writes in one transaction, so a worker killed half-way leaves the database as it was
and the job can simply run again: ``jobs_recover`` queues again every running job whose heartbeat stopped.
Progress reported inside that transaction is written on a connection of its own (PostgreSQL), so the job
page sees it at once; an upload the job works on stays in the default storage until the job succeeds.
"""
import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from io import BytesIO
from uuid import uuid4

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from config.excel import problems_shown

from .models import Job, JobStatus

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class JobKind:
    handler: str
    check: str
    # A secret result (one-time passwords): only the job's creator downloads it, once, and it leaves the storage.
    once: bool = False


KINDS = {
    "period_pdf": JobKind("reports.jobs.period_pdf", "reports.jobs.period_read_check"),
    "self_score_import": JobKind("assessments.jobs.self_score_import", "assessments.jobs.self_score_import_check"),
    "period_publish": JobKind("appraisal.jobs.period_publish_job", "appraisal.jobs.period_publish_check"),
    "survey_import": JobKind("surveys.jobs.survey_import", "surveys.jobs.survey_import_check"),
    "self_reports_zip": JobKind("reports.jobs.self_reports_zip", "reports.jobs.self_reports_zip_check"),
    "annual_report": JobKind("reports.jobs.annual_report", "reports.jobs.period_read_check"),
    "history_import": JobKind("reports.jobs.history_import_job", "reports.jobs.history_import_check"),
    "accounts_import": JobKind("accounts.jobs.accounts_import", "accounts.jobs.accounts_import_check", once=True),
}


def no_progress(done: int, total: int) -> None:
    """The ``progress`` of long work run outside a job (a command, a test)."""


class JobResultGone(Exception):
    """The job's file is no longer kept: handed once (a secret result) or cleaned away; ``job`` says when."""

    def __init__(self, job: Job):
        super().__init__(job.pk)
        self.job = job


class JobFailure(Exception):
    """The job cannot be done, for a reason the user can read and act on."""


def job_refused(headline: str, problems: list) -> JobFailure:
    """The failure of an import whose file was refused: ``headline``, then its problems one a line."""
    return JobFailure("\n".join([headline, *problems_shown(problems)]))


@dataclass(frozen=True)
class JobOutput:
    """What a job leaves: a file to download (``name``, ``content``), or a line saying what it did."""
    name: str = ""
    content: bytes = b""
    summary: str = ""


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


def job_start_with_upload(*, upload, extension: str, kind: str, key: str, title: str, params: dict, by) -> Job:
    """``job_start`` on ``upload`` kept in the default storage (``params["file"]``), where a worker on another
    machine finds it; the upload is dropped at once if the job joined is another upload's."""
    name = default_storage.save(f"jobs/uploads/{uuid4().hex}{extension}", upload)
    job = job_start(kind=kind, key=key, title=title, params={**params, "file": name}, by=by)
    if job.params["file"] != name:
        default_storage.delete(name)
    return job


def job_upload(job: Job):
    """The job's upload, opened for reading."""
    return default_storage.open(job.params["file"], "rb")


def job_upload_done(job: Job) -> None:
    """The job's upload is no longer needed (kept until then, for a retry)."""
    default_storage.delete(job.params["file"])


def get_job_for_user(user, job_pk) -> Job:
    """The job if ``user`` may read what it works on (404 otherwise, as for the object itself)."""
    job = Job.objects.filter(pk=job_pk).first()
    if job is None or job.kind not in KINDS:
        raise Http404
    import_string(KINDS[job.kind].check)(user, job)
    return job


def job_result_open(*, job: Job, by):
    """The job's file opened for ``by`` (Http404 when there is none); a secret result (``JobKind.once``) only
    for the job's creator and only once: read, then deleted from the storage. ``JobResultGone`` afterwards."""
    if not KINDS[job.kind].once:
        if job.cleaned_at:
            raise JobResultGone(job)
        if not job.result:
            raise Http404
        return job.result.open("rb")
    with transaction.atomic():  # two clicks at once: the second waits, then finds the file gone
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.created_by_id != by.pk:
            raise Http404
        if job.result_gone:
            raise JobResultGone(job)
        if not job.result:
            raise Http404
        with job.result.open("rb") as file:
            content = file.read()
        job.result.delete(save=False)
        job.downloaded_at = timezone.now()
        job.save(update_fields=["result", "downloaded_at"])
    return BytesIO(content)


def job_retry(*, job: Job) -> Job:
    """A failed job queued again, unless an equal job started meanwhile (then that one) or its upload was
    cleaned away (then it stays failed: the file must be sent again)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.status != JobStatus.FAILED or job.cleaned_at:
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


def jobs_cleanup(*, older_than: timedelta) -> int:
    """How many finished or failed jobs older than ``older_than`` lost their upload and result file (the rows
    stay, marked cleaned); a failed job being retried is left alone."""
    now = timezone.now()
    with transaction.atomic():
        jobs = list(Job.objects.select_for_update(skip_locked=True).filter(
            status__in=(JobStatus.SUCCEEDED, JobStatus.FAILED), finished_at__lt=now - older_than,
            cleaned_at__isnull=True))
        for job in jobs:
            if job.params.get("file"):
                default_storage.delete(job.params["file"])
            if job.result:
                job.result.delete(save=False)
            job.cleaned_at = now
            job.save(update_fields=["result", "cleaned_at"])
    return len(jobs)


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


class _Progress:
    """``progress(done, total)`` of a handler. Outside the handler's transaction it updates the job's row;
    inside it (the depth of atomic blocks grew), on PostgreSQL, it writes on a connection of its own, which
    commits each step at once (the row is never locked by the handler's transaction, so neither waits)."""

    def __init__(self, job: Job):
        self.job, self.depth, self.aside = job, len(connection.atomic_blocks), None

    def __call__(self, done: int, total: int) -> None:
        job = self.job
        job.done, job.total, job.heartbeat_at = done, max(total, 1), timezone.now()
        if len(connection.atomic_blocks) == self.depth or connection.vendor != "postgresql":
            Job.objects.filter(pk=job.pk).update(done=job.done, total=job.total, heartbeat_at=job.heartbeat_at)
            return
        if self.aside is None:
            self.aside = connections.create_connection(DEFAULT_DB_ALIAS)
        with self.aside.cursor() as cursor:
            cursor.execute(f"UPDATE {Job._meta.db_table} SET done = %s, total = %s, heartbeat_at = %s "  # noqa: S608
                           "WHERE id = %s", [job.done, job.total, job.heartbeat_at, job.pk])

    def close(self) -> None:
        if self.aside is not None:
            self.aside.close()


def _finish(job: Job, *, output: JobOutput | None = None, error: str = "") -> None:
    job.status = JobStatus.FAILED if error else JobStatus.SUCCEEDED
    job.error, job.finished_at = error, timezone.now()
    if output is not None and output.name:
        job.result.save(output.name, ContentFile(output.content), save=False)
        job.result_name = output.name
    job.summary = output.summary if output is not None else ""
    job.save(update_fields=["status", "error", "finished_at", "result", "result_name", "summary", "done", "total"])


@task()
def run_job(job_id: int) -> None:
    job = _claim(job_id)
    if job is None:
        return
    handler = import_string(KINDS[job.kind].handler)
    progress = _Progress(job)
    try:
        output = handler(job, progress)
    except JobFailure as failure:
        _finish(job, error=str(failure))
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, error=_("Lỗi hệ thống khi thực hiện công việc; hãy thử lại hoặc báo quản trị viên."))
    else:
        _finish(job, output=output)
    finally:
        progress.close()
