"""The what-if simulator and the cheapest path, on plain data: one unit's criteria scored otherwise,
everyone else unchanged, ranked as the published ranking ranks."""
import itertools
import random
from decimal import Decimal

import pytest

from reports.index import UnitScores
from reports.simulator import (
    MAX, Leaf, SimulationError, change_value, cheapest_path, code_key, fewest_reaching, what_if,
)

D = Decimal


def unit(code, achieved, *, maximum="10", survey=None):
    return UnitScores(
        unit_code=code, unit_name=f"Phường {code}", unit_kind="ward", self_total=D(achieved),
        appraised_total=D(achieved), combined_total=D(achieved), appraisal_max=D(maximum),
        survey_total=None if survey is None else D(survey), survey_max=D("30") if survey is not None else D(0),
        published=False,
    )


# Unit A: 5 of 10 points over four leaves; its neighbours B (8), C (7), D (6).
LEAVES = {
    "1.1": Leaf("1.1", D("1"), D("3")),    # loses 2
    "1.2": Leaf("1.2", D("1.5"), D("3")),  # loses 1,5
    "2.1": Leaf("2.1", D("1.5"), D("2")),  # loses 0,5
    "2.2": Leaf("2.2", D("1"), D("2")),    # loses 1
}
PERIOD = [unit("A", "5"), unit("B", "8"), unit("C", "7"), unit("D", "6")]
CODES = frozenset({"1", "2", *LEAVES})


def simulate(changes, scores=PERIOD, leaves=LEAVES):
    return what_if(scores, unit_code="A", leaves=leaves, changes=changes, tree_codes=CODES)


def test_without_changes_the_unit_keeps_its_figures():
    outcome = simulate({})
    assert (outcome.total, outcome.max_total, outcome.index_pct, outcome.rank, outcome.unit_count) == (
        D("5.000"), D("10.000"), D("50.00"), 4, 4)


def test_one_criterion_set_moves_the_total_by_its_difference_and_the_rank_with_it():
    outcome = simulate({"1.1": D("2.5")})  # 1 -> 2,5: total 6,5
    assert (outcome.total, outcome.index_pct, outcome.rank) == (D("6.500"), D("65.00"), 3)


def test_reaching_a_neighbour_shares_its_rank():
    outcome = simulate({"1.1": D("3")})  # total 7, as C
    assert (outcome.index_pct, outcome.rank) == (D("70.00"), 2)


def test_every_criterion_at_max_gives_100_percent_and_rank_1():
    outcome = simulate(dict.fromkeys(LEAVES, MAX))
    assert (outcome.total, outcome.index_pct, outcome.rank) == (D("10.000"), D("100.00"), 1)


def test_survey_points_count_and_stay_unchanged():
    scores = [unit("A", "5", survey="20"), unit("B", "8", survey="25")]
    outcome = simulate({"1.1": MAX}, scores=scores)
    assert (outcome.total, outcome.max_total, outcome.index_pct, outcome.rank) == (
        D("27.000"), D("40.000"), D("67.50"), 2)


def test_a_lower_hypothetical_score_lowers_the_index():
    assert simulate({"1.2": D("0")}).total == D("3.500")


@pytest.mark.parametrize(("changes", "message"), [
    ({"1.1": D("3.5")}, "Điểm 3,5 của tiêu chí 1.1 vượt điểm tối đa 3."),
    ({"9.9": D("1")}, "Không có tiêu chí 9.9 trong bộ chỉ số của kỳ."),
    ({"1": MAX}, "Tiêu chí 1 có tiêu chí thành phần: chỉ đặt điểm cho tiêu chí được chấm trực tiếp."),
    ({"2.1": D("-1")}, "Điểm của tiêu chí 2.1 không được âm."),
])
def test_a_value_the_criterion_cannot_take_is_refused(changes, message):
    with pytest.raises(SimulationError) as refused:
        simulate(changes)
    assert str(refused.value) == message


def test_a_criterion_not_assessed_for_the_unit_cannot_be_set():
    leaves = {**LEAVES, "2.2": Leaf("2.2", D(0), D("2"), not_assessed=True)}
    with pytest.raises(SimulationError, match="Tiêu chí 2.2 không đánh giá đối với đơn vị này."):
        simulate({"2.2": MAX}, leaves=leaves)


def test_a_unit_outside_the_ranking_is_refused():
    with pytest.raises(SimulationError, match="Đơn vị A không có trong xếp hạng của kỳ."):
        what_if(PERIOD[1:], unit_code="A", leaves=LEAVES, changes={})


@pytest.mark.parametrize(("text", "value"), [("max", MAX), ("MAX", MAX), ("1,5", D("1.5")), ("1.5", D("1.5"))])
def test_a_hypothetical_value_is_a_number_with_comma_or_dot_or_max(text, value):
    assert change_value("1.1", text) == value


