"""Writes of targets and improvement plans: each checks who may write (``accounts.access.may_edit_plan``)
and the figures, and keeps a history row with the user."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.access import Actor, may_edit_plan
from config.excel import BadCell, cell_points
from config.text import EXPLANATION_MAX, REASON_MAX, TextTooLong, bounded, echoed, normalized
from frameworks.points import format_points, quantize_points
from frameworks.selectors import tree_for
from organizations.hierarchy import organiser_line
from organizations.models import Unit

from . import errors
from .errors import ImprovementError
from .gaps import Criterion
from .models import Plan, Target, Task, TaskNote, TaskStatus


def ensure_may_edit(*, plan: Plan, by) -> None:
    if by is not None and not may_edit_plan(Actor.of(by), unit_id=plan.unit_id, organiser_line=organiser_line(plan.unit)):
        raise ImprovementError(errors.NO_PERMISSION)


def plan_criteria(plan: Plan) -> list[Criterion]:
    """The criteria a plan sets targets on, in document order: its tree's nodes, or (without a tree) the
    criteria its targets name."""
    if plan.framework_id is None:
        return [Criterion(t.code, t.title, t.max_points, tuple(t.responsible)) for t in plan.targets.all()]
    return [Criterion(node.code, node.title, node.max_points, tuple(node.responsible_offices))
            for node in tree_for(plan.framework).nodes]


def _points(value, name) -> Decimal:
    try:
        return cell_points(value, name=name)
    except BadCell as bad:
        raise ImprovementError(str(bad)) from None


def target_value(value, *, code: str, max_points: Decimal) -> Decimal:
    """A typed target, ``1,5`` or ``1.5``: a number from 0 to the criterion's maximum."""
    number = _points(value, errors.TARGET)
    if number > max_points:
        raise ImprovementError(errors.ABOVE_MAX % {"code": code, "value": format_points(number),
                                                   "max": format_points(max_points)})
    return quantize_points(number)


def target_criterion(plan: Plan, code: str, *, criteria: dict, title: str = "", max_points=None) -> Criterion:
    """The criterion a target is for; a plan without a tree takes a new one with its title and maximum."""
    criterion = criteria.get(code)
    if criterion is not None:
        return criterion
    if plan.framework_id is not None:
        raise ImprovementError(errors.UNKNOWN_CRITERION % {"code": code})
    if not title or max_points is None:
        raise ImprovementError(errors.UNKNOWN_TARGET % {"code": code, "title": "Nội dung", "max": "Điểm tối đa"})
    return Criterion(code, title, max_points)


@transaction.atomic
def targets_save(*, plan: Plan, values: dict, by, reason: str = "") -> int:
    """Set several targets at once (``code -> typed value``; empty removes nothing); returns how many changed.

    Refuses the whole set, naming every criterion, when one is wrong.
    """
    ensure_may_edit(plan=plan, by=by)
    criteria = {c.code: c for c in plan_criteria(plan)}
    existing = {t.code: t for t in plan.targets.all()}
    checked, problems = [], []
    for code, typed in values.items():
        if str(typed).strip() == "":
            continue
        try:
            criterion = target_criterion(plan, code, criteria=criteria)
            checked.append((criterion, target_value(typed, code=code, max_points=criterion.max_points)))
        except ImprovementError as error:
            problems.append(str(error))
    if problems:
        raise ImprovementError(" ".join(problems))
    changed = 0
    for criterion, value in checked:
        target = existing.get(criterion.code)
        if target is not None and target.target == value:
            continue
        _store(plan, criterion, value, by=by, target=target, reason=reason)
        changed += 1
    return changed


def _store(plan, criterion: Criterion, value, *, by, target=None, source_line=None, reason="", responsible=None):
    target = target or Target(plan=plan, code=criterion.code)
    target.title, target.max_points, target.target = criterion.title, criterion.max_points, value
    if responsible is not None:
        target.responsible = list(responsible)
    if source_line is not None:
        target.source_line = source_line
    target.updated_by = by
    target._history_user = by
    target._change_reason = reason
    target.full_clean(validate_constraints=False)
    target.save()
    return target


@dataclass(frozen=True)
class TargetRow:
    """One target as a file row or a seed line gives it, values still as typed."""

    line: int
    code: str
    value: object
    title: str = ""
    max_points: object = None
    responsible: tuple = ()
    source_line: int | None = None


@transaction.atomic
def targets_load(*, plan: Plan, rows: list, by, reason: str) -> int:
    """Targets from a file or a seed (``TargetRow``s), all or none; ``ImportRejected`` names every row's problem."""
    ensure_may_edit(plan=plan, by=by)
    if not rows:
        raise errors.ImportRejected([str(errors.NO_ROWS)])
    criteria = {c.code: c for c in plan_criteria(plan)}
    existing = {t.code: t for t in plan.targets.all()}
    problems, checked, first = [], [], {}
    for row in rows:
        try:
            if row.code in first:
                raise ImprovementError(errors.DUPLICATE_CODE % {"code": row.code, "first": first[row.code]})
            first[row.code] = row.line
            maximum = None if row.max_points in (None, "") else quantize_points(_points(row.max_points,
                                                                                        errors.MAX_POINTS))
            criterion = target_criterion(plan, row.code, criteria=criteria, title=row.title, max_points=maximum)
            checked.append((row, criterion, target_value(row.value, code=row.code, max_points=criterion.max_points)))
        except ImprovementError as error:
            problems.append(str(errors.ROW % {"row": row.line, "problem": error}))
    if problems:
        raise errors.ImportRejected(problems)
    for row, criterion, value in checked:
        _store(plan, criterion, value, by=by, target=existing.get(row.code), source_line=row.source_line,
               reason=reason, responsible=row.responsible or None)
    return len(checked)


