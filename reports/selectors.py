"""Results of a period, loaded in a fixed number of queries whatever the number of units."""
from dataclasses import dataclass
from decimal import Decimal

from appraisal.models import AppraisedScore, PublishedResult
from assessments.models import Assessment, Period, SelfScore
from assessments.workflow import Status
from frameworks.models import Node
from frameworks.tree import Subtotal, plain_tree, score_rollup
from surveys.models import SurveyResult

from .index import UnitResult, UnitScores, rank_results


@dataclass
class UnitScoring:
    """One unit's scores in a period: self and combined (appraised where decided, else self)."""

    assessment: Assessment
    self_by_code: dict  # code -> Subtotal
    combined_by_code: dict  # code -> Subtotal
    survey_points: Decimal | None  # None: no survey held for the unit
    publication: PublishedResult | None


@dataclass
class PeriodScoring:
    period: Period
    nodes: list
    units: list  # UnitScoring, in unit order

    @property
    def areas(self) -> list:
        return [node for node in self.nodes if node.parent_id is None]

    @property
    def leaves(self) -> list:
        parent_ids = {node.parent_id for node in self.nodes}
        return [node for node in self.nodes if node.pk not in parent_ids]


def _grouped(rows, key="assessment_id") -> dict:
    grouped: dict = {}
    for row in rows:
        grouped.setdefault(getattr(row, key), {})[row.node_id] = row
    return grouped


def period_scoring(*, period: Period, unit_kind: str | None = None) -> PeriodScoring:
    """Six queries: nodes, assessments, self-scores, appraised scores, surveys, publications."""
    nodes = list(Node.objects.filter(framework_id=period.framework_id).order_by("order"))
    assessments = Assessment.objects.filter(period=period).select_related("unit").order_by("unit__order", "unit__code")
    if unit_kind:
        assessments = assessments.filter(unit__kind=unit_kind)
    assessments = list(assessments)
    ids = [a.pk for a in assessments]
    # Only what the roll-up reads: thousands of rows, so skip explanations, inputs and dates.
    needed = ("assessment_id", "node_id", "value", "not_assessed")
    self_scores = _grouped(SelfScore.objects.filter(assessment_id__in=ids).only(*needed))
    appraised = _grouped(AppraisedScore.objects.filter(assessment_id__in=ids).only(*needed))
    plain = plain_tree(nodes)
    surveys = {s.assessment_id: s for s in SurveyResult.objects.filter(assessment_id__in=ids)}
    publications = {}
    for publication in PublishedResult.objects.filter(assessment_id__in=ids).order_by("assessment_id", "version"):
        publications[publication.assessment_id] = publication  # the newest version wins
    units = []
    for assessment in assessments:
        publication = publications.get(assessment.pk)
        if publication is not None:
            # Published numbers never move: a re-appraisal in progress shows only once republished.
            own, decided = _snapshot_records(publication, nodes)
            survey_points = publication.survey_total
        else:
            own, decided = self_scores.get(assessment.pk, {}), appraised.get(assessment.pk, {})
            survey = surveys.get(assessment.pk)
            survey_points = survey.points if survey else None
        units.append(UnitScoring(
            assessment=assessment,
            self_by_code=score_rollup(nodes, own, plain),
            combined_by_code=score_rollup(nodes, {**own, **decided}, plain),
            survey_points=survey_points,
            publication=publication,
        ))
    return PeriodScoring(period=period, nodes=nodes, units=units)


@dataclass(frozen=True)
class _Recorded:
    """A score as a published snapshot keeps it, shaped like a score row for the roll-up."""

    value: Decimal | None
    not_assessed: bool


def _snapshot_records(publication: PublishedResult, nodes) -> tuple[dict, dict]:
    """(self, appraised) records by node id, read back from a publication's frozen scores."""
    own, decided = {}, {}
    for node in nodes:
        saved = publication.scores.get(node.code)
        if saved is None:
            continue
        for records, key in ((own, "self"), (decided, "appraised")):
            if saved[key] is not None or saved["not_assessed"]:
                value = Decimal(saved[key]) if saved[key] is not None else None
                records[node.pk] = _Recorded(value, saved["not_assessed"])
    return own, decided


