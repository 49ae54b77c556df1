"""The documents that go up: the unit's self-assessment report, every unit's in one ZIP, the office's
annual report and its findings to edit. The ZIP and the annual report take seconds per hundred units: a
background job makes them (``reports.jobs``), its page follows it."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import Actor, is_office
from assessments.errors import AssessmentError
from assessments.selectors import get_assessment_for_user, get_period_for_user
from assessments.services import period_findings_save

from .jobs import period_job_start
from .paper import document_response
from .upward import annual_report_data, self_assessment_document, self_assessment_filename


@login_required
@require_GET
def self_report_view(request, assessment_pk, extension):
    """The unit's self-assessment report, for whoever reads its file (the unit downloads it before submitting)."""
    assessment = get_assessment_for_user(request.user, assessment_pk)
    return document_response(self_assessment_document(assessment=assessment),
                             self_assessment_filename(assessment, extension))


@require_POST
@login_required
def self_reports_archive_view(request, period_pk):
    """Every unit's self-assessment report of a period in one ZIP, for the office."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    job = period_job_start(kind="self_reports_zip", period=period, by=request.user,
                           back=reverse("reports:annual_report", args=[period.pk]),
                           title=_("Báo cáo tự đánh giá của các đơn vị (ZIP): %(period)s") % {
                               "period": period.display_name})
    return redirect("operations:job", job.pk)


@login_required
def annual_report_view(request, period_pk):
    """The office's annual report: its drafted findings to edit (the office), its DOCX and PDF (every reader)."""
    if request.method == "POST":
        period = get_period_for_user(request.user, period_pk, manage=True)
        try:
            period_findings_save(period=period, text=request.POST.get("findings", ""), by=request.user)
        except AssessmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã lưu phần nhận xét, đánh giá và đề xuất."))
        return redirect("reports:annual_report", period_pk=period.pk)
    period = get_period_for_user(request.user, period_pk)
    data = annual_report_data(period=period)
    return render(request, "reports/annual_report.html", {
        "period": period, "results": data["results"], "findings": data["findings"], "drafted": not period.findings,
        "can_edit": is_office(Actor.of(request.user)),
    })


@require_POST
@login_required
def annual_report_file_view(request, period_pk, extension):
    period = get_period_for_user(request.user, period_pk)
    job = period_job_start(kind="annual_report", period=period, by=request.user, extension=extension,
                           back=reverse("reports:annual_report", args=[period.pk]),
                           title=_("Báo cáo kết quả Chỉ số CCHC (%(format)s): %(period)s") % {
                               "format": extension.upper(), "period": period.display_name})
    return redirect("operations:job", job.pk)
