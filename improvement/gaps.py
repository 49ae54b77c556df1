"""Where a unit lost points last year, on plain data (no database): the criteria below their maximum,
most points lost first, and the points lost per area."""
from dataclasses import dataclass
from decimal import Decimal

from frameworks.points import quantize_points


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    max_points: Decimal
    responsible: tuple = ()


@dataclass(frozen=True)
class Gap:
    code: str
    title: str
    max_points: Decimal
    score: Decimal  # last year's
    lost: Decimal
    target: Decimal | None  # this year's, if set
    responsible: tuple


@dataclass(frozen=True)
class AreaLoss:
    code: str
    title: str
    lost: Decimal


def area_code(code: str) -> str:
    return code.split(".", 1)[0]


def gaps(criteria: list[Criterion], *, scores: dict, targets: dict) -> list[Gap]:
    """Every criterion (not an area) scored below its maximum, most points lost first; equal losses in
    the criteria's own order. Criteria without last year's score are not a gap anybody measured."""
    found = []
    for order, criterion in enumerate(criteria):
        score = scores.get(criterion.code)
        if "." not in criterion.code or score is None or score >= criterion.max_points:
            continue
        lost = quantize_points(criterion.max_points - score)
        found.append((order, Gap(criterion.code, criterion.title, criterion.max_points, score, lost,
                                 targets.get(criterion.code), tuple(criterion.responsible))))
    found.sort(key=lambda item: (-item[1].lost, item[0]))
    return [gap for _order, gap in found]


def losses_by_area(criteria: list[Criterion], *, scores: dict, found: list[Gap]) -> list[AreaLoss]:
    """Points lost per area, in area order: the area's own figures where last year's result gives them
    (they include criteria the source does not list), else the sum of its criteria's losses."""
    areas = [c for c in criteria if "." not in c.code]
    summed = {}
    for gap in found:
        if gap.code.count(".") == 1:  # criteria only: their sub-criteria are already inside them
            summed[area_code(gap.code)] = summed.get(area_code(gap.code), Decimal(0)) + gap.lost
    losses = []
    for area in areas:
        score = scores.get(area.code)
        lost = area.max_points - score if score is not None else summed.get(area.code)
        if lost:
            losses.append(AreaLoss(area.code, area.title, quantize_points(lost)))
    return losses
