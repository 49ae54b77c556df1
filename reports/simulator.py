"""What-if: one unit's index and rank with some criteria scored otherwise, everyone else unchanged; and
the cheapest path, the fewest criteria that, raised to full marks, reach a rank or an index. No database.

A unit's achieved points are the sum of its leaves (``frameworks.tree``), so a hypothetical score moves the
total by its difference from the figure that counts now (appraised where decided, else self), and the
maximum does not move. Ranks come from ``reports.index.rank_results``, so ties share a rank exactly as the
published ranking does.
"""
import dataclasses
import itertools
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from assessments.scoring import combined_records
from frameworks.points import PointsParseError, format_points, parse_points
from frameworks.tree import Tree

from .index import UnitResult, UnitScores, index_pct, rank_results, unit_result_totals

MAX = "max"

UNKNOWN_CRITERION = _("Không có tiêu chí %(code)s trong bộ chỉ số của kỳ.")
NOT_A_LEAF = _("Tiêu chí %(code)s có tiêu chí thành phần: chỉ đặt điểm cho tiêu chí được chấm trực tiếp.")
NOT_ASSESSED = _("Tiêu chí %(code)s không đánh giá đối với đơn vị này.")
ABOVE_MAX = _("Điểm %(value)s của tiêu chí %(code)s vượt điểm tối đa %(max)s.")
NEGATIVE = _("Điểm của tiêu chí %(code)s không được âm.")
NOT_A_VALUE = _("Điểm giả định của tiêu chí %(code)s phải là một số (1,5 hoặc 1.5) hoặc max, không phải «%(value)s».")
NOT_RANKED = _("Đơn vị %(unit)s không có trong xếp hạng của kỳ.")
BAD_RANK = _("Thứ hạng mục tiêu phải từ 1 đến %(count)d.")
BAD_INDEX = _("Chỉ số mục tiêu phải lớn hơn 0 và không quá 100.")

# Points are stored with three places: sums of lost points are whole numbers of thousandths.
_GRID = Decimal("0.001")


class SimulationError(ValueError):
    """A hypothetical score or target the simulator refuses; the message is for the user."""


@dataclass(frozen=True)
class Leaf:
    code: str
    points: Decimal  # the figure that counts: appraised where decided, else self; 0 when unscored
    max_points: Decimal
    not_assessed: bool = False

    @property
    def lost(self) -> Decimal:
        return Decimal(0) if self.not_assessed else self.max_points - self.points


def unit_leaves(tree: Tree, self_records: dict, appraised_records: dict) -> dict[str, Leaf]:
    """One unit's leaves in document order, from its (self, appraised) records as ``unit_records`` loads them."""
    combined = combined_records(self_records, appraised_records)
    leaves = {}
    for node in tree.leaves:
        record = combined.get(node.code)
        leaves[node.code] = Leaf(
            code=node.code, points=(record.value if record and record.value is not None else Decimal(0)),
            max_points=node.max_points, not_assessed=bool(record and record.not_assessed))
    return leaves


def change_value(code: str, text: str) -> Decimal | str:
    """A hypothetical score as typed: ``max``, ``1,5`` or ``1.5``."""
    if str(text).strip().lower() == MAX:
        return MAX
    try:
        return parse_points(text)
    except PointsParseError:
        raise SimulationError(NOT_A_VALUE % {"code": code, "value": text}) from None


@dataclass(frozen=True)
class Outcome:
    unit_code: str
    total: Decimal  # achieved: the appraisal points plus the survey points when a survey was held
    max_total: Decimal
    index_pct: Decimal
    rank: int
    unit_count: int


def checked_points(leaves: dict[str, Leaf], code: str, value, tree_codes=frozenset()) -> Decimal:
    """The points ``value`` (a Decimal or ``MAX``) gives the leaf ``code``, or why it cannot."""
    leaf = leaves.get(code)
    if leaf is None:
        raise SimulationError((NOT_A_LEAF if code in tree_codes else UNKNOWN_CRITERION) % {"code": code})
    if leaf.not_assessed:
        raise SimulationError(NOT_ASSESSED % {"code": code})
    value = leaf.max_points if value == MAX else value
    if value < 0:
        raise SimulationError(NEGATIVE % {"code": code})
    if value > leaf.max_points:
        raise SimulationError(ABOVE_MAX % {"code": code, "value": format_points(value), "max": format_points(leaf.max_points)})
    return value


def _unit(scores: list[UnitScores], unit_code: str) -> UnitScores:
    found = next((unit for unit in scores if unit.unit_code == unit_code), None)
    if found is None:
        raise SimulationError(NOT_RANKED % {"unit": unit_code})
    return found


def _outcome(scores: list[UnitScores], unit: UnitScores, added: Decimal) -> Outcome:
    changed = dataclasses.replace(unit, combined_total=unit.combined_total + added)
    ranked = rank_results([changed if other is unit else other for other in scores])
    mine: UnitResult = next(result for result in ranked if result.unit_code == unit.unit_code)
    return Outcome(unit.unit_code, mine.achieved_total, mine.max_total, mine.index_pct, mine.rank, len(ranked))


def what_if(scores: list[UnitScores], *, unit_code: str, leaves: dict[str, Leaf], changes: dict,
            tree_codes=frozenset()) -> Outcome:
    """The unit's figures with ``changes`` (leaf code -> points or ``MAX``) applied, among ``scores`` (every
    ranked unit of the period, as ``rank_results`` takes them). ``tree_codes``: every code of the framework,
    to tell a parent criterion from an unknown code."""
    unit = _unit(scores, unit_code)
    points = {code: checked_points(leaves, code, value, tree_codes) for code, value in changes.items()}
    return _outcome(scores, unit, sum((value - leaves[code].points for code, value in points.items()), Decimal(0)))


