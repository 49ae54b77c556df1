"""The entry page's Excel round trip: download the unit's template, upload it filled in."""
from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from config.downloads import XLSX_CONTENT_TYPE

from . import errors, excel, selectors
from .errors import AssessmentError


@login_required
@require_GET
def self_score_template(request, pk):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    return FileResponse(
        BytesIO(excel.self_score_template_xlsx(assessment=assessment)), as_attachment=True,
        filename=excel.template_filename(assessment), content_type=XLSX_CONTENT_TYPE,
    )


@login_required
@require_POST
def self_scores_import(request, pk):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    uploaded = request.FILES.get("file")
    try:
        if uploaded is None:
            raise AssessmentError(errors.EXCEL_NO_FILE)
        # The office types a unit's paper file in for it, saying why ("đơn vị gửi hồ sơ giấy ngày …").
        report = excel.self_scores_import_xlsx(assessment=assessment, file=uploaded, by=request.user,
                                               on_behalf_reason=request.POST.get("reason", ""))
    except excel.ImportRejected as rejected:
        messages.error(request, f"{rejected}: {errors.problems_listed(rejected.problems)}")
    except AssessmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, errors.EXCEL_IMPORTED % {"count": report.saved})
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("assessments:entry", pk=assessment.pk)
