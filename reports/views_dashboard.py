"""Results dashboards for the people who read every unit's results."""
import csv
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import render

from accounts.access import Actor, may_read_results
from assessments.selectors import get_period_for_user, periods_for_user
from organizations.models import UnitKind

from .dashboard import CHART_TABLES, dashboard_data
from .selectors import ranked_across

RANKING_PAGE = 100
CHOICE_PARAM = "ky"  # KEY/YEAR, as commands name a period


def _dashboard_for(request, period_pk) -> dict:
    period = get_period_for_user(request.user, period_pk)
    unit_kind = request.GET.get("loai")
    return dashboard_data(period=period, unit_kind=unit_kind if unit_kind in UnitKind.values else None)


@login_required
def results_landing(request):
    if not may_read_results(Actor.of(request.user)):
        raise Http404
    periods = periods_for_user(request.user).annotate(unit_count=Count("assessments"))
    return render(request, "reports/results_landing.html", {"periods": periods})


@login_required
def dashboard(request, period_pk):
    return render(request, "reports/dashboard.html", _dashboard_for(request, period_pk))


@login_required
def dashboard_data_csv(request, period_pk, chart):
    if chart not in CHART_TABLES:
        raise Http404
    data = _dashboard_for(request, period_pk)
    header, rows = CHART_TABLES[chart](data)
    period = data["period"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chart}-{period.framework.key}-{period.year}.csv"'
    response.write("\ufeff")  # the BOM makes Excel read the file as UTF-8, so Vietnamese letters survive
    csv.writer(response).writerows([header, *rows])
    return response


@login_required
def ranking_across(request):
    """One framework's year ranked across every organiser the reader reaches (city leadership: the districts)."""
    if not may_read_results(Actor.of(request.user)):
        raise Http404
    readable = periods_for_user(request.user)
    shared_by = {
        (row["framework__key"], row["year"], row["framework__name"]): row["organisers"]
        for row in readable.values("framework__key", "year", "framework__name")
        .annotate(organisers=Count("organiser", distinct=True)).order_by("-year", "framework__key")
    }
    choices = list(shared_by)
    asked = request.GET.get(CHOICE_PARAM, "")
    # Without a choice, the framework year most organisers share: the ranking across is what the page is for.
    chosen = next((c for c in choices if f"{c[0]}/{c[1]}" == asked),
                  max(choices, key=shared_by.get) if choices else None)
    context = {"choices": choices, "chosen": chosen, "page": None}
    if chosen:
        periods = readable.filter(framework__key=chosen[0], year=chosen[1])
        framework = periods[0].framework
        ranked = ranked_across(periods=periods)
        context.update({
            "framework": framework, "organisers": ranked.organisers, "unit_count": len(ranked.rows),
            "page": Paginator(ranked.rows, RANKING_PAGE).get_page(request.GET.get("trang")),
            "pager_query": urlencode({CHOICE_PARAM: f"{chosen[0]}/{chosen[1]}"}),
        })
    return render(request, "reports/ranking_across.html", context)
