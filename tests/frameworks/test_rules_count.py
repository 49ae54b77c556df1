"""Count rules: points per counted item, capped (seed 001, 1.5 sáng kiến)."""
from decimal import Decimal

import pytest

from frameworks.rules import NEGATIVE, NOT_WHOLE, RuleInputError, describe, evaluate, input_fields

# 1.5 Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC, 3 points.
INITIATIVES = {
    "kind": "count",
    "quote": "- Mỗi sáng kiến, giải pháp cấp thành phố: 1 - Mỗi sáng kiến, giải pháp cấp cơ sở: 0,5",
    "inputs": {},
    "items": [
        {"input": "city", "label": "Mỗi sáng kiến, giải pháp cấp thành phố", "each": "1"},
        {"input": "base", "label": "Mỗi sáng kiến, giải pháp cấp cơ sở", "each": "0.5"},
    ],
    "cap": "3",
}


def test_initiatives_add_up_below_the_cap():
    assert evaluate(INITIATIVES, Decimal("3"), {"city": 1, "base": 3}) == Decimal("2.5")


def test_initiatives_above_the_cap_score_the_cap():
    assert evaluate(INITIATIVES, Decimal("3"), {"city": 2, "base": 3}) == Decimal("3")


def test_cap_below_max_is_the_limit():
    rule = {**INITIATIVES, "cap": "2"}

    assert evaluate(rule, Decimal("3"), {"city": 2, "base": 3}) == Decimal("2")


def test_cap_defaults_to_max():
    rule = {key: value for key, value in INITIATIVES.items() if key != "cap"}

    assert evaluate(rule, Decimal("2.5"), {"city": 4, "base": 0}) == Decimal("2.5")


def test_no_initiatives_score_zero():
    assert evaluate(INITIATIVES, Decimal("3"), {"city": 0, "base": "0"}) == Decimal("0")


def test_whole_number_written_with_decimals_is_accepted():
    assert evaluate(INITIATIVES, Decimal("3"), {"city": "1,0", "base": "2"}) == Decimal("2")


def test_fraction_of_an_initiative_is_refused():
    with pytest.raises(RuleInputError) as error:
        evaluate(INITIATIVES, Decimal("3"), {"city": 1, "base": "1,5"})

    assert error.value.input_name == "base"
    assert str(error.value) == "“base” phải là số nguyên không âm."
    assert str(error.value) == NOT_WHOLE % {"name": "base"}


def test_negative_count_is_refused():
    with pytest.raises(RuleInputError) as error:
        evaluate(INITIATIVES, Decimal("3"), {"city": -1, "base": 0})

    assert str(error.value) == NEGATIVE % {"name": "city"}


def test_fields_ask_for_whole_counts():
    assert [(f.name, f.label, f.type) for f in input_fields(INITIATIVES)] == [
        ("city", "Mỗi sáng kiến, giải pháp cấp thành phố", "count"),
        ("base", "Mỗi sáng kiến, giải pháp cấp cơ sở", "count"),
    ]


def test_description_gives_points_per_item_and_cap():
    assert describe(INITIATIVES, Decimal("3")) == (
        "Mỗi sáng kiến, giải pháp cấp thành phố: 1 điểm; Mỗi sáng kiến, giải pháp cấp cơ sở: 0,5 điểm; tối đa 3 điểm"
    )
