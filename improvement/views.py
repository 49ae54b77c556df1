"""Targets, gaps and improvement plans: thin views over ``selectors`` (reads) and ``services`` (writes)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from assessments.errors import EXCEL_NO_FILE, problems_listed
from config.downloads import xlsx_response
from frameworks.models import Framework
from reports.pdf import pdf_response

from . import documents, errors, excel, selectors, services
from .errors import ImportRejected, ImprovementError

TARGET_FIELD = "chi-tieu-"


@login_required
def plan_list(request):
    page = Paginator(selectors.plans_for_user(request.user), 30).get_page(request.GET.get("trang"))
    return render(request, "improvement/list.html", {"page": page, **selectors.plan_choices(user=request.user)})


@login_required
@require_POST
def plan_create(request):
    code = request.POST.get("unit", "")
    unit = selectors.editable_units(request.user).filter(code=code).first()
    framework = Framework.objects.filter(key=request.POST.get("framework", "")).first()
    try:
        if unit is None:
            raise ImprovementError(errors.PLAN_UNKNOWN_UNIT % {"code": code})
        plan = services.plan_create(unit=unit, year=request.POST.get("year", ""), framework=framework, by=request.user)
    except ImprovementError as error:
        messages.error(request, str(error))
        return redirect("improvement:list")
    messages.success(request, errors.PLAN_CREATED % {"year": plan.year, "unit": unit.name})
    return redirect("improvement:plan", pk=plan.pk)


@login_required
def plan_detail(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    return render(request, "improvement/plan.html", selectors.plan_page(plan=plan))


def _on_plan(request, plan, step, success) -> HttpResponse:
    """Take ``step()``; say ``success(result)`` or why it was refused (a file's problems by row); back to the plan."""
    try:
        result = step()
    except ImportRejected as rejected:
        messages.error(request, f"{rejected}: {problems_listed(rejected.problems)}")
    except ImprovementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success(result))
    return redirect("improvement:plan", pk=plan.pk)


@login_required
@require_POST
def targets_save(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    values = {name.removeprefix(TARGET_FIELD): value for name, value in request.POST.items()
              if name.startswith(TARGET_FIELD)}
    return _on_plan(request, plan, lambda: services.targets_save(plan=plan, values=values, by=request.user),
                    lambda changed: errors.TARGETS_SAVED % {"count": changed})


def _uploaded_targets(request, plan) -> int:
    uploaded = request.FILES.get("file")
    if uploaded is None:
        raise ImprovementError(EXCEL_NO_FILE)
    return excel.targets_import_xlsx(plan=plan, file=uploaded, name=uploaded.name, by=request.user)


@login_required
@require_POST
def targets_import(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    return _on_plan(request, plan, lambda: _uploaded_targets(request, plan),
                    lambda count: errors.IMPORTED % {"count": count})


@login_required
def gap_page(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    return render(request, "improvement/gaps.html", selectors.gap_data(plan=plan))


TASK_FIELDS = ("number", "title", "lead_agency", "cooperating_agencies", "deadline", "criteria")


@login_required
@require_POST
def task_add(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    values = {name: request.POST.get(name, "") for name in TASK_FIELDS}
    return _on_plan(request, plan, lambda: services.task_add(plan=plan, by=request.user, **values),
                    lambda task: errors.TASK_ADDED % {"number": task.number})


@login_required
@require_POST
def task_update(request, pk, task_pk):
    task = selectors.get_task_for_user(request.user, pk, task_pk)
    return _on_plan(request, task.plan, lambda: services.task_update(
        task=task, by=request.user, status=request.POST.get("status", ""), note=request.POST.get("note", "")),
        lambda task: errors.TASK_UPDATED % {"number": task.number})


@login_required
def tasks_pdf(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    return pdf_response(documents.tasks_pdf(plan=plan), f"Kế hoạch cải thiện Chỉ số CCHC {plan.year} {plan.unit.name}.pdf")


@login_required
def tasks_xlsx(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    return xlsx_response(documents.tasks_xlsx(plan=plan), f"nhiem-vu-{plan.unit.code}-{plan.year}.xlsx")
