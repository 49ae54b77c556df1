"""From survey answers to points (issue 13), on plain data: no database here.

For unit u and survey criterion c, each group g that gave at least one valid answer to a question of c
has share_g = favourable ÷ valid answers, counted over all of c's questions asked of g; the criterion's
share is Σ w_g·share_g ÷ Σ w_g over those groups only; points = c.max × share, quantized once. A criterion
with no valid answer gets 0 points and is flagged. The unit's survey total is the sum over criteria.

Answers are counted first (``tally``, which a streaming import feeds row by row) and turned into
points after (``aggregate``), so that 50,000 responses never sit in memory at once.
"""
import math
from dataclasses import dataclass
from decimal import Context, Decimal

from frameworks.points import quantize_points

# Independent of whatever context the caller set (like reports.index): shares are never rounded.
_ARITHMETIC = Context(prec=40)
DEFAULT_MARGIN = Decimal("0.05")


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    max_points: Decimal


@dataclass(frozen=True)
class Group:
    code: str
    title: str
    weight: Decimal


@dataclass(frozen=True)
class Question:
    code: str
    criterion: str
    groups: frozenset
    scale: tuple  # (lowest, highest), both whole numbers, inclusive
    favourable: frozenset


@dataclass(frozen=True)
class Design:
    max_points: Decimal
    criteria: tuple  # Criterion, in the design's order
    groups: tuple  # Group
    questions: tuple  # Question
    leaves: tuple = ()  # Criterion: framework leaves the survey scores (their points go to the tree, not the total)

    def question(self, code: str) -> Question | None:
        return next((q for q in self.questions if q.code == code), None)


class Tally:
    """Valid and favourable answers of one unit, per (criterion, group)."""

    def __init__(self, design: Design):
        self._questions = {q.code: q for q in design.questions}
        self.counts: dict = {}  # (criterion code, group code) -> [valid, favourable]
        self.respondents: dict = {}  # group code -> respondents counted

    def add(self, group: str, answers: dict) -> None:
        """One respondent of ``group``; ``answers``: question code -> whole number (already checked)."""
        self.respondents[group] = self.respondents.get(group, 0) + 1
        for code, answer in answers.items():
            question = self._questions[code]
            counted = self.counts.setdefault((question.criterion, group), [0, 0])
            counted[0] += 1
            counted[1] += answer in question.favourable


@dataclass(frozen=True)
class GroupFigures:
    code: str
    weight: Decimal
    answers: int
    favourable: int
    share: Decimal  # favourable ÷ answers, unrounded


@dataclass(frozen=True)
class CriterionFigures:
    code: str
    title: str
    max_points: Decimal
    groups: tuple  # GroupFigures of the groups that answered, in the design's order
    share: Decimal | None  # None: no valid answer at all
    points: Decimal

    @property
    def flagged(self) -> bool:
        return self.share is None


@dataclass(frozen=True)
class UnitSurvey:
    criteria: tuple  # CriterionFigures, in the design's order
    total: Decimal
    leaves: tuple = ()  # CriterionFigures of the framework leaves the survey scores

    @property
    def flagged(self) -> tuple:
        """Codes of the criteria without any valid answer."""
        return tuple(c.code for c in self.criteria if c.flagged)


def criterion_figures(criterion: Criterion, groups: tuple, counts: dict) -> CriterionFigures:
    answered = []
    for group in groups:
        valid, favourable = counts.get((criterion.code, group.code), (0, 0))
        if valid:
            answered.append(GroupFigures(group.code, group.weight, valid, favourable,
                                         _ARITHMETIC.divide(Decimal(favourable), Decimal(valid))))
    if not answered:
        return CriterionFigures(criterion.code, criterion.title, criterion.max_points, (), None, quantize_points(0))
    weights = sum((g.weight for g in answered), Decimal(0))
    weighted = sum((_ARITHMETIC.multiply(g.weight, g.share) for g in answered), Decimal(0))
    share = _ARITHMETIC.divide(weighted, weights)
    points = quantize_points(_ARITHMETIC.multiply(criterion.max_points, share))
    return CriterionFigures(criterion.code, criterion.title, criterion.max_points, tuple(answered), share, points)


def aggregate(design: Design, counts: dict) -> UnitSurvey:
    """One unit's points per criterion and in total, from its ``Tally.counts``."""
    criteria = tuple(criterion_figures(c, design.groups, counts) for c in design.criteria)
    leaves = tuple(criterion_figures(c, design.groups, counts) for c in design.leaves)
    return UnitSurvey(criteria, sum((c.points for c in criteria), quantize_points(0)), leaves)


def planned_sample(population: int, margin: Decimal = DEFAULT_MARGIN) -> int:
    """n = ⌈N ÷ (1 + N·e²)⌉, the sample a group of N people needs for a margin of error e."""
    if population < 0 or not 0 < margin < 1:
        raise ValueError("population ≥ 0 and 0 < margin < 1")
    exact = _ARITHMETIC.divide(Decimal(population), 1 + _ARITHMETIC.multiply(population, margin * margin))
    return math.ceil(exact)
