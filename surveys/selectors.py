"""What survey pages read: a period's parts with every unit's points, a unit's computation per criterion."""
from dataclasses import dataclass

from .models import SurveyPart, SurveyResult


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
