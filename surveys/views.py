from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.selectors import get_period_for_user

from .models import SurveyMethod
from .services import SurveyError, survey_results_save


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
