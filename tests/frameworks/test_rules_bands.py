"""Bands rules: the first band whose min the measure reaches wins (seed 001, 1.3.1 and 7.3)."""
from decimal import Decimal

import pytest

from frameworks.rules import NOT_ASSESSED, describe, evaluate

# 1.3.1 Tổ chức kiểm tra, 1 point.
INSPECTED_SHARE = {
    "kind": "bands",
    "quote": "Từ 30% số cơ quan, đơn vị thuộc và trực thuộc trở lên: 1 Từ 20% - dưới 30% […]: 0,5 Dưới 20% […]: 0",
    "measure": "b/a*100",
    "inputs": {"a": "số cơ quan, đơn vị thuộc và trực thuộc", "b": "số cơ quan, đơn vị được kiểm tra"},
    "constraints": [["b", "<=", "a"]],
    "bands": [{"min": "30", "score": "1"}, {"min": "20", "score": "0.5"}, {"score": "0"}],
}

# 7.3 Thông tin chỉ đạo điều hành trên Cổng thông tin điện tử, 0,5 point: a plain count.
NEWS_ITEMS = {
    "kind": "bands",
    "quote": "Từ 200 tin, bài/năm đạt 0,5 Từ 52 – 199 tin, bài/năm đạt 0,3 Từ 12-51 tin, bài/năm đạt 0,2 "
             "Dưới 12 tin, bài/năm: 0",
    "measure": "n",
    "inputs": {"n": "số tin, bài trong năm"},
    "bands": [{"min": "200", "score": "0.5"}, {"min": "52", "score": "0.3"}, {"min": "12", "score": "0.2"}],
}


def test_exactly_thirty_percent_reaches_the_top_band():
    assert evaluate(INSPECTED_SHARE, Decimal("1"), {"a": 10, "b": 3}) == Decimal("1")


def test_just_below_thirty_percent_falls_to_the_middle_band():
    assert evaluate(INSPECTED_SHARE, Decimal("1"), {"a": 1000, "b": 299}) == Decimal("0.5")


def test_exactly_twenty_percent_reaches_the_middle_band():
    assert evaluate(INSPECTED_SHARE, Decimal("1"), {"a": 10, "b": 2}) == Decimal("0.5")


def test_below_twenty_percent_falls_to_the_catch_all_band():
    assert evaluate(INSPECTED_SHARE, Decimal("1"), {"a": 1000, "b": 199}) == Decimal("0")


@pytest.mark.parametrize(("count", "points"), [
    (250, "0.5"), (200, "0.5"), (199, "0.3"), (52, "0.3"), (51, "0.2"), (12, "0.2"),
])
def test_count_measure_picks_its_band(count, points):
    assert evaluate(NEWS_ITEMS, Decimal("0.5"), {"n": count}) == Decimal(points)


def test_measure_below_every_band_without_catch_all_scores_zero():
    assert evaluate(NEWS_ITEMS, Decimal("0.5"), {"n": 11}) == Decimal("0")


def test_zero_clause_decides_before_the_measure_divides():
    rule = {**INSPECTED_SHARE, "zero": {"input": "a", "outcome": "not_assessed"}}

    assert evaluate(rule, Decimal("1"), {"a": 0, "b": 0}) is NOT_ASSESSED


def test_description_lists_the_bands_in_order():
    assert describe(INSPECTED_SHARE, Decimal("1")) == (
        "Theo (b/a) × 100 — từ 30% trở lên: 1 điểm; từ 20% trở lên: 0,5 điểm; còn lại: 0 điểm"
    )
    assert describe(NEWS_ITEMS, Decimal("0.5")) == (
        "Theo n — từ 200 trở lên: 0,5 điểm; từ 52 trở lên: 0,3 điểm; từ 12 trở lên: 0,2 điểm"
    )