def test_a_hypothetical_value_that_is_not_a_number_is_refused():
    with pytest.raises(SimulationError, match="phải là một số"):
        change_value("1.1", "đủ")


# -- cheapest path: hand-checked on unit A (lost: 1.1 → 2, 1.2 → 1,5, 2.2 → 1, 2.1 → 0,5) ----------


def path(**target):
    return cheapest_path(PERIOD, unit_code="A", leaves=LEAVES, **target)


def test_rank_3_needs_one_criterion_and_takes_the_one_adding_the_fewest_points():
    # Beating D (6) needs 1 point: 1.1 (2), 1.2 (1,5) or 2.2 (1) each do it alone; 2.2 adds the fewest.
    found = path(rank=3)
    assert (found.criteria, found.points_added, found.outcome.rank, found.reachable) == (("2.2",), D("1"), 3, True)


def test_rank_1_takes_the_fewest_criteria_then_the_pair_that_just_reaches_the_leader():
    # Tying B (8) needs 3 points: no single criterion; 1.1 + 1.2 give 3,5, but 1.1 + 2.2 give exactly 3.
    found = path(rank=1)
    assert (found.criteria, found.points_added) == (("1.1", "2.2"), D("3"))
    assert (found.outcome.index_pct, found.outcome.rank) == (D("80.00"), 1)


def test_index_target_counts_the_index_as_printed():
    # 72 % needs 2,2 points: no single criterion; 1.1 + 2.1 and 1.2 + 2.2 both add 2,5, the least of any
    # pair that reaches; 1.1 + 2.1 comes first in code order.
    found = path(index=D("72"))
    assert (found.criteria, found.points_added, found.outcome.index_pct) == (("1.1", "2.1"), D("2.5"), D("75.00"))


def test_equal_points_are_broken_by_code_in_code_order():
    leaves = {code: Leaf(code, D(0), D("1")) for code in ("2.10", "2.9", "3.1")}
    scores = [unit("A", "0", maximum="3"), unit("B", "1", maximum="3")]
    found = cheapest_path(scores, unit_code="A", leaves=leaves, rank=1)
    assert found.criteria == ("2.9",)


def test_a_target_already_met_needs_nothing():
    found = path(rank=4)
    assert (found.criteria, found.points_added, found.reachable, found.outcome.rank) == ((), D(0), True, 4)
    assert path(index=D("50")).criteria == ()


def test_a_target_out_of_reach_says_so_with_the_best_the_unit_can_do():
    # E has everything; A's criteria add up to less than its maximum (as Hoàng Mai's area 3 declares 14
    # points over criteria worth 13), so A cannot catch up.
    scores = [*PERIOD, unit("E", "10")]
    found = cheapest_path(scores, unit_code="A", leaves={**LEAVES, "2.2": Leaf("2.2", D("1"), D("1.5"))}, rank=1)
    assert (found.reachable, found.criteria, found.points_added) == (False, (), D(0))
    assert (found.outcome.rank, found.best.index_pct, found.best.rank) == (5, D("95.00"), 2)


def test_rank_1_reached_by_tying_the_leader():
    found = cheapest_path([*PERIOD, unit("E", "10")], unit_code="A", leaves=LEAVES, rank=1)
    assert (found.reachable, len(found.criteria), found.outcome.rank) == (True, 4, 1)


@pytest.mark.parametrize(("target", "message"), [
    ({"rank": 0}, "Thứ hạng mục tiêu phải từ 1 đến 4."),
    ({"rank": 5}, "Thứ hạng mục tiêu phải từ 1 đến 4."),
    ({"index": D("0")}, "Chỉ số mục tiêu phải lớn hơn 0 và không quá 100."),
    ({"index": D("100.5")}, "Chỉ số mục tiêu phải lớn hơn 0 và không quá 100."),
])
def test_a_target_that_makes_no_sense_is_refused(target, message):
    with pytest.raises(SimulationError) as refused:
        path(**target)
    assert str(refused.value) == message


def test_codes_compare_part_by_part():
    assert sorted(["2.10", "10.1", "2.9", "2.9.1"], key=code_key) == ["2.9", "2.9.1", "2.10", "10.1"]


# -- the tie-break is exact: checked against every subset on small random cases ------------------


def brute_force(weights, need):
    if need <= 0:
        return []
    for size in range(1, len(weights) + 1):
        reaching = [c for c in itertools.combinations(range(len(weights)), size)
                    if sum(weights[i] for i in c) >= need]
        if reaching:
            return list(min(reaching, key=lambda c: (sum(weights[i] for i in c), c)))
    return None


def test_fewest_reaching_agrees_with_brute_force():
    generator = random.Random(14)
    for _ in range(1500):
        weights = [generator.choice([250, 500, 750, 1000, 1250, 2000, 3000, generator.randint(1, 3000)])
                   for _ in range(generator.randint(1, 9))]
        need = generator.randint(-100, sum(weights) + 500)
        assert fewest_reaching(weights, need) == brute_force(weights, need), (weights, need)
