from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.selectors import get_assessment_for_user, get_period_for_user
from config.downloads import xlsx_response
from frameworks.selectors import framework_get
from .documents import council_minutes_pdf, framework_pdf, unit_result_context, unit_scored_pdf
from .exports import results_xlsx, unit_results_xlsx
from .jobs import period_job_start
from .pdf import pdf_response
from .selectors import period_results


@login_required
def framework_pdf_view(request, key):
    """Every signed-in user may read frameworks, so the appendix needs no further permission."""
    framework = framework_get(key=key)
    return pdf_response(framework_pdf(framework=framework), f"Phụ lục khung chỉ số {framework.key}.pdf")


# -- results of a period and of one unit -------------------------------------------------------

def _period_results(request, period_pk):
    """The ranking of a period, for the roles that read every unit's result (404 for the rest)."""
    period = get_period_for_user(request.user, period_pk)
    return period, period_results(period=period)


@require_POST
@login_required
def period_pdf_view(request, period_pk):
    """A period's PDF takes seconds per hundred units: a background job makes it, its page follows it."""
    period = get_period_for_user(request.user, period_pk)
    job = period_job_start(kind="period_pdf", period=period, by=request.user,
                           back=reverse("dashboard:period", args=[period.pk]),
                           title=_("PDF kết quả %(period)s") % {"period": period.display_name})
    return redirect("operations:job", job.pk)


@login_required
def period_xlsx_view(request, period_pk):
    period, results = _period_results(request, period_pk)
    return xlsx_response(results_xlsx(results, title=f"Kết quả Chỉ số CCHC {period.identifier}"),
                         f"ket-qua-{period.framework.key}-{period.year}.xlsx")


@login_required
def unit_report_view(request, assessment_pk):
    assessment = get_assessment_for_user(request.user, assessment_pk)
    context = unit_result_context(period=assessment.period, unit_code=assessment.unit.code)
    return render(request, "reports/unit_report.html", context)


@login_required
def unit_pdf_view(request, assessment_pk):
    assessment = get_assessment_for_user(request.user, assessment_pk)
    pdf = unit_scored_pdf(period=assessment.period, unit_code=assessment.unit.code)
    return pdf_response(pdf, f"Kết quả Chỉ số CCHC {assessment.period.year} {assessment.unit.name}.pdf")


@login_required
def minutes_pdf_view(request, assessment_pk):
    assessment = get_assessment_for_user(request.user, assessment_pk)
    return pdf_response(council_minutes_pdf(assessment=assessment),
                        f"Biên bản thẩm định {assessment.period.year} {assessment.unit.name}.pdf")


@login_required
def unit_xlsx_view(request, assessment_pk):
    assessment = get_assessment_for_user(request.user, assessment_pk)
    report = unit_result_context(period=assessment.period, unit_code=assessment.unit.code)
    period = assessment.period
    return xlsx_response(unit_results_xlsx(report),
                         f"ket-qua-{assessment.unit.code}-{period.framework.key}-{period.year}.xlsx")
