from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.access import Actor, is_office
from assessments.errors import AssessmentError
from assessments.selectors import get_assessment_for_user, get_period_for_user
from assessments.services import period_findings_save
from config.downloads import xlsx_response
from frameworks.selectors import framework_get

from .documents import council_minutes_pdf, framework_pdf, period_results_pdf, unit_result_context, unit_scored_pdf
from .exports import results_xlsx, unit_results_xlsx
from .paper import document_response
from .pdf import pdf_response
from .forms import CHANGE_PREFIX, target_query, what_if_query
from .selectors import period_results, simulation_basis
from .simulator import MAX, SimulationError
from .upward import (
    annual_report_data, annual_report_document, annual_report_filename, self_assessment_archive,
    self_assessment_document, self_assessment_filename,
)

# htmx asks for one part of the what-if page by its id: the hypothetical figures or the cheapest path.
WHAT_IF_PARTS = {"what-if-outcome": "reports/_what_if_outcome.html", "cheapest-path": "reports/_cheapest_path.html"}


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


@login_required
def period_pdf_view(request, period_pk):
    period, results = _period_results(request, period_pk)
    return pdf_response(period_results_pdf(period=period, results=results),
                        f"Kết quả Chỉ số CCHC {period.framework.key} {period.year}.pdf")


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


@login_required
@require_GET
def what_if_view(request, assessment_pk):
    """Hypothetical scores and the cheapest path for whoever may read the unit's results; nothing is saved."""
    assessment = get_assessment_for_user(request.user, assessment_pk)
    basis = simulation_basis(assessment=assessment)
    context = {"assessment": assessment, "period": assessment.period, "unit": assessment.unit, "basis": basis}
    if basis is not None:
        query, target = what_if_query(request.GET, basis), target_query(request.GET)
        context.update(query=query, target=target, current=basis.what_if({}), outcome=basis.what_if(query.changes),
                       rows=basis.rows(query.typed))
        if target.given:
            try:
                path = basis.cheapest_path(rank=target.rank, index=target.index)
            except SimulationError as error:
                target.error = str(error)
            else:
                context.update(path=path, path_rows=[row for row in context["rows"] if row["node"].code in path.criteria],
                               path_query=urlencode({CHANGE_PREFIX + code: MAX for code in path.criteria}))
    partial = request.htmx and request.htmx.target in WHAT_IF_PARTS
    template = WHAT_IF_PARTS[request.htmx.target] if partial else "reports/what_if.html"
    return render(request, template, context)


# -- the documents that go up ------------------------------------------------------------------

@login_required
@require_GET
def self_report_view(request, assessment_pk, extension):
    """The unit's self-assessment report, for whoever reads its file (the unit downloads it before submitting)."""
    assessment = get_assessment_for_user(request.user, assessment_pk)
    return document_response(self_assessment_document(assessment=assessment),
                             self_assessment_filename(assessment, extension))


@login_required
@require_GET
def self_reports_archive_view(request, period_pk):
    """Every unit's self-assessment report of a period in one ZIP, for the office."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    response = HttpResponse(self_assessment_archive(period=period), content_type="application/zip")
    response["Content-Disposition"] = (f'attachment; filename="bao-cao-tu-danh-gia-{period.framework.key}-'
                                       f'{period.year}.zip"')
    return response


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


@login_required
@require_GET
def annual_report_file_view(request, period_pk, extension):
    period = get_period_for_user(request.user, period_pk)
    return document_response(annual_report_document(period=period), annual_report_filename(period, extension))
