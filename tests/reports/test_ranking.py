"""Ranking units by index: shared ranks on ties, rank change against last year (seed 004, Phú La)."""
from decimal import Decimal

import pytest

from reports.index import UnitScores, rank_change_text, rank_results


def unit(code, achieved, *, published=True):
    """A unit without a survey whose achieved points are its index (maximum 100)."""
    return UnitScores(
        unit_code=code, unit_name=f"Phường {code}", unit_kind="ward",
        self_total=Decimal(achieved), appraised_total=Decimal(achieved), combined_total=Decimal(achieved),
        appraisal_max=Decimal("100"), survey_total=None, survey_max=Decimal("0"), published=published,
    )


def ranks(results):
    return [(r.unit_code, r.index_pct, r.rank) for r in results]


def test_best_index_ranks_first():
    results = rank_results([unit("B", "80"), unit("A", "90"), unit("C", "85")])
    assert ranks(results) == [("A", Decimal("90.00"), 1), ("C", Decimal("85.00"), 2), ("B", Decimal("80.00"), 3)]


def test_ties_share_a_rank_and_the_next_rank_skips():
    results = rank_results([unit("D", "70"), unit("C", "85"), unit("B", "85"), unit("A", "90")])
    assert ranks(results) == [
        ("A", Decimal("90.00"), 1),
        ("B", Decimal("85.00"), 2),
        ("C", Decimal("85.00"), 2),
        ("D", Decimal("70.00"), 4),
    ]


def test_units_printed_with_the_same_percent_share_a_rank():
    results = rank_results([unit("A", "85.712"), unit("B", "85.714")])
    assert ranks(results) == [("A", Decimal("85.71"), 1), ("B", Decimal("85.71"), 1)]


def test_output_does_not_depend_on_input_order():
    units = [unit("E", "88"), unit("A", "85"), unit("D", "90"), unit("B", "85"), unit("C", "70")]
    previous = {"A": 1, "B": 2, "C": 3, "D": 4, "E": 5}
    expected = rank_results(units, previous_ranks=previous)
    assert rank_results(list(reversed(units)), previous_ranks=previous) == expected
    assert rank_results(sorted(units, key=lambda u: u.combined_total), previous_ranks=previous) == expected


@pytest.mark.parametrize(("previous", "change"), [(6, 3), (1, -2), (3, 0)])
def test_rank_change_is_previous_rank_minus_rank(previous, change):
    results = rank_results([unit("A", "90"), unit("B", "85"), unit("C", "80")], previous_ranks={"C": previous})
    assert results[2].rank == 3
    assert results[2].rank_change == change


def test_rank_change_is_none_without_a_previous_rank():
    results = rank_results([unit("A", "90"), unit("B", "85")], previous_ranks={"A": 2})
    assert [r.rank_change for r in results] == [1, None]
    assert [r.rank_change for r in rank_results([unit("A", "90")])] == [None]


def test_phu_la_2020_ranked_15th_of_17_down_9_places_from_6th():
    # 14 wards above 86.31 %, two below (seed 004: "86,31% xếp thứ 15/17 phường, giảm 9 bậc").
    others = [unit(f"W{n:02}", Decimal(90) + n / Decimal(10)) for n in range(14)]
    others += [unit("W98", "80"), unit("W99", "79.5")]
    results = rank_results([unit("PHULA", "86.31"), *others], previous_ranks={"PHULA": 6})
    [phu_la] = [r for r in results if r.unit_code == "PHULA"]
    assert (len(results), phu_la.index_pct, phu_la.rank, phu_la.rank_change) == (17, Decimal("86.31"), 15, -9)
    assert rank_change_text(phu_la.rank_change) == "giảm 9 bậc"


def test_provisional_follows_publication():
    results = rank_results([unit("A", "90", published=False), unit("B", "85")])
    assert [(r.unit_code, r.provisional) for r in results] == [("A", True), ("B", False)]


@pytest.mark.parametrize(("change", "text"), [
    (3, "tăng 3 bậc"),
    (1, "tăng 1 bậc"),
    (-9, "giảm 9 bậc"),
    (0, "giữ nguyên"),
    (None, "—"),
])
def test_rank_change_text(change, text):
    assert rank_change_text(change) == text
