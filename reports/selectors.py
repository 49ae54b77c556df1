"""Results of a period, read from the stored figures in a fixed number of queries whatever the number of units.

A unit shows its newest publication's frozen figures once published (a re-appraisal in progress shows
only once republished), else the live figures kept beside its scores (``AssessmentResult``).
"""
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import FilteredRelation, Q
from django.utils import timezone

from appraisal.models import PublishedResult
from assessments.models import Assessment, Period
from assessments.results import APPRAISAL_CLOSED, unit_records
from assessments.scoring import areas_from_json, records_from_json, shortfalls_from_json, unit_scoring
from frameworks.selectors import tree_for
from frameworks.tree import TreeNode

from .index import Republication, UnitResult, UnitScores, rank_results


@dataclass(frozen=True)
class UnitFigures:
    """What results pages show of one unit; the per-area and per-criterion figures decoded on demand."""

    assessment_id: int
    unit_code: str
    scores: UnitScores
    stored: dict  # the stored row's values: live ``AssessmentResult`` or the newest ``PublishedResult``
    publication_id: int | None
    status: str  # the assessment's workflow status: what a provisional figure stands on

    @cached_property
    def areas(self) -> dict:
        """Area code -> ``AreaFigures``."""
        return areas_from_json(self.stored["areas"])

    @cached_property
    def shortfalls(self) -> dict:
        """Leaf code -> points lost."""
        return shortfalls_from_json(self.stored["shortfalls"])


_TOTALS = ("self_total", "appraised_total", "survey_total")


def period_figures(*, period: Period, unit_kind: str | None = None, detail: bool = True) -> list[UnitFigures]:
    """Every unit's shown figures, in unit order, in one query. Without ``detail``, totals only.

    Plain rows, not model instances: a city has hundreds of units and every results page reads them all.
    """
    parts = (*_TOTALS, *(("areas", "shortfalls") if detail else ()))
    live = [f"result__{name}" for name in (*parts, "combined_total", "appraisal_max")]
    published = [f"published__{name}" for name in ("pk", *parts, "max_total", "version", "published_at", "reason")]
    assessments = (Assessment.objects.filter(period=period, excluded=False).order_by("unit__order", "unit__code")
                   .annotate(published=FilteredRelation("publications", condition=Q(publications__current=True))))
    if unit_kind:
        assessments = assessments.filter(unit__kind=unit_kind)
    survey_max = period.framework.survey_max_points
    figures = []
    for row in assessments.values("pk", "status", "unit__code", "unit__name", "unit__kind", *live, *published):
        is_published = row["published__pk"] is not None
        prefix = "published__" if is_published else "result__"
        stored = {name.removeprefix(prefix): value for name, value in row.items() if name.startswith(prefix)}
        combined, maximum = ((stored["appraised_total"], stored["max_total"]) if is_published
                             else (stored["combined_total"], stored["appraisal_max"]))
        scores = UnitScores(
            unit_code=row["unit__code"], unit_name=row["unit__name"], unit_kind=row["unit__kind"],
            self_total=stored["self_total"], appraised_total=stored["appraised_total"], combined_total=combined,
            appraisal_max=maximum, survey_total=stored["survey_total"], survey_max=survey_max,
            published=is_published, republication=_republication(stored) if is_published else None,
        )
        figures.append(UnitFigures(row["pk"], row["unit__code"], scores, stored, row["published__pk"], row["status"]))
    return figures


def excluded_units(*, period: Period) -> list[dict]:
    """The units left out of the period, listed apart from the ranking with the reason."""
    return list(Assessment.objects.filter(period=period, excluded=True).order_by("unit__order", "unit__code")
                .values("pk", "unit__code", "unit__name", "excluded_reason"))


def _republication(stored: dict) -> Republication | None:
    """Version 1 is the first publication; each later one is a phúc tra."""
    if stored["version"] == 1:
        return None
    return Republication(round=stored["version"] - 1, on=timezone.localdate(stored["published_at"]),
                         reason=stored["reason"])


def previous_period(period: Period) -> Period | None:
    """The most recent earlier year of the same framework family whose results were published.

    Only published results are compared against: a provisional ranking of another year (drafts,
    self-scores, other units) would show rank changes nobody ever announced.
    """
    return (
        Period.objects.filter(framework__family=period.framework.family, year__lt=period.year,
                              published_at__isnull=False)
        .select_related("framework").order_by("-year").first()
    )


@dataclass(frozen=True)
class RankedPeriod:
    results: list  # UnitResult, by rank
    figures: list  # UnitFigures, in unit order
    previous_period: Period | None  # the one compared against, published; None: nothing to compare
    previous_results: list  # the previous period's UnitResult (their own rank changes not computed)


def ranked_period(*, period: Period, unit_kind: str | None = None) -> RankedPeriod:
    """This period's ranked results and the previous period's, from their stored figures."""
    figures = period_figures(period=period, unit_kind=unit_kind)
    before = previous_period(period)
    previous = rank_results([f.scores for f in period_figures(period=before, unit_kind=unit_kind, detail=False)]) if before else []
    previous_ranks = {r.unit_code: r.rank for r in previous} if before else None
    return RankedPeriod(rank_results([f.scores for f in figures], previous_ranks=previous_ranks), figures, before, previous)


def period_results(*, period: Period, unit_kind: str | None = None) -> list[UnitResult]:
    """Ranked results; rank change against the previous published period of the same family."""
    return ranked_period(period=period, unit_kind=unit_kind).results


def shown_records(shown: UnitFigures, assessment: Assessment, tree) -> tuple[dict, dict, bool]:
    """(self, appraised, appraisal closed) behind the figures shown: the publication's snapshot, else live."""
    if shown.publication_id is not None:
        own, decided = records_from_json(PublishedResult.objects.values_list("scores", flat=True).get(pk=shown.publication_id))
        return own, decided, True
    own, decided = unit_records(assessment, tree)
    return own, decided, assessment.status in APPRAISAL_CLOSED


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
    shown = next((f for f in ranked.figures if f.unit_code == unit_code), None)
    if shown is None:
        return None
    assessment = Assessment.objects.select_related("unit").get(pk=shown.assessment_id)
    tree = tree_for(period.framework)
    own, decided, closed = shown_records(shown, assessment, tree)
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
