"""Results of a period, read from the stored figures in a fixed number of queries whatever the number of units.

A unit shows its newest publication's frozen figures once published (a re-appraisal in progress shows
only once republished), else the live figures kept beside its scores (``AssessmentResult``).
"""
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from appraisal.models import PublishedResult
from assessments.models import Assessment, AssessmentResult, Period
from assessments.results import APPRAISAL_CLOSED, unit_records
from assessments.scoring import areas_from_json, records_from_json, shortfalls_from_json, unit_scoring
from frameworks.selectors import tree_for
from frameworks.tree import TreeNode

from .index import UnitResult, UnitScores, rank_results


@dataclass(frozen=True)
class UnitFigures:
    """What results pages show of one unit; the per-area and per-criterion figures decoded on demand."""

    assessment: Assessment
    scores: UnitScores
    stored: AssessmentResult | PublishedResult
    publication: PublishedResult | None

    @cached_property
    def areas(self) -> dict:
        """Area code -> ``AreaFigures``."""
        return areas_from_json(self.stored.areas)

    @cached_property
    def shortfalls(self) -> dict:
        """Leaf code -> points lost."""
        return shortfalls_from_json(self.stored.shortfalls)


def _current_publications(assessment_ids, detail: bool) -> dict:
    publications = {}
    # The snapshot of every criterion is not needed for a ranking: thousands of rows, so leave it.
    rows = PublishedResult.objects.filter(assessment_id__in=assessment_ids).order_by("assessment_id", "version")
    rows = rows.defer("scores") if detail else rows.defer("scores", "areas", "shortfalls")
    for publication in rows:
        publications[publication.assessment_id] = publication  # the newest version wins
    return publications


def _figures(assessment: Assessment, publication: PublishedResult | None, survey_max: Decimal) -> UnitFigures:
    unit = assessment.unit
    if publication is not None:
        scores = UnitScores(
            unit_code=unit.code, unit_name=unit.name, unit_kind=unit.kind,
            self_total=publication.self_total, appraised_total=publication.appraised_total,
            combined_total=publication.appraised_total, appraisal_max=publication.max_total,
            survey_total=publication.survey_total, survey_max=survey_max, published=True,
        )
        stored = publication
    else:
        stored = assessment.result
        scores = UnitScores(
            unit_code=unit.code, unit_name=unit.name, unit_kind=unit.kind,
            self_total=stored.self_total, appraised_total=stored.appraised_total,
            combined_total=stored.combined_total, appraisal_max=stored.appraisal_max,
            survey_total=stored.survey_total, survey_max=survey_max, published=False,
        )
    return UnitFigures(assessment, scores, stored, publication)


def period_figures(*, period: Period, unit_kind: str | None = None, detail: bool = True) -> list[UnitFigures]:
    """Every unit's shown figures, in unit order: two queries. Without ``detail``, totals only."""
    assessments = (Assessment.objects.filter(period=period).select_related("unit", "result")
                   .order_by("unit__order", "unit__code"))
    if not detail:
        assessments = assessments.defer("result__areas", "result__shortfalls")
    if unit_kind:
        assessments = assessments.filter(unit__kind=unit_kind)
    assessments = list(assessments)
    publications = _current_publications([a.pk for a in assessments], detail)
    survey_max = period.framework.survey_max_points
    return [_figures(a, publications.get(a.pk), survey_max) for a in assessments]


def previous_period(period: Period) -> Period | None:
    """The same unit group's period of the year before (same framework family)."""
    return (
        Period.objects.filter(framework__family=period.framework.family, year__lt=period.year)
        .select_related("framework").order_by("-year").first()
    )


@dataclass(frozen=True)
class RankedPeriod:
    results: list  # UnitResult, by rank
    figures: list  # UnitFigures, in unit order
    previous_period: Period | None
    previous_results: list  # the previous period's UnitResult (their own rank changes not computed)


def ranked_period(*, period: Period, unit_kind: str | None = None) -> RankedPeriod:
    """This period's ranked results and the previous period's, from their stored figures."""
    figures = period_figures(period=period, unit_kind=unit_kind)
    before = previous_period(period)
    previous = rank_results([f.scores for f in period_figures(period=before, unit_kind=unit_kind, detail=False)]) if before else []
    previous_ranks = {r.unit_code: r.rank for r in previous} if before else None
    return RankedPeriod(rank_results([f.scores for f in figures], previous_ranks=previous_ranks), figures, before, previous)


def period_results(*, period: Period, unit_kind: str | None = None) -> list[UnitResult]:
    """Ranked results; rank change against the previous period of the same family."""
    return ranked_period(period=period, unit_kind=unit_kind).results


@dataclass(frozen=True)
class CriterionResult:
    node: TreeNode
    max_points: Decimal
    self_points: Decimal
    appraised_points: Decimal
    lost_points: Decimal
    full_marks: bool
    is_leaf: bool


def unit_report(*, period: Period, unit_code: str) -> dict | None:
    """One unit's result per criterion, with its rank and the criteria it scored in full."""
    ranked = ranked_period(period=period)
    shown = next((f for f in ranked.figures if f.assessment.unit.code == unit_code), None)
    if shown is None:
        return None
    assessment = shown.assessment
    tree = tree_for(period.framework)
    if shown.publication is not None:
        own, decided = records_from_json(PublishedResult.objects.values_list("scores", flat=True).get(pk=shown.publication.pk))
        closed = True
    else:
        own, decided = unit_records(assessment, tree)
        closed = assessment.status in APPRAISAL_CLOSED
    scoring = unit_scoring(tree, own, decided, appraisal_closed=closed)
    rows = []
    for node in tree.nodes:
        own_total, combined = scoring.self_by_code[node.code], scoring.combined_by_code[node.code]
        rows.append(CriterionResult(
            node=node, max_points=combined.max_points, self_points=own_total.score, appraised_points=combined.score,
            lost_points=combined.max_points - combined.score,
            full_marks=combined.max_points > 0 and combined.score >= combined.max_points,
            is_leaf=tree.is_leaf(node.code),
        ))
    return {
        "period": period,
        "unit": assessment.unit,
        "assessment": assessment,
        "result": next(r for r in ranked.results if r.unit_code == unit_code),
        "unit_count": len(ranked.results),
        "rows": rows,
        "full_marks": [row for row in rows if row.full_marks and row.node.parent_id is not None and row.is_leaf],
    }
