"""Writes of the district offices' assessment: a period's part (its maximum and criteria) and the offices' scores.

The part is a second appraisal round on some of the framework's leaves (seed 004, Phú La). The office of the
period's organiser sets it up before publication; the offices score during the appraisal, as the council does,
and a change after publication goes through a phúc tra (``reappraise`` reopens the appraisal). Every write
refreshes the stored results: the part's maximum is every unit's, its points each unit's own.
"""
from decimal import Decimal

from django.db import transaction

from accounts import access
from accounts.access import Actor
from assessments.models import Assessment, Period
from assessments.results import result_changed
from assessments.services import lock_assessment
from assessments.workflow import APPRAISAL_EDITABLE, Status
from config.text import REASON_MAX
from frameworks import rules
from frameworks.models import Node
from frameworks.points import PointsParseError, parse_points, quantize_points
from frameworks.selectors import tree_for
from organizations.hierarchy import home_affairs_office
from surveys.services import refresh_period

from . import errors
from .errors import AppraisalError
from .models import OFFICE_REVIEW_TITLE, OfficeReviewPart, OfficeReviewScore
from .selectors import council_seat
from .services import bounded_text, ensure_appraisal_time


def _check_office(period: Period, by) -> None:
    if not access.runs_period(Actor.of(by), organiser_line=period.organiser_line):
        raise AppraisalError(errors.OFFICE_REVIEW_NOT_OFFICE % {"office": home_affairs_office(period.organiser),
                                                                "organiser": period.organiser.name})
    if period.published_at is not None:
        raise AppraisalError(errors.OFFICE_REVIEW_PUBLISHED % {"identifier": period.identifier})


def _maximum(max_points) -> Decimal:
    try:
        value = parse_points(max_points)
    except PointsParseError:
        value = None
    if value is None or value <= 0 or quantize_points(value) != value:
        raise AppraisalError(errors.OFFICE_REVIEW_BAD_MAX % {"value": max_points})
    return quantize_points(value)


def _criteria(period: Period, codes) -> list[str]:
    """The leaf codes named, in the framework's order; every unknown or non-leaf code named in the refusal."""
    codes = [code.strip() for code in codes if code.strip()]
    if not codes:
        raise AppraisalError(errors.OFFICE_REVIEW_NO_CRITERIA)
    tree = tree_for(period.framework)
    if unknown := [code for code in codes if code not in tree.by_code]:
        raise AppraisalError(errors.OFFICE_REVIEW_UNKNOWN % {"codes": ", ".join(unknown)})
    if parents := [code for code in codes if not tree.is_leaf(code)]:
        raise AppraisalError(errors.OFFICE_REVIEW_NOT_LEAVES % {"codes": ", ".join(parents)})
    wanted = set(codes)
    return [leaf.code for leaf in tree.leaves if leaf.code in wanted]


@transaction.atomic
def office_review_part_set(*, period: Period, max_points, codes, by, title: str | None = None) -> OfficeReviewPart:
    """Hold the offices' assessment in the period, with this maximum and these criteria (leaf codes).

    Criteria may be added and the maximum changed at any time before publication (the points are scaled
    again); a criterion the offices have scored is never dropped, since its points would be lost."""
    _check_office(period, by)
    maximum, criteria = _maximum(max_points), _criteria(period, codes)
    part = OfficeReviewPart.objects.select_for_update().filter(period=period).first()
    if part is None:
        part = OfficeReviewPart(period=period)
    else:
        dropped = OfficeReviewScore.objects.filter(part=part).exclude(node__code__in=criteria)
        if count := dropped.count():
            codes_scored = sorted(set(dropped.values_list("node__code", flat=True)))
            raise AppraisalError(errors.OFFICE_REVIEW_SCORED_CRITERIA % {"codes": ", ".join(codes_scored),
                                                                         "count": count})
    if title is not None:
        title = bounded_text(title, name=errors.OFFICE_REVIEW_TITLE, limit=200)
        if not title:
            raise AppraisalError(errors.OFFICE_REVIEW_TITLE_REQUIRED)
    part.title = title or part.title or OFFICE_REVIEW_TITLE
    part.max_points, part.criteria = maximum, criteria
    part._history_user = by
    part.save()
    refresh_period(period)
    return part


@transaction.atomic
def office_review_part_remove(*, period: Period, by) -> None:
    """The period no longer holds the offices' assessment: only while no office has scored a unit in it."""
    _check_office(period, by)
    part = OfficeReviewPart.objects.select_for_update().filter(period=period).first()
    if part is None:
        raise AppraisalError(errors.OFFICE_REVIEW_NONE % {"identifier": period.identifier})
    if count := part.scores.count():
        raise AppraisalError(errors.OFFICE_REVIEW_SCORED_PART % {"count": count})
    part._history_user = by
    part.delete()
    refresh_period(period)


def may_score(*, user, assessment: Assessment, node: Node) -> bool:
    """The access policy asked with this criterion's facts (one query)."""
    seated, assigned = council_seat(user=user, period_id=assessment.period_id)
    return access.may_score_office_review(Actor.of(user), seated=seated, assigned=node.pk in assigned,
                                          organiser_line=assessment.period.organiser_line)


@transaction.atomic
def office_review_save(*, assessment: Assessment, node: Node, by, points, reason: str = "") -> OfficeReviewScore:
    """One office's points for the unit on one criterion of the part (``1,5`` or ``1.5``, at most the leaf's
    maximum, on the framework's step), with its remark; the office is the scorer's unit."""
    lock_assessment(assessment)
    part = OfficeReviewPart.objects.filter(period_id=assessment.period_id).first()
    if part is None:
        raise AppraisalError(errors.OFFICE_REVIEW_NONE % {"identifier": assessment.period.identifier})
    if node.framework_id != assessment.period.framework_id or node.code not in part.criteria:
        raise AppraisalError(errors.OFFICE_REVIEW_NOT_IN_PART % {"code": node.code})
    if not may_score(user=by, assessment=assessment, node=node):
        raise AppraisalError(errors.OFFICE_REVIEW_NOT_ASSIGNED % {"code": node.code})
    if assessment.status not in APPRAISAL_EDITABLE:
        raise AppraisalError(errors.OFFICE_REVIEW_NOT_APPRAISING % {"status": Status(assessment.status).label})
    ensure_appraisal_time(assessment=assessment, by=by)
    value = rules.evaluate(rules.with_step(None, node.framework.points_step), node.max_points, {"value": points})
    reason = bounded_text(reason, name=errors.OFFICE_REVIEW_REASON, limit=REASON_MAX)
    score = (OfficeReviewScore.objects.filter(assessment=assessment, part=part, node=node).first()
             or OfficeReviewScore(assessment=assessment, part=part, node=node))
    score.points, score.reason, score.office_id, score.scored_by = quantize_points(value), reason, by.unit_id, by
    score._history_user = by
    score.save()
    result_changed(assessment)
    return score
