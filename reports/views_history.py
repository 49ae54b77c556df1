"""Earlier years' results: the list (each reader sees the units they may read) and the office's upload,
imported by a background job (a city's years are thousands of rows)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.access import Actor, is_office
from accounts.selectors import readable_units
from assessments.errors import EXCEL_NO_FILE

from .history import HEADER
from .jobs import history_import_start
from .models import ImportedResult
from .selectors import history_lines

PAGE_SIZE = 50


@login_required
def history(request):
    results = (ImportedResult.objects.filter(unit__in=readable_units(request.user)).select_related("unit")
               .order_by("family", "-year", "rank", "unit__code"))
    unit_code = request.GET.get("don-vi", "").strip()
    if unit_code:
        results = results.filter(unit__code=unit_code)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "reports/history.html", {
        "page": page, "lines": history_lines(list(page.object_list)), "unit_code": unit_code,
        "pager_query": f"don-vi={unit_code}" if unit_code else "", "may_import": is_office(Actor.of(request.user)),
        "columns": HEADER,
    })


@login_required
@require_POST
def history_upload(request):
    if not is_office(Actor.of(request.user)):
        raise Http404
    uploaded = request.FILES.get("file")
    if uploaded is None:
        messages.error(request, EXCEL_NO_FILE)
        return redirect("dashboard:history")
    job = history_import_start(upload=uploaded, name=uploaded.name, by=request.user)
    return redirect("operations:job", job.pk)
