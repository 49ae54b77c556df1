"""Targets, gaps and improvement plans: thin views over ``selectors`` (reads) and ``services`` (writes)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from assessments.errors import EXCEL_NO_FILE, problems_listed

from . import errors, excel, selectors, services
from .errors import ImportRejected, ImprovementError

TARGET_FIELD = "chi-tieu-"


@login_required
def plan_list(request):
    page = Paginator(selectors.plans_for_user(request.user), 30).get_page(request.GET.get("trang"))
    return render(request, "improvement/list.html", {"page": page})


@login_required
def plan_detail(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    return render(request, "improvement/plan.html", selectors.plan_page(plan=plan))


@login_required
@require_POST
def targets_save(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    values = {name.removeprefix(TARGET_FIELD): value for name, value in request.POST.items()
              if name.startswith(TARGET_FIELD)}
    try:
        changed = services.targets_save(plan=plan, values=values, by=request.user)
    except ImprovementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, errors.TARGETS_SAVED % {"count": changed})
    return redirect("improvement:plan", pk=plan.pk)


@login_required
@require_POST
def targets_import(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    uploaded = request.FILES.get("file")
    try:
        if uploaded is None:
            raise ImprovementError(EXCEL_NO_FILE)
        count = excel.targets_import_xlsx(plan=plan, file=uploaded, name=uploaded.name, by=request.user)
    except ImportRejected as rejected:
        messages.error(request, f"{rejected}: {problems_listed(rejected.problems)}")
    except ImprovementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, errors.IMPORTED % {"count": count})
    return redirect("improvement:plan", pk=plan.pk)


@login_required
def gap_page(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    return render(request, "improvement/gaps.html", selectors.gap_data(plan=plan))
