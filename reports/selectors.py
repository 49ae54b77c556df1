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

from .index import IndexPart, Republication, UnitResult, UnitScores, rank_change_text, rank_results
from .models import ImportedResult


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


_TOTALS = ("self_total", "appraised_total", "survey_total", "survey_max", "parts")


def period_figures(*, period: Period, unit_kind: str | None = None, detail: bool = True) -> list[UnitFigures]:
    """Every unit's shown figures, in unit order, in one query. Without ``detail``, totals only.

    Plain rows, not model instances: a city has hundreds of units and every results page reads them all.
    """
    assessments = Assessment.objects.filter(period=period)
    if unit_kind:
        assessments = assessments.filter(unit__kind=unit_kind)
    return [figures for figures, _row in _figures(assessments, detail=detail)]


def _figures(assessments, *, detail: bool, also: tuple = ()) -> list[tuple[UnitFigures, dict]]:
    """The shown figures of ``assessments`` (of one framework) that take part, in unit order, in one
    query; each with its row, which carries the fields named in ``also``."""
    parts = (*_TOTALS, *(("areas", "shortfalls") if detail else ()))
    live = [f"result__{name}" for name in (*parts, "combined_total", "appraisal_max")]
    published = [f"published__{name}" for name in ("pk", *parts, "max_total", "version", "published_at", "reason")]
    assessments = (assessments.filter(excluded=False).order_by("unit__order", "unit__code")
                   .annotate(published=FilteredRelation("publications", condition=Q(publications__current=True))))
    figures = []
    for row in assessments.values("pk", "status", "unit__code", "unit__name", "unit__kind", *live, *published, *also):
        is_published = row["published__pk"] is not None
        prefix = "published__" if is_published else "result__"
        stored = {name.removeprefix(prefix): value for name, value in row.items() if name.startswith(prefix)}
        combined, maximum = ((stored["appraised_total"], stored["max_total"]) if is_published
                             else (stored["combined_total"], stored["appraisal_max"]))
        scores = UnitScores(
            unit_code=row["unit__code"], unit_name=row["unit__name"], unit_kind=row["unit__kind"],
            self_total=stored["self_total"], appraised_total=stored["appraised_total"], combined_total=combined,
            appraisal_max=maximum, survey_total=stored["survey_total"], survey_max=stored["survey_max"],
            published=is_published, republication=_republication(stored) if is_published else None,
            survey_parts=survey_parts(stored["parts"]),
        )
        figures.append((UnitFigures(row["pk"], row["unit__code"], scores, stored, row["published__pk"], row["status"]),
                        row))
    return figures


def survey_parts(stored: list) -> tuple:
    """The stored ``[["sipas", "8.5" or null, "10"]]`` as ``IndexPart``s."""
    return tuple(IndexPart(method, None if points is None else Decimal(points), Decimal(maximum))
                 for method, points, maximum in stored)
@dataclass(frozen=True)
class RankedAcross:
    """One framework's year ranked across organisers: each row a ``UnitResult`` and the organiser's name."""

    rows: list  # (UnitResult, organiser name), by rank
    organisers: int


def ranked_across(*, periods) -> RankedAcross:
    """Every unit of ``periods`` (one framework and year, several organisers) ranked together, in one query."""
    assessments = Assessment.objects.filter(period__in=periods)
    figures = _figures(assessments, detail=False, also=("period__organiser__name",))
    organiser = {unit.unit_code: row["period__organiser__name"] for unit, row in figures}
    results = rank_results([unit.scores for unit, _row in figures])
    return RankedAcross(rows=[(result, organiser[result.unit_code]) for result in results],
                        organisers=len(set(organiser.values())))


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
    """The most recent earlier year of the same organiser and framework family whose results were published.

    Only published results are compared against: a provisional ranking of another year (drafts,
    self-scores, other units) would show rank changes nobody ever announced.
    """
    return (
        Period.objects.filter(organiser_id=period.organiser_id, framework__family=period.framework.family,
                              year__lt=period.year,
                              published_at__isnull=False)
        .select_related("framework").order_by("-year").first()
    )