def _unit_scores(unit: UnitScoring, period: Period) -> UnitScores:
    framework = period.framework
    published = unit.publication
    combined: Subtotal = unit.combined_by_code[""]
    has_appraisal = published is not None or unit.assessment.status == Status.APPRAISED or any(
        unit.combined_by_code[c].score != unit.self_by_code[c].score for c in unit.combined_by_code
    )
    return UnitScores(
        unit_code=unit.assessment.unit.code,
        unit_name=unit.assessment.unit.name,
        unit_kind=unit.assessment.unit.kind,
        self_total=unit.self_by_code[""].score,
        appraised_total=combined.score if has_appraisal else None,
        combined_total=combined.score,
        appraisal_max=combined.max_points,
        survey_total=unit.survey_points,
        survey_max=framework.survey_max_points,
        published=published is not None,
    )


def previous_period(period: Period) -> Period | None:
    """The same unit group's period of the year before (same framework family)."""
    return (
        Period.objects.filter(framework__family=period.framework.family, year__lt=period.year)
        .select_related("framework").order_by("-year").first()
    )


def _ranked(scoring: PeriodScoring, previous_ranks=None) -> list[UnitResult]:
    return rank_results([_unit_scores(u, scoring.period) for u in scoring.units], previous_ranks=previous_ranks)


@dataclass(frozen=True)
class RankedPeriod:
    results: list  # UnitResult, by rank
    previous_period: Period | None
    previous_results: list  # the previous period's UnitResult (their own rank changes not computed)


def ranked_period(*, period: Period, unit_kind: str | None = None, scoring: PeriodScoring | None = None) -> RankedPeriod:
    """This period's ranked results and the previous period's, each scored once."""
    scoring = scoring or period_scoring(period=period, unit_kind=unit_kind)
    before = previous_period(period)
    previous = _ranked(period_scoring(period=before, unit_kind=unit_kind)) if before else []
    previous_ranks = {r.unit_code: r.rank for r in previous} if before else None
    return RankedPeriod(_ranked(scoring, previous_ranks), before, previous)


def period_results(*, period: Period, unit_kind: str | None = None, scoring: PeriodScoring | None = None) -> list[UnitResult]:
    """Ranked results; rank change against the previous period of the same family."""
    return ranked_period(period=period, unit_kind=unit_kind, scoring=scoring).results


@dataclass(frozen=True)
class CriterionResult:
    node: Node
    max_points: Decimal
    self_points: Decimal
    appraised_points: Decimal
    lost_points: Decimal
    full_marks: bool
    is_leaf: bool


def unit_report(*, period: Period, unit_code: str) -> dict | None:
    """One unit's result per criterion, with its rank and the criteria it scored in full."""
    scoring = period_scoring(period=period)
    unit = next((u for u in scoring.units if u.assessment.unit.code == unit_code), None)
    if unit is None:
        return None
    results = period_results(period=period, scoring=scoring)
    leaves = {node.pk for node in scoring.leaves}
    rows = []
    for node in scoring.nodes:
        own, combined = unit.self_by_code[node.code], unit.combined_by_code[node.code]
        rows.append(CriterionResult(
            node=node, max_points=combined.max_points, self_points=own.score, appraised_points=combined.score,
            lost_points=combined.max_points - combined.score,
            full_marks=combined.max_points > 0 and combined.score >= combined.max_points,
            is_leaf=node.pk in leaves,
        ))
    return {
        "period": period,
        "unit": unit.assessment.unit,
        "assessment": unit.assessment,
        "result": next(r for r in results if r.unit_code == unit_code),
        "unit_count": len(results),
        "rows": rows,
        "full_marks": [row for row in rows if row.full_marks and row.node.parent_id is not None and row.is_leaf],
    }
