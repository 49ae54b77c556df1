"""The PAR-Index and the ranking of units (seed 000, section II.3), on plain data (no database).

An index is the sum of its parts over the sum of their maxima: the appraisal of the tree (appraised
points, self points where the council has not decided yet, over the appraisal maximum less not-assessed
criteria), the district offices' assessment when the period holds one (``office_review_part``) and each
survey part the period holds (the district's survey, SIPAS, PAPI). The period, not
the unit, decides which parts there are: a unit without points in a part still has its maximum, gets
0 for it and is flagged. Hoàng Mai is 70 + 30, Phú La 2020 67 + 33. Index = achieved ÷ maximum × 100.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frameworks.points import quantize_percent, quantize_points

NO_MAXIMUM = gettext_lazy(
    "Không tính được Chỉ số: điểm tối đa bằng 0 (mọi tiêu chí đều không đánh giá)."
)
NO_PREVIOUS_RANK = "—"

# Independent of whatever context the caller set; converts ints and refuses floats.
_ARITHMETIC = Context(prec=40)


@dataclass(frozen=True)
class Republication:
    """A published result replaced after a re-appraisal (phúc tra): which round, when, why."""

    round: int  # 1 for the first phúc tra (the publication's version 2)
    on: date
    reason: str


@dataclass(frozen=True)
class IndexPart:
    """One part of an index with its own maximum; ``points`` None: the unit has no figure in it yet."""

    code: str  # "appraisal" for the tree, "office_review" for the offices'; a survey part's method ("dtxhh", "sipas", "papi")
    points: Decimal | None
    max_points: Decimal


APPRAISAL_PART = "appraisal"
OFFICE_REVIEW_PART = "office_review"


def office_review_part(scores: dict, *, criteria_max: dict, max_points: Decimal) -> IndexPart:
    """The offices' assessment of one unit: its points on the part's criteria, scaled to the part's maximum
    when the criteria's maxima add up to something else (sum × part maximum ÷ criteria maximum).

    ``scores``: criterion code -> the unit's points; ``criteria_max``: the part's criteria -> their maxima.
    None while no office has scored the unit on any of them: the result waits for it, as for a survey part.
    """
    given = [points for code, points in scores.items() if code in criteria_max]
    if not given:
        return IndexPart(OFFICE_REVIEW_PART, None, max_points)
    total = sum(given, Decimal(0))
    criteria_total = sum(criteria_max.values(), Decimal(0))
    if criteria_total != max_points:
        total = _ARITHMETIC.divide(_ARITHMETIC.multiply(total, max_points), criteria_total)
    return IndexPart(OFFICE_REVIEW_PART, quantize_points(total), max_points)


@dataclass(frozen=True)
class UnitScores:
    unit_code: str
    unit_name: str
    unit_kind: str
    self_total: Decimal
    appraised_total: Decimal | None  # None: the council has not appraised anything yet
    combined_total: Decimal  # per criterion the appraised score where it exists, else the self score
    appraisal_max: Decimal  # the framework's appraisal maximum less not-assessed criteria
    survey_total: Decimal | None  # the sum of the unit's survey points; None: it has none
    survey_max: Decimal  # the sum of the period's survey parts' maxima (30 in Hoàng Mai), 0 without a survey
    published: bool
    republication: Republication | None = None  # the figures shown come from a phúc tra
    # IndexPart per further part the period holds (the offices' assessment, then each survey part); ()
    # reads as one part of survey_max.
    survey_parts: tuple = ()

    @property
    def parts(self) -> tuple:
        """The appraisal and the further parts (offices' assessment, survey parts), side by side."""
        appraisal = IndexPart(APPRAISAL_PART, self.combined_total, self.appraisal_max)
        if self.survey_parts:
            return (appraisal, *self.survey_parts)
        if self.survey_max or self.survey_total is not None:
            return appraisal, IndexPart("survey", self.survey_total, self.survey_max)
        return (appraisal,)

    @property
    def survey_missing(self) -> bool:
        """A part the period holds has no figure for this unit: its result is provisional until it does."""
        return any(part.points is None for part in self.parts)


@dataclass(frozen=True)
class UnitResult:
    unit_code: str
    unit_name: str
    unit_kind: str
    self_total: Decimal
    appraised_total: Decimal | None
    survey_total: Decimal | None
    max_total: Decimal
    achieved_total: Decimal
    index_pct: Decimal
    rank: int
    rank_change: int | None  # previous rank - rank: positive means moved up
    provisional: bool  # not published yet (a unit without a survey figure is flagged by ``survey_missing``)
    republication: Republication | None = None
    parts: tuple = ()  # IndexPart: the appraisal first, then the offices' assessment and each survey part
    survey_missing: bool = False
    survey_max: Decimal = Decimal(0)


def index_pct(*, achieved: Decimal, maximum: Decimal) -> Decimal:
    """Achieved ÷ maximum × 100, rounded as official results print it (``84.64``)."""
    if maximum == 0:
        raise ValueError(str(NO_MAXIMUM))
    return quantize_percent(_ARITHMETIC.divide(_ARITHMETIC.multiply(achieved, 100), maximum))


def parts_totals(parts) -> tuple[Decimal, Decimal]:
    """(achieved, maximum) of an index's parts; a part without a figure counts 0 of its maximum."""
    achieved = sum((part.points or 0 for part in parts), Decimal(0))
    return achieved, sum((part.max_points for part in parts), Decimal(0))


def unit_result_totals(scores: UnitScores) -> tuple[Decimal, Decimal]:
    """(achieved, maximum); without a survey the appraised points alone are scaled to 100."""
    return parts_totals(scores.parts)


def rank_results(
    scores: list[UnitScores], *, previous_ranks: dict[str, int] | None = None
) -> list[UnitResult]:
    """Every unit's index, best first; equal indexes share a rank and the next rank skips (1, 2, 2, 4).

    Units rank on the index as printed (two places), so two units shown with the same % share a
    rank; ties are listed by unit code so that the output does not depend on the input order.
    """
    previous_ranks = previous_ranks or {}
    indexed = []
    for unit in scores:
        achieved, maximum = unit_result_totals(unit)
        try:
            pct = index_pct(achieved=achieved, maximum=maximum)
        except ValueError as error:
            raise ValueError(f"{unit.unit_code}: {error}") from None
        indexed.append((unit, achieved, maximum, pct))
    indexed.sort(key=lambda row: (-row[3], row[0].unit_code))

    results = []
    for position, (unit, achieved, maximum, pct) in enumerate(indexed, start=1):
        rank = results[-1].rank if results and results[-1].index_pct == pct else position
        previous = previous_ranks.get(unit.unit_code)
        results.append(UnitResult(
            unit_code=unit.unit_code,
            unit_name=unit.unit_name,
            unit_kind=unit.unit_kind,
            self_total=quantize_points(unit.self_total),
            appraised_total=_points_or_none(unit.appraised_total),
            survey_total=_points_or_none(unit.survey_total),
            max_total=quantize_points(maximum),
            achieved_total=quantize_points(achieved),
            index_pct=pct,
            rank=rank,
            rank_change=None if previous is None else previous - rank,
            provisional=not unit.published,
            republication=unit.republication,
            parts=unit.parts,
            survey_missing=unit.survey_missing,
            survey_max=quantize_points(unit.survey_max),
        ))
    return results


def survey_columns(results: list[UnitResult]) -> list[str]:
    """The parts beside the appraisal a period's results show, one column each (every unit has the period's parts)."""
    return [part.code for part in results[0].parts[1:]] if results else []


def rank_change_text(change: int | None) -> str:
    """``tăng 3 bậc``, ``giảm 9 bậc``, ``giữ nguyên``, or ``—`` when there is no previous rank."""
    if change is None:
        return NO_PREVIOUS_RANK
    if change > 0:
        return _("tăng %(places)d bậc") % {"places": change}
    if change < 0:
        return _("giảm %(places)d bậc") % {"places": -change}
    return _("giữ nguyên")


def republication_text(republication: Republication | None) -> str:
    """``Phúc tra lần 1, ngày 05/03/2025, lý do: …``; empty for a first publication or a provisional result."""
    if republication is None:
        return ""
    return _("Phúc tra lần %(round)d, ngày %(date)s, lý do: %(reason)s") % {
        "round": republication.round, "date": republication.on.strftime("%d/%m/%Y"), "reason": republication.reason}


def _points_or_none(value: Decimal | None) -> Decimal | None:
    return None if value is None else quantize_points(value)