@dataclass(frozen=True)
class ImportedYear:
    """A year of the family known only from imported history (``ImportedResult``): what it is compared against."""

    family: str
    year: int


def previous_year(period: Period) -> Period | ImportedYear | None:
    """The most recent earlier year of the period's family with published or imported results; a
    published period wins over history imported for the same year."""
    published = previous_period(period)
    imported = (ImportedResult.objects.filter(family=period.framework.family, year__lt=period.year,
                                                year__gt=published.year if published else 0)
                .order_by("-year").values_list("year", flat=True).first())
    return ImportedYear(period.framework.family, imported) if imported else published


def _imported_results(before: ImportedYear, unit_kind: str | None) -> list[UnitResult]:
    """The imported year's figures as the ranking's rows; ranks as the source states them."""
    rows = ImportedResult.objects.filter(family=before.family, year=before.year).select_related("unit")
    if unit_kind:
        rows = rows.filter(unit__kind=unit_kind)
    return [imported_result(row) for row in rows]


def imported_result(row: ImportedResult) -> UnitResult:
    return UnitResult(
        unit_code=row.unit.code, unit_name=row.unit.name, unit_kind=row.unit.kind, self_total=row.total,
        appraised_total=row.total, survey_total=None, max_total=row.max_total, achieved_total=row.total,
        index_pct=row.index_pct, rank=row.rank, rank_change=None, provisional=False)


@dataclass(frozen=True)
class RankedPeriod:
    results: list  # UnitResult, by rank
    figures: list  # UnitFigures, in unit order
    # The year compared against: a published period or an imported year (both have ``.year``); None: nothing.
    previous_period: Period | ImportedYear | None
    previous_results: list  # the previous year's UnitResult (their own rank changes not computed)


def ranked_period(*, period: Period, unit_kind: str | None = None, detail: bool = True) -> RankedPeriod:
    """This period's ranked results and the previous year's, from their stored or imported figures
    (without ``detail``, this period's figures carry totals only, as ``period_figures``)."""
    figures = period_figures(period=period, unit_kind=unit_kind, detail=detail)
    before = previous_year(period)
    if isinstance(before, ImportedYear):
        previous = _imported_results(before, unit_kind)
    elif before is not None:
        previous = rank_results([f.scores for f in period_figures(period=before, unit_kind=unit_kind, detail=False)])
    else:
        previous = []
    previous_ranks = {r.unit_code: r.rank for r in previous if r.rank is not None} if before else None
    return RankedPeriod(rank_results([f.scores for f in figures], previous_ranks=previous_ranks), figures, before,
                        [r for r in previous if r.index_pct is not None])


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
    ranked = ranked_period(period=period, detail=False)  # every unit's totals rank it; its rows are its own
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


@dataclass(frozen=True)
class HistoryLine:
    result: ImportedResult
    rank_change: int | None  # against the unit's most recent earlier imported year with a rank

    @property
    def rank_change_text(self) -> str:
        return rank_change_text(self.rank_change)


def history_lines(results: list[ImportedResult]) -> list[HistoryLine]:
    """Each imported result with its rank change, taken from the same unit's earlier imported years
    (one query for them all)."""
    units = {row.unit_id for row in results}
    families = {row.family for row in results}
    ranks = {}
    for unit_id, family, year, rank in (ImportedResult.objects.filter(unit_id__in=units, family__in=families,
                                                                        rank__isnull=False)
                                        .order_by("year").values_list("unit_id", "family", "year", "rank")):
        ranks.setdefault((unit_id, family), []).append((year, rank))
    lines = []
    for row in results:
        earlier = [rank for year, rank in ranks.get((row.unit_id, row.family), []) if year < row.year]
        change = earlier[-1] - row.rank if earlier and row.rank is not None else None
        lines.append(HistoryLine(row, change))
    return lines
