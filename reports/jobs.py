"""The reports' long work, run by a background worker (``operations.jobs``)."""
from django.utils.translation import gettext as _

from assessments.models import Period
from assessments.selectors import get_period_for_user
from operations.jobs import JobFailure, JobOutput

from .documents import period_results_pdf
from .selectors import period_results


def period_pdf(job, progress) -> JobOutput:
    period = Period.objects.select_related("framework").filter(pk=job.params["period_id"]).first()
    if period is None:
        raise JobFailure(_("Kỳ đánh giá không còn tồn tại."))
    progress(0, 2)
    results = period_results(period=period)
    progress(1, 2)
    pdf = period_results_pdf(period=period, results=results)
    progress(2, 2)
    return JobOutput(f"Kết quả Chỉ số CCHC {period.framework.key} {period.year}.pdf", pdf)


def period_pdf_check(user, job) -> None:
    get_period_for_user(user, job.params["period_id"])
