from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from assessments.selectors import get_period_for_user

from .models import SurveyMethod
from .services import UNKNOWN_METHOD, SurveyError, survey_result_save


@login_required
@require_POST
def survey_points_save(request, period_pk):
    """Every unit's survey points of a period from one form: all saved, or none."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    problems, saved = [], 0
    method = request.POST.get("method", SurveyMethod.SOCIOLOGICAL)
    try:
        if method not in SurveyMethod.values:
            raise SurveyError(UNKNOWN_METHOD % {"method": method})  # once, not once per unit
        with transaction.atomic():
            for assessment in period.assessments.select_related("unit", "period__framework"):
                typed = request.POST.get(f"points-{assessment.pk}", "").strip()
                if not typed:
                    continue
                try:
                    survey_result_save(assessment=assessment, points=typed, by=request.user, method=method)
                    saved += 1
                except SurveyError as error:
                    problems.append(str(error))
            if problems:
                raise SurveyError("; ".join(problems))
    except SurveyError as error:
        messages.error(request, f"Chưa lưu điểm điều tra nào. {error}")
    else:
        messages.success(request, f"Đã lưu điểm điều tra của {saved} đơn vị.")
    return redirect("appraisal:period", period_pk=period.pk)
