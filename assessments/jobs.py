"""The self-assessment's long work, run by a background worker (``operations.jobs``): a unit's Excel import.

The upload is kept in the default storage (``MEDIA_ROOT`` or S3), where a worker on another machine finds
it; the import is one transaction, so a worker killed half-way leaves no score and the job runs again whole.
"""
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from operations.jobs import JobFailure, job_refused, job_start_with_upload, job_upload, job_upload_done

from .errors import AssessmentError
from .excel import ImportRejected, self_scores_import_xlsx
from .models import Assessment
from .selectors import get_assessment_for_user
from .services import ensure_self_editable


def self_scores_import_start(*, assessment: Assessment, content: bytes, by, on_behalf_reason: str = ""):
    """Queue the import of ``content`` for ``assessment`` (or join the one under way); refused at once if
    ``by`` may not edit the file now."""
    ensure_self_editable(assessment=assessment, by=by, on_behalf_reason=on_behalf_reason)
    return job_start_with_upload(
        upload=ContentFile(content), extension=".xlsx",
        kind="self_score_import", key=f"self_score_import:{assessment.pk}",
        params={"assessment_id": assessment.pk, "reason": on_behalf_reason},
        title=_("Nhập điểm tự chấm từ Excel: %(unit)s") % {"unit": assessment.unit.name}, by=by,
    )


def self_score_import(job, progress) -> None:
    assessment = Assessment.objects.select_related("unit", "period__framework").filter(
        pk=job.params["assessment_id"]).first()
    if assessment is None:
        raise JobFailure(_("Hồ sơ đánh giá không còn tồn tại."))
    progress(0, 1)
    try:
        with job_upload(job) as file:
            self_scores_import_xlsx(assessment=assessment, file=file, by=job.created_by,
                                    on_behalf_reason=job.params["reason"])
    except ImportRejected as rejected:
        raise job_refused(f"{rejected}:", rejected.problems) from None
    except AssessmentError as error:
        raise JobFailure(str(error)) from None
    job_upload_done(job)
    progress(1, 1)


def self_score_import_check(user, job) -> None:
    get_assessment_for_user(user, job.params["assessment_id"])
