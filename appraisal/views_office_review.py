"""Pages of the district offices' assessment: set up on the period page, progress per unit, a unit's scores."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import Actor, may_read_office_review
from assessments.selectors import get_assessment_for_user, get_period_for_user
from frameworks import rules
from frameworks.models import Node

from . import selectors_office_review as selectors
from .errors import AppraisalError
from .selectors import council_seat
from .services_office_review import office_review_part_remove, office_review_part_set, office_review_save


def _readable(user, *, seated: bool, period) -> None:
    if not may_read_office_review(Actor.of(user), seated=seated, organiser_line=period.organiser_line):
        raise Http404


@login_required
@require_POST
def office_review_setup(request, period_pk):
    """The period page's form: the part's title, maximum and criteria (``1.1.3, 1.2.1``), or its removal."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    try:
        if "remove" in request.POST:
            office_review_part_remove(period=period, by=request.user)
            messages.success(request, _("Đã bỏ phần đánh giá của các phòng."))
        else:
            part = office_review_part_set(period=period, max_points=request.POST.get("max_points", ""),
                                          codes=request.POST.get("criteria", "").split(","),
                                          title=request.POST.get("title", ""), by=request.user)
            messages.success(request, _("Đã thiết lập phần “%(title)s” trên %(count)s tiêu chí.") % {
                "title": part.title, "count": len(part.criteria)})
    except AppraisalError as error:
        messages.error(request, str(error))
    return redirect(reverse("appraisal:period", args=[period.pk]) + "#office-review")


@login_required
def office_review_period(request, period_pk):
    """Every unit's progress in the offices' assessment, a page at a time."""
    period = get_period_for_user(request.user, period_pk)
    _readable(request.user, seated=council_seat(user=request.user, period_id=period.pk)[0], period=period)
    part = selectors.office_review_part(period=period)
    page, rows = (selectors.office_review_progress(period=period, part=part, page_number=request.GET.get("trang"))
                  if part else (None, []))
    return render(request, "appraisal/office_review_period.html",
                  {"period": period, "part": part, "page": page, "rows": rows})


def _unit(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    _readable(request.user, seated=assessment.seated, period=assessment.period)
    part = selectors.office_review_part(period=assessment.period)
    if part is None:
        raise Http404
    return assessment, part


@login_required
def office_review_unit(request, pk):
    """One unit's criteria of the part: its self score, the council's and the office's, with the office's input."""
    assessment, part = _unit(request, pk)
    return render(request, "appraisal/office_review_unit.html",
                  selectors.office_review_unit(assessment=assessment, part=part, user=request.user))


@login_required
@require_POST
def office_review_score(request, pk, code):
    assessment, part = _unit(request, pk)
    node = get_object_or_404(Node.objects.select_related("framework"), framework_id=assessment.period.framework_id,
                             code=code)
    typed = {"code": code, "points": request.POST.get("points", ""), "reason": request.POST.get("reason", "")}
    try:
        office_review_save(assessment=assessment, node=node, by=request.user, points=typed["points"],
                           reason=typed["reason"])
    except (AppraisalError, rules.RuleInputError) as error:
        # The page again with what was typed kept in its row, so a slip is corrected rather than typed anew.
        messages.error(request, f"{code}: {error}")
        context = selectors.office_review_unit(assessment=assessment, part=part, user=request.user)
        return render(request, "appraisal/office_review_unit.html", {**context, "typed": typed}, status=422)
    messages.success(request, _("Đã lưu điểm đánh giá của phòng tiêu chí %(code)s.") % {"code": code})
    return redirect(reverse("appraisal:office_review_unit", args=[assessment.pk]) + f"#row-{code}")
