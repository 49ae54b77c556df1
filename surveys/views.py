import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from assessments.selectors import get_assessment_for_user, get_period_for_user
from .design import DesignRefused
from .jobs import survey_import_start
from .models import SurveyMethod
from .selectors import unit_survey
from .services import SurveyError, survey_design_set, survey_results_save

# A design is a few kilobytes; anything far larger is not one.
DESIGN_MAX_BYTES = 1024 * 1024


@login_required
@require_POST
def survey_points_save(request, period_pk):
    """Every unit's survey points of a period from one form (fields ``points-<assessment id>``)."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    typed = {pk: request.POST.get(f"points-{pk}", "") for pk in period.assessments.values_list("pk", flat=True)}
    try:
        saved = survey_results_save(period=period, typed=typed, by=request.user,
                                    method=request.POST.get("method", SurveyMethod.SOCIOLOGICAL))
    except SurveyError as error:
        messages.error(request, _("Chưa lưu điểm điều tra nào. %(error)s") % {"error": error})
    else:
        messages.success(request, _("Đã lưu điểm điều tra của %(count)s đơn vị.") % {"count": saved})
    return redirect("appraisal:period", period_pk=period.pk)


DESIGN_NOT_JSON = gettext_lazy("Tệp thiết kế không phải JSON (UTF-8) hợp lệ.")
DESIGN_MISSING = gettext_lazy("Chọn tệp thiết kế (DESIGN.json).")
RESPONSES_MISSING = gettext_lazy("Chọn tệp phiếu điều tra (.csv hoặc .xlsx).")


@login_required
@require_POST
def survey_design_upload(request, period_pk):
    """The period page's form for DESIGN.json: the same service as ``setup_survey``."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    upload = request.FILES.get("design")
    try:
        if upload is None:
            raise SurveyError(DESIGN_MISSING)
        if upload.size > DESIGN_MAX_BYTES:
            raise SurveyError(DESIGN_NOT_JSON)
        try:
            data = json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SurveyError(DESIGN_NOT_JSON) from None
        part = survey_design_set(period=period, data=data, by=request.user,
                                 method=request.POST.get("method", SurveyMethod.SOCIOLOGICAL))
    except DesignRefused as refused:
        messages.error(request, _("Thiết kế không được lưu: %(problems)s") % {"problems": " ".join(refused.problems)})
    except SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã thiết lập phiếu “%(part)s”.") % {"part": part.get_method_display()})
    return redirect(reverse("appraisal:period", args=[period.pk]) + "#survey")


@login_required
def unit_survey_page(request, pk):
    """How one unit's survey points come about, per criterion and group, and its sample plan."""
    assessment = get_assessment_for_user(request.user, pk)
    return render(request, "surveys/unit.html", {"assessment": assessment, "parts": unit_survey(assessment=assessment)})


@login_required
@require_POST
def survey_responses_upload(request, period_pk):
    """The period page's upload of a part's responses (or aggregated table): a background job imports it
    (tens of thousands of rows), its page follows it."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    upload = request.FILES.get("responses")
    try:
        if upload is None:
            raise SurveyError(RESPONSES_MISSING)
        job = survey_import_start(period=period, upload=upload, name=upload.name, by=request.user,
                                  method=request.POST.get("method", SurveyMethod.SOCIOLOGICAL),
                                  aggregated=bool(request.POST.get("aggregated")))
    except SurveyError as error:
        messages.error(request, str(error))
        return redirect(reverse("appraisal:period", args=[period.pk]) + "#survey")
    return redirect("operations:job", job.pk)
