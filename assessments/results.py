"""Loading units' score records and keeping their stored results in step with them.

``unit_records`` loads one assessment, ``period_scoring`` many; both hand plain records to
``scoring.unit_scoring``. Every service that changes what a result depends on (a self-score, an
appraised score, survey points, the appraisal's state) calls ``result_changed`` inside its
transaction; inside ``results_batch()`` the refresh waits for the end of the batch and runs once
per assessment, in a fixed number of queries.
"""
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from frameworks.points import points_to_str
from reports.index import office_review_part
from frameworks.selectors import tree_for
from frameworks.tree import Tree

from .models import Assessment, AssessmentResult, Period, SelfScore
from .scoring import Record, ResultFigures, UnitScoring, areas_to_json, result_figures, shortfalls_to_json, unit_scoring
from .workflow import Status

APPRAISAL_CLOSED = frozenset({Status.APPRAISED, Status.PUBLISHED})

_RECORD_FIELDS = ("assessment_id", "node_id", "value", "not_assessed")


def _appraised_model():
    # The appraisal app builds on this one; its score rows are reached through the relation.
    return Assessment._meta.get_field("appraised_scores").related_model


def _records_by_assessment(model, ids, tree: Tree) -> dict:
    grouped: dict = {}
    for assessment_id, node_id, value, not_assessed in model.objects.filter(assessment_id__in=ids).values_list(*_RECORD_FIELDS):
        grouped.setdefault(assessment_id, {})[tree.by_id[node_id].code] = Record(value, not_assessed)
    return grouped


def _survey_models():
    # The surveys app builds on this one too: its part and result models are reached through the relations.
    return (Period._meta.get_field("survey_parts").related_model,
            Assessment._meta.get_field("survey_results").related_model)


def _survey_rows(ids) -> list:
    return list(_survey_models()[1].objects.filter(assessment_id__in=ids)
                .values_list("assessment_id", "part_id", "points", "criteria"))


def _survey_leaves(rows, tree: Tree) -> dict:
    """Assessment id -> {leaf code: Record} for the framework leaves a survey design scores."""
    leaves: dict = {}
    for assessment_id, _part, _points, criteria in rows:
        for code, points in criteria.items():
            if code in tree.by_code and tree.is_leaf(code):
                leaves.setdefault(assessment_id, {})[code] = Record(Decimal(points))
    return leaves


def survey_scored_leaves(period, tree: Tree) -> dict:
    """Leaf code -> the survey part's method, for the framework leaves the period's designs score (one query).

    Such a leaf is neither typed by the unit nor appraised: its points come from the survey's responses.
    """
    scored = {}
    for method, design in _survey_models()[0].objects.filter(period=period, design__isnull=False).values_list(
            "method", "design"):
        for question in design["questions"]:
            if tree.is_leaf(question["criterion"]):
                scored[question["criterion"]] = method
    return scored


def _with_survey_leaves(records: tuple[dict, dict], leaves: dict) -> tuple[dict, dict]:
    """A survey-scored leaf is neither typed nor appraised: its survey points stand for both."""
    own, decided = records
    return ({**own, **leaves}, {**decided, **leaves}) if leaves else records


def unit_records(assessment: Assessment, tree: Tree) -> tuple[dict, dict]:
    """(self, appraised) records by criterion code of one assessment: three queries."""
    ids = [assessment.pk]
    own = _records_by_assessment(SelfScore, ids, tree).get(assessment.pk, {})
    decided = _records_by_assessment(_appraised_model(), ids, tree).get(assessment.pk, {})
    return _with_survey_leaves((own, decided), _survey_leaves(_survey_rows(ids), tree).get(assessment.pk, {}))


def assessment_scoring(assessment: Assessment, tree: Tree | None = None) -> UnitScoring:
    """One assessment's live scoring (never a publication's snapshot)."""
    tree = tree or tree_for(assessment.period.framework)
    own, decided = unit_records(assessment, tree)
    return unit_scoring(tree, own, decided, appraisal_closed=assessment.status in APPRAISAL_CLOSED)


@dataclass(frozen=True)
class PeriodScoring:
    tree: Tree
    records: dict  # assessment id -> (self records, appraised records)
    units: dict  # assessment id -> UnitScoring


def period_scoring(*, assessments: list[Assessment], tree: Tree, survey_rows: list) -> PeriodScoring:
    """The only loader of many units' scores: two queries whatever the number of units."""
    ids = [a.pk for a in assessments]
    own = _records_by_assessment(SelfScore, ids, tree)
    decided = _records_by_assessment(_appraised_model(), ids, tree)
    leaves = _survey_leaves(survey_rows, tree)
    records = {a.pk: _with_survey_leaves((own.get(a.pk, {}), decided.get(a.pk, {})), leaves.get(a.pk, {}))
               for a in assessments}
    units = {a.pk: unit_scoring(tree, *records[a.pk], appraisal_closed=a.status in APPRAISAL_CLOSED)
             for a in assessments}
    return PeriodScoring(tree, records, units)


def _office_review_scores():
    # The appraisal app holds the offices' assessment: its score model is reached through the relation.
    return Assessment._meta.get_field("office_review_scores").related_model


