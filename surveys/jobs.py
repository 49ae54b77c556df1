"""The surveys' long work, run by a background worker (``operations.jobs``): a part's responses upload.

A city's file has tens of thousands of rows: the import reports its progress every batch of rows and is
one transaction, so a worker killed half-way leaves the part's previous responses and points, and the job
runs again whole from the upload, kept in the default storage until it succeeds.
"""
import os

from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.models import Period
from assessments.selectors import get_period_for_user
from config.excel import ExcelRefused
from operations.jobs import JobFailure, JobOutput, job_refused, job_start_with_upload, job_upload, job_upload_done

from .imports import SurveyImportRefused, survey_aggregated_import, survey_responses_import
from .models import SurveyMethod
from .services import UNKNOWN_METHOD, SurveyError, check_office


def survey_import_start(*, period: Period, upload, name: str, method: str, aggregated: bool, by):
    """Queue the import of ``upload`` into the period's part ``method`` (or join the part's import under way);
    refused at once if ``by`` may not enter the period's surveys."""
    check_office(by, period)
    if method not in SurveyMethod.values:
        raise SurveyError(UNKNOWN_METHOD % {"method": method})
    extension = os.path.splitext(name)[1].lower()
    return job_start_with_upload(
        upload=upload, extension=extension if extension in (".csv", ".xlsx") else "", kind="survey_import",
        key=f"survey_import:{period.pk}:{method}",
        params={"period_id": period.pk, "method": method, "aggregated": aggregated, "name": name,
                "next": reverse("appraisal:period", args=[period.pk]) + "#survey"},
        title=_("Nhập phiếu %(part)s: %(period)s") % {"part": SurveyMethod(method).label,
                                                      "period": period.display_name},
        by=by,
    )


def survey_import(job, progress) -> JobOutput:
    period = Period.objects.select_related("framework").filter(pk=job.params["period_id"]).first()
    if period is None:
        raise JobFailure(_("Kỳ đánh giá không còn tồn tại."))
    service = survey_aggregated_import if job.params["aggregated"] else survey_responses_import
    progress(0, 1)
    try:
        with job_upload(job) as file:
            imported = service(period=period, file=file, name=job.params["name"], by=job.created_by,
                               method=job.params["method"], progress=progress)
    except SurveyImportRefused as refused:
        raise job_refused(_("Không nhập dòng nào:"), refused.problems) from None
    except (SurveyError, ExcelRefused) as error:
        raise JobFailure(str(error)) from None
    job_upload_done(job)
    return JobOutput(summary=_("Đã nhập %(rows)s dòng của %(units)s đơn vị.") % {
        "rows": imported.rows, "units": imported.units})


def survey_import_check(user, job) -> None:
    get_period_for_user(user, job.params["period_id"], manage=True)
