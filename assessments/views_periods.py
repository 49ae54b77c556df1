"""The secretariat's pages for periods: the list, opening a new one, and following its progress."""
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import Actor, is_office, may_read_results, runs_period
from config.downloads import xlsx_response
from organizations.models import Unit, UnitKind
from surveys.selectors import below_plan_units

from . import actions, reminders, selectors, services, workflow
from .errors import AssessmentError
from .exports import progress_xlsx
from .forms import PeriodOpenForm
from .models import Period
from .selectors import get_period_for_user
from .workflow import SELF_EDITABLE, Status


@login_required
def period_list(request):
    actor = Actor.of(request.user)
    if not may_read_results(actor):
        raise Http404
    page = Paginator(selectors.periods_for_user(request.user), 20).get_page(request.GET.get("trang"))
    can_open = is_office(actor)
    return render(request, "assessments/periods.html", {"page": page, "can_open": can_open})


@login_required
def period_open(request):
    actor = Actor.of(request.user)
    if not is_office(actor):
        raise Http404
    # The organisers the office opens periods for (its own; every one for administrators), its own first
    # chosen; the units offered, ticked on the page without codes typed, are those the chosen one assesses.
    organisers = selectors.organisers_opened_by(actor)
    data = request.POST or None
    chosen = _chosen_organiser(organisers, (data or request.GET).get("organiser"), default=actor.organiser_id)
    units = selectors.units_assessed_by(organiser_id=chosen.pk) if chosen else Unit.objects.none()
    form = PeriodOpenForm(data, initial={"organiser": chosen}, organisers=organisers, units=units,
                          frameworks=selectors.frameworks_for_units(units), units_url=reverse("periods:open"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        codes = [unit.code for unit in data["units"]]
        try:
            period = services.period_open(
                framework=data["framework"], year=data["year"], by=request.user, organiser=data["organiser"],
                unit_codes=codes or None, self_assessment_deadline=data["self_assessment_deadline"],
                appraisal_deadline=data["appraisal_deadline"],
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã mở kỳ đánh giá “%(name)s” của %(organiser)s cho %(count)s đơn vị.") % {
                "name": period.display_name, "organiser": data["organiser"].name,
                "count": period.assessments.count()})
            return redirect("periods:list")
    return render(request, "assessments/period_open.html", {"form": form, "units_hint": _units_hint(chosen, units)})


def _units_hint(chosen, units) -> str:
    if chosen is None:
        return _("Chọn cơ quan tổ chức đánh giá để xem các đơn vị cơ quan đó đánh giá.")
    if units.exists():
        return ""
    return _("%(organiser)s chưa đánh giá đơn vị nào theo bộ chỉ số.") % {"organiser": chosen.name}


def _chosen_organiser(organisers, raw, *, default):
    """The organiser the form asks for, if it is one offered; else the actor's own, else none (an administrator)."""
    by_pk = {str(organiser.pk): organiser for organiser in organisers}
    return by_pk.get(str(raw)) or by_pk.get(str(default))


PROGRESS_STATUS_FILTER = "trang-thai"
PROGRESS_KIND_FILTER = "loai"
PROGRESS_SORT = "sap-xep"


@login_required
def period_progress(request, period_pk):
    """The office follows the year here: one row per unit, filtered, sorted, and as Excel."""
    period = get_period_for_user(request.user, period_pk)
    chosen = {name: request.GET.get(name, "") for name in (PROGRESS_STATUS_FILTER, PROGRESS_KIND_FILTER, PROGRESS_SORT)}
    everyone = selectors.period_progress(period=period)
    rows = selectors.progress_filtered(everyone, status=chosen[PROGRESS_STATUS_FILTER],
                                       unit_kind=chosen[PROGRESS_KIND_FILTER], sort=chosen[PROGRESS_SORT])
    if request.GET.get("dinh-dang") == "xlsx":
        return xlsx_response(progress_xlsx(period=period, rows=rows), f"tien-do-{period.framework.key}-{period.year}.xlsx")
    kinds = {row.unit_kind for row in everyone}
    filters = {name: chosen[name] for name in (PROGRESS_STATUS_FILTER, PROGRESS_KIND_FILTER)}
    return render(request, "assessments/progress.html", {
        "period": period, "rows": rows, "unit_count": len(everyone),
        "chosen_status": chosen[PROGRESS_STATUS_FILTER], "chosen_kind": chosen[PROGRESS_KIND_FILTER],
        "chosen_sort": chosen[PROGRESS_SORT], "filter_query": urlencode(filters),
        "statuses": [*Status.choices, ("excluded", _("Không tham gia"))],
        "kinds": [(kind.value, kind.label) for kind in UnitKind if kind.value in kinds],
        "query": request.GET.urlencode(),
        "office_may_act": (runs_period(Actor.of(request.user), organiser_line=period.organiser_line)
                           and period.published_at is None),
        "self_editable": SELF_EDITABLE,
        "submitted_count": sum(1 for row in everyone if row.status == Status.SUBMITTED and not row.excluded),
        # The survey's sample plan lives with the surveys; a unit short of it is flagged here too.
        "below_plan": below_plan_units(period=period),
    })


@login_required
@require_POST
def period_remind(request, period_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    try:
        count = reminders.reminders_send(period=period, by=request.user)
    except AssessmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã gửi lời nhắc tới %(count)s đơn vị chưa nộp.") % {"count": count})
    return redirect("periods:progress", period_pk=period.pk)


@login_required
@require_POST
def period_start_appraisal(request, period_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    try:
        count = actions.period_start_appraisal(period=period, by=request.user)
    except workflow.TransitionError as error:
        messages.error(request, str(error))
    else:
        if count:
            messages.success(request, _("Đã bắt đầu thẩm định %(count)s hồ sơ đã nộp.") % {"count": count})
        else:
            messages.info(request, _("Không có hồ sơ nào đã nộp đang chờ bắt đầu thẩm định."))
    return redirect("periods:progress", period_pk=period.pk)