def office_review_stored(part, *, ids, tree: Tree) -> dict:
    """Assessment id -> the stored ``["office_review", points or None, max]`` of the period's offices' assessment
    (``reports.index.office_review_part``); ``part``: its (pk, max, criteria), None when the period holds none,
    then {} without a query, else one."""
    if part is None:
        return {}
    part_id, max_points, criteria = part
    scores: dict = {}
    for assessment_id, node_id, points in _office_review_scores().objects.filter(
            part_id=part_id, assessment_id__in=ids).values_list("assessment_id", "node_id", "points"):
        scores.setdefault(assessment_id, {})[tree.by_id[node_id].code] = points
    criteria_max = {code: tree.by_code[code].max_points for code in criteria}
    stored = {}
    for assessment_id in ids:
        figure = office_review_part(scores.get(assessment_id, {}), criteria_max=criteria_max, max_points=max_points)
        stored[assessment_id] = [figure.code, None if figure.points is None else points_to_str(figure.points),
                                 points_to_str(figure.max_points)]
    return stored


def survey_figures(parts: list, points: dict) -> tuple:
    """(survey total or None, survey maximum, stored parts) of one unit.

    ``parts``: the period's (pk, method, max) in order; ``points``: part pk -> the unit's points.
    """
    stored = [[method, None if pk not in points else points_to_str(points[pk]), points_to_str(maximum)]
              for pk, method, maximum in parts]
    total = sum(points.values(), Decimal(0)) if points else None
    return total, sum((maximum for _pk, _method, maximum in parts), Decimal(0)), stored


def figures_row(assessment: Assessment, figures: ResultFigures, survey: tuple, office_review=None) -> AssessmentResult:
    """The stored row; its parts are the offices' assessment (``office_review``, if the period holds one), then
    the survey parts."""
    survey_total, survey_max, parts = survey
    parts = [office_review, *parts] if office_review else parts
    return AssessmentResult(
        assessment=assessment, self_total=figures.self_total, appraised_total=figures.appraised_total,
        combined_total=figures.combined_total, appraisal_max=figures.appraisal_max, survey_total=survey_total,
        survey_max=survey_max, parts=parts, scored=figures.scored, leaves=figures.leaves,
        areas=areas_to_json(figures.areas), shortfalls=shortfalls_to_json(figures.shortfalls),
    )


_STORED_FIELDS = ["self_total", "appraised_total", "combined_total", "appraisal_max", "survey_total",
                  "survey_max", "parts", "scored", "leaves", "areas", "shortfalls", "updated_at"]


def results_refresh(assessments: list[Assessment]) -> tuple[PeriodScoring | None, dict]:
    """Recompute and store the results of assessments of one period: six queries for any number (seven
    when the period holds an offices' assessment).

    Returns the scoring it computed and the stored rows by assessment id.
    """
    if not assessments:
        return None, {}
    # The state decides whether the appraisal is closed: read it fresh, not from a possibly stale object.
    ids = [a.pk for a in assessments]
    # The same query brings the units' survey points (one row per part they have points in) and the period's
    # offices' assessment (its pk, maximum and criteria, or Nones).
    fresh, survey_rows, office_part = {}, [], None
    for pk, status, *survey, review_pk, review_max, review_criteria in Assessment.objects.filter(pk__in=ids).values_list(
            "pk", "status", "survey_results__part_id", "survey_results__points", "survey_results__criteria",
            "period__office_review__pk", "period__office_review__max_points", "period__office_review__criteria"):
        fresh[pk] = status
        if survey[0] is not None:
            survey_rows.append((pk, *survey))
        if review_pk is not None:
            office_part = (review_pk, review_max, review_criteria)
    for assessment in assessments:
        assessment.status = fresh[assessment.pk]
    tree = tree_for(assessments[0].period.framework)
    parts = list(_survey_models()[0].objects.filter(period_id=assessments[0].period_id).order_by("pk")
                 .values_list("pk", "method", "max_points"))
    points: dict = {}
    for assessment_id, part_id, part_points, _criteria in survey_rows:
        points.setdefault(assessment_id, {})[part_id] = part_points
    scoring = period_scoring(assessments=assessments, tree=tree, survey_rows=survey_rows)
    office_review = office_review_stored(office_part, ids=ids, tree=tree)
    rows = [figures_row(a, result_figures(tree, scoring.units[a.pk]), survey_figures(parts, points.get(a.pk, {})),
                        office_review.get(a.pk))
            for a in assessments]
    AssessmentResult.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["assessment"], update_fields=_STORED_FIELDS,
    )
    return scoring, {row.assessment_id: row for row in rows}


_batch: ContextVar[dict | None] = ContextVar("results_batch", default=None)


def result_changed(assessment: Assessment) -> None:
    """Call inside the transaction that changed what the assessment's result depends on."""
    pending = _batch.get()
    if pending is None:
        results_refresh([assessment])
    else:
        pending.setdefault(assessment.pk, assessment)


@contextmanager
def results_batch():
    """Many score writes (an import, a finish): each assessment's result is refreshed once, at the end.

    Use inside the caller's transaction, so that the refresh is part of it.
    """
    if _batch.get() is not None:  # already inside a batch: the outer one refreshes
        yield
        return
    token = _batch.set({})
    try:
        yield
        pending = list(_batch.get().values())
    finally:
        _batch.reset(token)
    by_period: dict = {}
    for assessment in pending:
        by_period.setdefault(assessment.period_id, []).append(assessment)
    for group in by_period.values():
        results_refresh(group)
