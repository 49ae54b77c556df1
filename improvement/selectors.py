"""Reads of plans: one loader answering 404 to outsiders, the plans a user may read, the gap page's data."""
from dataclasses import dataclass
from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import Actor, is_office, may_edit_plan, may_read_plan
from accounts.roles import UNIT_ROLES
from accounts.selectors import managed_units, readable_units
from frameworks.points import points_to_str
from frameworks.models import Framework
from organizations.hierarchy import organiser_line
from organizations.models import Unit
from assessments.models import Assessment
from reports.models import ImportedResult
from reports.selectors import unit_report

from .gaps import gaps, losses_by_area
from .models import Plan, Task, TaskStatus
from .services import plan_criteria
from .tasks import is_overdue

LOST = _("Điểm bị mất")


def get_plan_for_user(user, pk) -> Plan:
    """A plan, for whoever may read its unit; 404 for everybody else."""
    plan = get_object_or_404(Plan.objects.select_related("unit__parent__parent", "framework"), pk=pk)
    line = organiser_line(plan.unit)
    if not may_read_plan(Actor.of(user), unit_id=plan.unit_id, organiser_line=line):
        raise Http404
    plan.editable = may_edit_plan(Actor.of(user), unit_id=plan.unit_id, organiser_line=line)
    return plan


def editable_units(user):
    """The units whose plans ``user`` may start: its organiser's units for the office, their own for a unit's people."""
    actor = Actor.of(user)
    if is_office(actor):
        return managed_units(user)
    if actor.unit_id and actor.role in UNIT_ROLES:
        return Unit.objects.filter(pk=actor.unit_id)
    return Unit.objects.none()


def plan_choices(*, user) -> dict:
    """What the "new plan" form offers; nothing for those who only read."""
    units = list(editable_units(user).order_by("kind", "order", "code"))
    return {"new_plan_units": units, "frameworks": list(Framework.objects.order_by("family", "-effective_year"))
            if units else []}


def plans_for_user(user):
    return (Plan.objects.filter(unit__in=readable_units(user)).select_related("unit", "framework")
            .order_by("-year", "unit__order", "unit__code"))


@dataclass(frozen=True)
class LastYear:
    year: int
    source: str  # where its scores come from: the published period, or the file or seed imported
    scores: dict  # criterion code -> points


def last_year(plan: Plan) -> LastYear | None:
    """The unit's most recent result of the plan's family before the plan's year: a published period's
    figures (appraised where decided, else self) or, for a year ParIndex did not run, imported history."""
    imported = (ImportedResult.objects.filter(unit_id=plan.unit_id, family=plan.family, year__lt=plan.year)
                .order_by("-year").first())
    published = (Assessment.objects.filter(unit_id=plan.unit_id, excluded=False, period__framework__family=plan.family,
                                           period__year__lt=plan.year, period__published_at__isnull=False)
                 .select_related("period__framework").order_by("-period__year").first())
    if published and (imported is None or published.period.year >= imported.year):
        report = unit_report(period=published.period, unit_code=plan.unit.code)
        return LastYear(published.period.year, str(published.period.display_name),
                        {row.node.code: row.appraised_points for row in report["rows"]})
    if imported:
        return LastYear(imported.year, imported.source, dict(imported.scores.values_list("code", "points")))
    return None


def gap_data(*, plan: Plan) -> dict:
    """The gap page: criteria below maximum last year, most points lost first, and the losses per area."""
    criteria = plan_criteria(plan)
    before = last_year(plan)
    scores = before.scores if before else {}
    targets = dict(plan.targets.values_list("code", "target"))
    found = gaps(criteria, scores=scores, targets=targets)
    areas = losses_by_area(criteria, scores=scores, found=found)
    return {
        "plan": plan, "last_year": before, "gaps": found, "areas": areas,
        "chart": {
            "horizontal": True,
            "labels": [area.code for area in areas],
            "titles": [f"{area.code}. {area.title}" for area in areas],
            "series": [{"label": str(LOST), "values": [points_to_str(area.lost) for area in areas]}],
        },
    }



@dataclass(frozen=True)
class TargetLine:
    code: str
    title: str
    level: int
    max_points: object
    last_score: object  # None: no score known for last year
    target: object  # None: no target set


def plan_page(*, plan: Plan) -> dict:
    """The plan's criteria with last year's score and the target, in document order."""
    before = last_year(plan)
    scores = before.scores if before else {}
    targets = dict(plan.targets.values_list("code", "target"))
    lines = [TargetLine(c.code, c.title, c.code.count(".") + 1, c.max_points, scores.get(c.code), targets.get(c.code))
             for c in plan_criteria(plan)]
    return {"plan": plan, "last_year": before, "lines": lines, "target_count": len(targets),
            "tasks": plan_tasks(plan=plan), "statuses": TaskStatus.choices}


@dataclass(frozen=True)
class TaskLine:
    task: Task
    overdue: bool
    notes: list


def plan_tasks(*, plan: Plan, today: date | None = None) -> list[TaskLine]:
    """The plan's tasks in their order, each with its progress notes (newest first) and whether it is overdue."""
    today = today or timezone.localdate()
    tasks = plan.tasks.prefetch_related("notes").order_by("id")
    return [TaskLine(task, is_overdue(deadline=task.deadline, done=task.status == TaskStatus.DONE, today=today),
                     list(task.notes.all())) for task in tasks]


def get_task_for_user(user, plan_pk, pk) -> Task:
    plan = get_plan_for_user(user, plan_pk)
    task = get_object_or_404(Task, plan=plan, pk=pk)
    task.plan = plan
    return task