# -- the cheapest path -------------------------------------------------------------------------


@dataclass(frozen=True)
class Path:
    criteria: tuple[str, ...]  # in code order; empty when already met or out of reach
    points_added: Decimal
    outcome: Outcome  # after raising ``criteria`` to full marks
    reachable: bool
    best: Outcome  # every criterion at full marks: the most the unit can reach


def code_key(code: str) -> tuple:
    """``2.10`` after ``2.9``: codes compare part by part, numbers as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split("."))


def _thousandths(value: Decimal) -> int:
    scaled = value / _GRID
    if scaled != scaled.to_integral_value():
        raise ValueError(f"points with more than three places: {value}")
    return int(scaled)


def fewest_reaching(weights: list[int], need: int) -> list[int] | None:
    """Indexes of the items to take: the fewest whose weights sum to at least ``need``, then the smallest
    such sum, then the earliest items (``weights`` are given in the tie-break order). ``[]`` when ``need``
    ≤ 0; None when even all of them fall short.

    With the count fixed, the largest weights reach the most, so the fewest is the shortest prefix of
    the weights sorted from the largest. Among sets of that count, the smallest sum that still reaches is
    a subset-sum question, answered exactly by a table of reachable sums per (first item, count), each
    a Python integer used as a bit set, over weights divided by their common divisor.
    """
    if need <= 0:
        return []
    if sum(weights) < need:
        return None
    ordered = sorted(weights, reverse=True)
    count = next(n for n, total in enumerate(itertools.accumulate(ordered), start=1) if total >= need)
    divisor = math.gcd(*weights)
    units = [weight // divisor for weight in weights]
    floor = -(-need // divisor)  # a sum of multiples of the divisor reaches ``need`` iff it reaches this
    # suffix[i][k]: the sums of k items chosen among items i.. (bit s set: sum s is possible)
    n = len(units)
    suffix = [[0] * (count + 1) for _ in range(n + 1)]
    suffix[n][0] = 1
    for i in range(n - 1, -1, -1):
        below, here, unit = suffix[i + 1], suffix[i], units[i]
        here[0] = 1
        for k in range(1, min(count, n - i) + 1):
            here[k] = below[k] | (below[k - 1] << unit)
    above = suffix[0][count] >> floor
    target = floor + (above & -above).bit_length() - 1
    chosen, left, remaining = [], count, target
    for i, unit in enumerate(units):
        if left and unit <= remaining and (suffix[i + 1][left - 1] >> (remaining - unit)) & 1:
            chosen.append(i)
            left -= 1
            remaining -= unit
    return chosen


def _threshold_rank(scores: list[UnitScores], unit: UnitScores, rank: int) -> Decimal | None:
    """The index the unit needs for ``rank``: that of the rank-th best other unit (None: any index will do)."""
    if not 1 <= rank <= len(scores):
        raise SimulationError(BAD_RANK % {"count": len(scores)})
    others = sorted((_index(other) for other in scores if other.unit_code != unit.unit_code), reverse=True)
    # Rank = 1 + the number of units with a strictly higher index as printed (ties share a rank).
    return others[rank - 1] if rank <= len(others) else None


def _index(unit: UnitScores) -> Decimal:
    achieved, maximum = unit_result_totals(unit)
    return index_pct(achieved=achieved, maximum=maximum)


def cheapest_path(scores: list[UnitScores], *, unit_code: str, leaves: dict[str, Leaf],
                  rank: int | None = None, index: Decimal | None = None) -> Path:
    """The fewest leaves that, raised to full marks, give the unit ``rank`` or better, or an index of at
    least ``index`` % (as printed, two places); ties: fewest points added, then by code."""
    unit = _unit(scores, unit_code)
    if rank is not None:
        wanted = _threshold_rank(scores, unit, rank)
    else:
        if not Decimal(0) < index <= 100:
            raise SimulationError(BAD_INDEX)
        wanted = index
    achieved, maximum = unit_result_totals(unit)

    def reaches(added: int) -> bool:
        return wanted is None or index_pct(achieved=achieved + added * _GRID, maximum=maximum) >= wanted

    lost = sorted((leaf for leaf in leaves.values() if leaf.lost > 0), key=lambda leaf: code_key(leaf.code))
    weights = [_thousandths(leaf.lost) for leaf in lost]
    best = _outcome(scores, unit, sum((leaf.lost for leaf in lost), Decimal(0)))
    chosen = fewest_reaching(weights, _least_reaching(reaches, sum(weights)))
    if chosen is None:
        return Path((), Decimal(0), _outcome(scores, unit, Decimal(0)), False, best)
    added = sum((lost[i].lost for i in chosen), Decimal(0))
    return Path(tuple(lost[i].code for i in chosen), added, _outcome(scores, unit, added), True, best)


def _least_reaching(reaches, most: int) -> int:
    """The fewest thousandths of a point that reach the target (``most`` + 1 when even ``most`` does not):
    the index only grows with the points, so a binary search finds it exactly."""
    if reaches(0):
        return 0
    if not reaches(most):
        return most + 1
    low, high = 0, most  # reaches(low) is false, reaches(high) is true
    while high - low > 1:
        middle = (low + high) // 2
        if reaches(middle):
            high = middle
        else:
            low = middle
    return high
