"""What survey pages read: a period's parts with every unit's points, a unit's computation per criterion."""
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from .aggregation import Tally, UnitSurvey, aggregate, planned_sample
from .models import SamplePlan, SurveyPart, SurveyResponse, SurveyResult


@dataclass(frozen=True)
class PartRow:
    assessment: object
    points: object  # Decimal, or None: no figure for this unit yet


@dataclass(frozen=True)
class PeriodPart:
    part: SurveyPart
    rows: list  # PartRow per assessment, in the order given

    @property
    def missing(self) -> list:
        return [row.assessment for row in self.rows if row.points is None]


def period_survey_parts(*, period, assessments: list) -> list[PeriodPart]:
    """Every part the period holds, each with every unit's points: two queries."""
    parts = list(SurveyPart.objects.filter(period=period).order_by("pk"))
    points = {(part, assessment): value for part, assessment, value in SurveyResult.objects.filter(
        part__period=period).values_list("part_id", "assessment_id", "points")}
    return [PeriodPart(part, [PartRow(a, points.get((part.pk, a.pk))) for a in assessments]) for part in parts]


@dataclass(frozen=True)
class GroupPlan:
    group: str
    title: str
    population: int
    margin: Decimal
    planned: int
    achieved: int

    @property
    def below(self) -> bool:
        return self.achieved < self.planned


@dataclass(frozen=True)
class UnitPart:
    """One survey part of a unit: its computation when designed, else its entered points."""

    part: SurveyPart
    points: Decimal | None  # the stored figure
    survey: UnitSurvey | None  # the aggregation, per criterion and group; None: entered points
    groups: dict  # group code -> Group of the design
    plans: list  # GroupPlan per group with a population

    @property
    def below_plan(self) -> bool:
        return any(plan.below for plan in self.plans)


def unit_survey(*, assessment) -> list[UnitPart]:
    """Every part of the unit's period with how the unit's points come about: one query per designed part.

    The computation is the aggregation itself, re-run on the unit's stored responses, so the page shows
    exactly what made the stored points.
    """
    from .services import part_design  # services builds on this module's readers

    parts = list(SurveyPart.objects.filter(period_id=assessment.period_id).select_related("period__framework")
                 .order_by("pk"))
    stored = dict(SurveyResult.objects.filter(assessment=assessment).values_list("part_id", "points"))
    plans: dict = {}
    for part_id, group, population, margin in SamplePlan.objects.filter(
            assessment=assessment).values_list("part_id", "group", "population", "margin").order_by("pk"):
        plans.setdefault(part_id, []).append((group, population, margin))
    shown = []
    for part in parts:
        if part.design is None:
            shown.append(UnitPart(part, stored.get(part.pk), None, {}, []))
            continue
        design = part_design(part)
        tally = Tally(design)
        for group, answers in SurveyResponse.objects.filter(part=part, assessment=assessment).values_list(
                "group", "answers").iterator(chunk_size=5000):
            tally.add(group, answers)
        groups = {g.code: g for g in design.groups}
        shown.append(UnitPart(part, stored.get(part.pk), aggregate(design, tally.counts), groups, [
            GroupPlan(group, groups[group].title if group in groups else group, population, margin,
                      planned_sample(population, margin), tally.respondents.get(group, 0))
            for group, population, margin in plans.get(part.pk, [])]))
    return shown


def below_plan_units(*, period) -> set:
    """Assessment ids of the units that achieved fewer responses than planned in some group (two queries)."""
    achieved: dict = {}
    for part_id, assessment_id, group, count in (SurveyResponse.objects.filter(part__period=period)
                                                 .values_list("part_id", "assessment_id", "group")
                                                 .annotate(count=Count("pk"))):
        achieved[(part_id, assessment_id, group)] = count
    return {assessment_id for part_id, assessment_id, group, population, margin in SamplePlan.objects.filter(
                part__period=period).values_list("part_id", "assessment_id", "group", "population", "margin")
            if achieved.get((part_id, assessment_id, group), 0) < planned_sample(population, margin)}
