"""Survey answers to points, computed by hand (issue 13, "Aggregation"): pure, no database."""
from decimal import Decimal

import pytest

from surveys.aggregation import Criterion, Design, Group, Question, Tally, aggregate, planned_sample

S1 = Criterion("S1", "Sự hài lòng về thủ tục hành chính", Decimal("20"))
S2 = Criterion("S2", "Công khai, minh bạch", Decimal("10"))
CD, CC = Group("CD", "Công dân", Decimal("2")), Group("CC", "Công chức cấp phường", Decimal("1"))
Q1 = Question("Q1", "S1", frozenset({"CD", "CC"}), (1, 5), frozenset({4, 5}))
Q2 = Question("Q2", "S2", frozenset({"CD"}), (0, 1), frozenset({1}))
Q3 = Question("Q3", "S1", frozenset({"CD"}), (1, 5), frozenset({4, 5}))
DESIGN = Design(Decimal("30"), (S1, S2), (CD, CC), (Q1, Q2, Q3))


def survey(*rows):
    tally = Tally(DESIGN)
    for group, answers in rows:
        tally.add(group, answers)
    return aggregate(DESIGN, tally.counts)


def test_each_group_counts_with_its_weight():
    # CD: 2 favourable of 4 = 0,5 (weight 2); CC: 2 of 2 = 1 (weight 1) → (2·0,5 + 1·1) ÷ 3 = 2/3 of 20
    result = survey(("CD", {"Q1": 4}), ("CD", {"Q1": 5}), ("CD", {"Q1": 3}), ("CD", {"Q1": 2}),
                    ("CC", {"Q1": 5}), ("CC", {"Q1": 4}))
    s1 = result.criteria[0]
    assert [(g.code, g.weight, g.answers, g.favourable, g.share) for g in s1.groups] == [
        ("CD", Decimal("2"), 4, 2, Decimal("0.5")), ("CC", Decimal("1"), 2, 2, Decimal("1"))]
    assert s1.points == Decimal("13.333")


def test_a_group_without_answers_leaves_the_weighted_mean():
    # Only CD answered S1: its share alone, not diluted by CC's weight
    result = survey(("CD", {"Q1": 4}), ("CD", {"Q1": 1}))
    assert [g.code for g in result.criteria[0].groups] == ["CD"]
    assert result.criteria[0].points == Decimal("10.000")


def test_answers_of_all_the_criterions_questions_are_pooled_per_group():
    # CD answered Q1 and Q3 (both S1): 3 favourable of 4 answers, not the mean of the two questions' shares
    result = survey(("CD", {"Q1": 5, "Q3": 5}), ("CD", {"Q1": 4}), ("CD", {"Q3": 1}))
    assert (result.criteria[0].groups[0].answers, result.criteria[0].groups[0].favourable) == (4, 3)
    assert result.criteria[0].points == Decimal("15.000")


def test_a_criterion_without_any_answer_gets_nothing_and_is_flagged():
    result = survey(("CC", {"Q1": 5}))
    s2 = result.criteria[1]
    assert (s2.points, s2.share, s2.groups, s2.flagged) == (Decimal("0.000"), None, (), True)
    assert result.flagged == ("S2",)
    assert result.total == Decimal("20.000")


def test_a_yes_no_question_counts_its_yes_answers():
    result = survey(("CD", {"Q2": 1}), ("CD", {"Q2": 1}), ("CD", {"Q2": 0}))
    assert result.criteria[1].points == Decimal("6.667")  # 10 × 2/3
    assert result.total == Decimal("6.667")  # S1 unanswered: 0


@pytest.mark.parametrize(("valid", "points"), [(2000, "0.001"), (2001, "0.000")])
def test_points_are_rounded_once_half_up_at_three_places(valid, points):
    # 1 × 1/2000 = 0,0005 exactly goes up; 1/2001 = 0,00049975… goes down
    one = Criterion("C", "Một điểm", Decimal("1"))
    design = Design(Decimal("1"), (one,), (CD,), (Question("Q", "C", frozenset({"CD"}), (0, 1), frozenset({1})),))
    tally = Tally(design)
    tally.add("CD", {"Q": 1})
    for _ in range(valid - 1):
        tally.add("CD", {"Q": 0})
    assert aggregate(design, tally.counts).total == Decimal(points)


def test_the_total_is_the_sum_of_the_criteria_points():
    tally = Tally(DESIGN)
    for group, answers in (("CD", {"Q1": 4, "Q2": 1}), ("CC", {"Q1": 1}), ("CD", {"Q2": 0})):
        tally.add(group, answers)
    result = aggregate(DESIGN, tally.counts)
    assert tally.respondents == {"CD": 2, "CC": 1}
    # S1: CD 1/1 (w 2), CC 0/1 (w 1) → 2/3 × 20 = 13,333; S2: 1/2 × 10 = 5
    assert [c.points for c in result.criteria] == [Decimal("13.333"), Decimal("5.000")]
    assert result.total == Decimal("18.333")


@pytest.mark.parametrize(("population", "margin", "planned"), [
    (10000, Decimal("0.05"), 385),  # 10000 ÷ 26 = 384,6
    (400, Decimal("0.05"), 200),  # 400 ÷ 2 exactly: no rounding up
    (1000, Decimal("0.1"), 91),  # 1000 ÷ 11 = 90,9
    (0, Decimal("0.05"), 0),
])
def test_the_planned_sample_is_n_over_one_plus_n_e_squared_rounded_up(population, margin, planned):
    assert planned_sample(population, margin) == planned
