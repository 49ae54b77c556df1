"""The reports' long work, run by a background worker (``operations.jobs``): a period's results PDF, every
unit's self-assessment report in one ZIP, the office's annual report (DOCX or PDF), the import of earlier
years' results (thousands of rows for a city: one transaction, the upload kept until it succeeds)."""
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import Actor, is_office
from assessments.models import Period
from assessments.selectors import get_period_for_user
from operations.jobs import (
    JobFailure, JobOutput, job_refused, job_start, job_start_with_upload, job_upload, job_upload_done,
)

from .documents import period_results_pdf
from .history import IMPORTED, HistoryImportRejected, history_import, history_rows_from_xlsx
from .paper import document_docx, document_pdf
from .selectors import period_results
from .upward import (
    annual_report_document, annual_report_filename, self_assessment_archive, self_assessment_archive_filename,
)


def period_job_start(*, kind: str, period: Period, title: str, by, back: str, **params):
    """Queue the job ``kind`` of ``period`` (or join the one under way with the same ``params``); its page
    links ``back`` to the page it was asked from."""
    key = ":".join([kind, str(period.pk), *map(str, params.values())])
    return job_start(kind=kind, key=key, params={"period_id": period.pk, "back": back, **params}, title=title, by=by)


def _period(job) -> Period:
    period = Period.objects.select_related("framework").filter(pk=job.params["period_id"]).first()
    if period is None:
        raise JobFailure(_("Kỳ đánh giá không còn tồn tại."))
    return period


def period_pdf(job, progress) -> JobOutput:
    period = _period(job)
    progress(0, 2)
    results = period_results(period=period)
    progress(1, 2)
    pdf = period_results_pdf(period=period, results=results)
    progress(2, 2)
    return JobOutput(f"Kết quả Chỉ số CCHC {period.framework.key} {period.year}.pdf", pdf)


def period_read_check(user, job) -> None:
    """Whoever reads the period (its results PDF, its annual report)."""
    get_period_for_user(user, job.params["period_id"])


def self_reports_zip(job, progress) -> JobOutput:
    period = _period(job)
    progress(0, 1)
    return JobOutput(self_assessment_archive_filename(period), self_assessment_archive(period=period, progress=progress))


def self_reports_zip_check(user, job) -> None:
    get_period_for_user(user, job.params["period_id"], manage=True)


def annual_report(job, progress) -> JobOutput:
    period, extension = _period(job), job.params["extension"]
    progress(0, 2)
    document = annual_report_document(period=period)
    progress(1, 2)
    content = document_pdf(document) if extension == "pdf" else document_docx(document)
    return JobOutput(annual_report_filename(period, extension), content)


def history_import_start(*, upload, name: str, by):
    """Queue the import of the office's file of earlier years' results (or join its import under way)."""
    return job_start_with_upload(
        upload=upload, extension=".xlsx", kind="history_import", key=f"history_import:{by.pk}",
        params={"name": name, "next": reverse("dashboard:history")},
        title=_("Nhập kết quả các năm trước: %(name)s") % {"name": name}, by=by)


def history_import_job(job, progress) -> JobOutput:
    progress(0, 1)
    try:
        with job_upload(job) as file:
            count = history_import(rows=history_rows_from_xlsx(file), source=job.params["name"], by=job.created_by,
                                   progress=progress)
    except HistoryImportRejected as rejected:
        raise job_refused(f"{rejected}:", rejected.problems) from None
    job_upload_done(job)
    return JobOutput(summary=str(IMPORTED % {"count": count}))


def history_import_check(user, job) -> None:
    """The office's own upload: earlier years belong to no period, so no organiser's loader answers for them."""
    if not is_office(Actor.of(user)) or job.created_by_id != user.pk:
        raise Http404