def plan_ensure(*, unit, year: int, family: str, framework=None, document: str = "", source: str = "") -> Plan:
    """The unit's plan for ``year``, created on first use (the office and the demo seed start one)."""
    plan, _created = Plan.objects.get_or_create(unit=unit, year=year, family=family, defaults={
        "framework": framework, "document": document, "source": source})
    return plan


# -- tasks -------------------------------------------------------------------------------------

def _required(value, name, limit) -> str:
    text = bounded(value, name=str(name), limit=limit)
    if not text:
        raise ImprovementError(errors.REQUIRED % {"name": name})
    return text


def _listed(text) -> list[str]:
    """One agency or code a line (or separated by commas for codes)."""
    return [part for part in (normalized(p) for p in str(text or "").replace(",", "\n").splitlines()) if part]


def task_deadline(value) -> date:
    if isinstance(value, date):
        return value
    text = normalized(value)
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise ImprovementError(errors.BAD_DATE % {"name": errors.TASK_DEADLINE, "value": echoed(text)}) from None


@transaction.atomic
def task_add(*, plan: Plan, by, number: str, title: str, lead_agency: str, deadline, cooperating_agencies="",
             criteria="", co_lead_agencies=(), deadline_text: str = "", source_line=None, reason: str = "") -> Task:
    """A new task; agencies one a line, criteria codes separated by commas, each code one of the plan's."""
    ensure_may_edit(plan=plan, by=by)
    problems = []
    values = {}
    for key, check in (("title", lambda: _required(title, errors.TASK_TITLE, EXPLANATION_MAX)),
                       ("lead_agency", lambda: _required(lead_agency, errors.TASK_LEAD, 200)),
                       ("deadline", lambda: task_deadline(deadline))):
        try:
            values[key] = check()
        except (ImprovementError, TextTooLong) as error:
            problems.append(str(error))
    codes = _listed(criteria)
    unknown = sorted(set(codes) - {c.code for c in plan_criteria(plan)})
    if unknown:
        problems.append(str(errors.UNKNOWN_TASK_CRITERIA % {"codes": ", ".join(unknown)}))
    if problems:
        raise ImprovementError(" ".join(problems))
    task = Task(plan=plan, number=normalized(number)[:10] or str(plan.tasks.count() + 1), criteria=codes,
                cooperating_agencies=_listed(cooperating_agencies) if isinstance(cooperating_agencies, str)
                else list(cooperating_agencies), co_lead_agencies=list(co_lead_agencies),
                deadline_text=deadline_text, source_line=source_line,
                lead_unit=Unit.objects.filter(name=values["lead_agency"]).first(), **values)
    task._history_user, task._change_reason = by, reason
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_update(*, task: Task, by, status: str, note: str = "", today: date | None = None) -> Task:
    """A task's new status and, optionally, a dated progress note; the history keeps the step and its note."""
    ensure_may_edit(plan=task.plan, by=by)
    if status not in TaskStatus.values:
        raise ImprovementError(errors.BAD_STATUS % {"value": echoed(status)})
    try:
        note = bounded(note, name=str(errors.TASK_NOTE), limit=REASON_MAX)
    except TextTooLong as error:
        raise ImprovementError(str(error)) from None
    if note:
        TaskNote.objects.create(task=task, on=today or timezone.localdate(), text=note, by=by)
    if status != task.status:
        task.status = status
        task._history_user, task._change_reason = by, note
        task.save(update_fields=["status"])
    return task


@transaction.atomic
def plan_create(*, unit, year, framework=None, by) -> Plan:
    """A new plan of ``unit`` for ``year``, on ``framework``'s criteria (else on the unit's family, no tree)."""
    if not may_edit_plan(Actor.of(by), unit_id=unit.pk, organiser_line=organiser_line(unit)):
        raise ImprovementError(errors.NO_PERMISSION)
    if not str(year).isdigit() or not 2000 <= int(year) <= 2100:
        raise ImprovementError(errors.PLAN_BAD_YEAR)
    family = framework.family if framework else unit.framework_family
    if not family:
        raise ImprovementError(errors.PLAN_NO_FAMILY % {"unit": unit.name})
    if Plan.objects.filter(unit=unit, year=year, family=family).exists():
        raise ImprovementError(errors.PLAN_EXISTS % {"unit": unit.name, "year": year})
    plan = Plan(unit=unit, year=int(year), family=family, framework=framework)
    plan._history_user = by
    plan.save()
    return plan
