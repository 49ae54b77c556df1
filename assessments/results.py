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

from frameworks.selectors import tree_for
from frameworks.tree import Tree

from .models import Assessment, AssessmentResult, SelfScore
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


def unit_records(assessment: Assessment, tree: Tree) -> tuple[dict, dict]:
    """(self, appraised) records by criterion code of one assessment: two queries."""
    ids = [assessment.pk]
    own = _records_by_assessment(SelfScore, ids, tree).get(assessment.pk, {})
    decided = _records_by_assessment(_appraised_model(), ids, tree).get(assessment.pk, {})
    return own, decided


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


def period_scoring(*, assessments: list[Assessment], tree: Tree) -> PeriodScoring:
    """The only loader of many units' scores: two queries whatever the number of units."""
    ids = [a.pk for a in assessments]
    own = _records_by_assessment(SelfScore, ids, tree)
    decided = _records_by_assessment(_appraised_model(), ids, tree)
    records = {a.pk: (own.get(a.pk, {}), decided.get(a.pk, {})) for a in assessments}
    units = {a.pk: unit_scoring(tree, *records[a.pk], appraisal_closed=a.status in APPRAISAL_CLOSED)
             for a in assessments}
    return PeriodScoring(tree, records, units)


def figures_row(assessment: Assessment, figures: ResultFigures, survey_total) -> AssessmentResult:
    return AssessmentResult(
        assessment=assessment, self_total=figures.self_total, appraised_total=figures.appraised_total,
        combined_total=figures.combined_total, appraisal_max=figures.appraisal_max, survey_total=survey_total,
        scored=figures.scored, leaves=figures.leaves,
        areas=areas_to_json(figures.areas), shortfalls=shortfalls_to_json(figures.shortfalls),
    )


_STORED_FIELDS = ["self_total", "appraised_total", "combined_total", "appraisal_max", "survey_total",
                  "scored", "leaves", "areas", "shortfalls", "updated_at"]


def results_refresh(assessments: list[Assessment]) -> tuple[PeriodScoring | None, dict]:
    """Recompute and store the results of assessments of one period: five queries for any number.

    Returns the scoring it computed and the stored rows by assessment id.
    """
    if not assessments:
        return None, {}
    # The state decides whether the appraisal is closed: read it fresh, not from a possibly stale object.
    ids = [a.pk for a in assessments]
    fresh = {row["pk"]: row for row in Assessment.objects.filter(pk__in=ids).values("pk", "status", "survey__points")}
    for assessment in assessments:
        assessment.status = fresh[assessment.pk]["status"]
    tree = tree_for(assessments[0].period.framework)
    scoring = period_scoring(assessments=assessments, tree=tree)
    rows = [figures_row(a, result_figures(tree, scoring.units[a.pk]), fresh[a.pk]["survey__points"]) for a in assessments]
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
