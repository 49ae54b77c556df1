"""The appraisal's long work, run by a background worker (``operations.jobs``): publishing a period.

``period_publish`` is one transaction: a worker killed half-way publishes nothing, and the job runs again.
"""
from django.utils.translation import gettext as _

from assessments.models import Period
from assessments.selectors import get_period_for_user
from assessments.workflow import TransitionError
from operations.jobs import JobFailure, job_start

from .errors import AppraisalError
from .services import period_publish


def period_publish_start(*, period: Period, by):
    """Queue the publication of ``period`` (or join the one under way)."""
    return job_start(kind="period_publish", key=f"period_publish:{period.pk}", params={"period_id": period.pk},
                     title=_("Công bố kết quả %(period)s") % {"period": period.display_name}, by=by)


def period_publish_job(job, progress) -> None:
    period = Period.objects.select_related("framework").filter(pk=job.params["period_id"]).first()
    if period is None:
        raise JobFailure(_("Kỳ đánh giá không còn tồn tại."))
    progress(0, 1)
    try:
        period_publish(period=period, by=job.created_by)
    except (AppraisalError, TransitionError) as error:
        raise JobFailure(str(error)) from None
    progress(1, 1)


def period_publish_check(user, job) -> None:
    get_period_for_user(user, job.params["period_id"], manage=True)
