"""Writes of targets and improvement plans: each checks who may write (``accounts.access.may_edit_plan``)
and the figures, and keeps a history row with the user."""
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from accounts.access import Actor, may_edit_plan
from config.excel import cell_number
from frameworks.points import PointsParseError, format_points, quantize_points
from frameworks.rules import NEGATIVE, NOT_A_NUMBER
from frameworks.selectors import tree_for

from . import errors
from .errors import ImprovementError
from .gaps import Criterion
from .models import Plan, Target


def ensure_may_edit(*, plan: Plan, by) -> None:
    if by is not None and not may_edit_plan(Actor.of(by), unit_id=plan.unit_id):
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
        number = cell_number(value)
    except PointsParseError:
        raise ImprovementError(NOT_A_NUMBER % {"name": name}) from None
    if number < 0:
        raise ImprovementError(NEGATIVE % {"name": name})
    return number


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
