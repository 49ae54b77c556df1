"""Formula rules: weighted ratios, thresholds and the a = 0 clause (seed 001, Hải Phòng 2023)."""
from decimal import Decimal

import pytest

from frameworks.rules import NOT_ASSESSED, ZERO_DENOMINATOR, RuleInputError, describe, evaluate, input_fields

# 1.1 Thực hiện Kế hoạch CCHC, 1,5 points.
PLAN_TASKS = {
    "kind": "formula",
    "quote": "Tình điểm theo công thức: (b/a) * điểm tối đa. […] Nếu tỷ lệ b/a < 0,8 thì điểm đánh giá là 0.",
    "expr": "b/a*max",
    "inputs": {"a": "số nhiệm vụ đề ra theo kế hoạch", "b": "số nhiệm vụ đã hoàn thành"},
    "constraints": [["b", "<=", "a"]],
    "threshold": {"expr": "b/a", "below": "0.8", "score": "0"},
}

# 1.3.2 Xử lý các vấn đề phát hiện qua kiểm tra, 1 point.
ISSUES_HANDLED = {
    "kind": "formula",
    "quote": "Tình điểm theo công thức: (b/a * 1 + c/a * 0,5). […] Trường hợp a = 0 thì đạt điểm tối đa.",
    "expr": "b/a*1 + c/a*0.5",
    "inputs": {
        "a": "tổng số vấn đề phát hiện",
        "b": "số vấn đề đã hoàn thành việc xử lý",
        "c": "số vấn đề đã xử lý nhưng chưa hoàn thành",
    },
    "constraints": [["b", "<=", "a"], ["c", "<=", "a"]],
    "zero": {"input": "a", "outcome": "full"},
}

# 3.5.1 Trả lời kiến nghị, 0,5 point: "Trường hợp a = 0 thì không đánh giá".
PETITIONS_ANSWERED = {
    "kind": "formula",
    "quote": "Tính theo công thức: (b/a) * điểm tối đa. […] Trường hợp a = 0 thì không đánh giá.",
    "expr": "b/a*max",
    "inputs": {"a": "tổng số kiến nghị phải trả lời", "b": "số kiến nghị đã được trả lời"},
    "constraints": [["b", "<=", "a"]],
    "zero": {"input": "a", "outcome": "not_assessed"},
}

# 6.1.2 Kiến nghị sau thanh tra: no threshold, no a = 0 clause.
MONEY_PAID = {
    "kind": "formula",
    "quote": "Tính điểm theo công thức: (b/a) * điểm tối đa.",
    "expr": "b/a*max",
    "inputs": {"a": "số tiền phải nộp NSNN", "b": "số tiền đã nộp NSNN"},
}


def test_ratio_times_max_scores_the_completed_share():
    assert evaluate(PLAN_TASKS, Decimal("1.5"), {"a": 10, "b": 8}) == Decimal("1.2")


def test_ratio_below_threshold_scores_zero():
    assert evaluate(PLAN_TASKS, Decimal("1.5"), {"a": 100, "b": 79}) == Decimal("0")


def test_ratio_exactly_at_threshold_is_not_below_it():
    assert evaluate(PLAN_TASKS, Decimal("1.5"), {"a": 5, "b": 4}) == Decimal("1.2")


def test_threshold_is_compared_before_rounding():
    # 0.7999 would round to 0.800, yet it is below 0.8.
    assert evaluate(PLAN_TASKS, Decimal("1.5"), {"a": 10000, "b": 7999}) == Decimal("0")


def test_literals_are_exact_decimals_not_floats():
    # In floats 0.7 + 0.1 is 0.7999999999999999 and would fall below the threshold.
    sum_of_literals = "b/a*0.7 + b/a*0.1"
    rule = {**MONEY_PAID, "expr": sum_of_literals, "threshold": {"expr": sum_of_literals, "below": "0.8", "score": "0"}}

    assert evaluate(rule, Decimal("1"), {"a": 1, "b": 1}) == Decimal("0.8")


def test_weighted_sum_counts_unfinished_issues_at_half_weight():
    assert evaluate(ISSUES_HANDLED, Decimal("1"), {"a": 10, "b": 6, "c": 2}) == Decimal("0.7")


def test_no_issues_found_earns_full_points():
    assert evaluate(ISSUES_HANDLED, Decimal("1"), {"a": 0, "b": 0, "c": 0}) == Decimal("1")


def test_no_petitions_to_answer_is_not_assessed():
    result = evaluate(PETITIONS_ANSWERED, Decimal("0.5"), {"a": "0", "b": "0"})

    assert result is NOT_ASSESSED
    assert str(result) == "not assessed"


def test_zero_outcome_zero_scores_nothing():
    rule = {**PETITIONS_ANSWERED, "zero": {"input": "a", "outcome": "zero"}}

    assert evaluate(rule, Decimal("0.5"), {"a": 0, "b": 0}) == Decimal("0")


def test_zero_clause_does_not_apply_when_the_input_is_positive():
    assert evaluate(PETITIONS_ANSWERED, Decimal("0.5"), {"a": 4, "b": 3}) == Decimal("0.375")


def test_result_is_rounded_to_three_places():
    assert evaluate(MONEY_PAID, Decimal("1"), {"a": 3, "b": 2}) == Decimal("0.667")


def test_rounding_is_half_up():
    # 1/16 = 0.0625: half-even would give 0.062.
    assert evaluate(MONEY_PAID, Decimal("1"), {"a": 16, "b": 1}) == Decimal("0.063")


def test_result_above_max_is_clamped_to_max():
    assert evaluate(MONEY_PAID, Decimal("0.5"), {"a": 10, "b": 12}) == Decimal("0.5")


def test_negative_result_is_clamped_to_zero():
    rule = {**MONEY_PAID, "expr": "(b - a)/a*max"}

    assert evaluate(rule, Decimal("0.5"), {"a": 10, "b": 4}) == Decimal("0")


def test_inputs_may_be_int_decimal_or_text_with_comma_or_dot():
    for a, b in [(10, 8), (Decimal("10"), Decimal("8")), ("10", "8,0"), ("10.0", "8")]:
        assert evaluate(PLAN_TASKS, Decimal("1.5"), {"a": a, "b": b}) == Decimal("1.2")


def test_zero_denominator_without_zero_clause_names_the_denominator():
    with pytest.raises(RuleInputError) as error:
        evaluate(MONEY_PAID, Decimal("0.5"), {"a": 0, "b": 0})

    assert error.value.input_name == "a"
    assert str(error.value) == "“a” phải lớn hơn 0."
    assert str(error.value) == ZERO_DENOMINATOR % {"name": "a"}


def test_zero_denominator_inside_a_sum_names_its_first_input():
    rule = {**MONEY_PAID, "expr": "b/(a + c)*max", "inputs": {**MONEY_PAID["inputs"], "c": "số tiền miễn"}}

    with pytest.raises(RuleInputError) as error:
        evaluate(rule, Decimal("0.5"), {"a": 0, "b": 0, "c": 0})

    assert error.value.input_name == "a"


def test_fields_ask_for_each_input_with_its_official_wording():
    fields = input_fields(PLAN_TASKS)

    assert [(f.name, f.label, f.type) for f in fields] == [
        ("a", "số nhiệm vụ đề ra theo kế hoạch", "number"),
        ("b", "số nhiệm vụ đã hoàn thành", "number"),
    ]


def test_description_reads_like_the_official_formula():
    assert describe(PLAN_TASKS, Decimal("1.5")) == "Điểm = (b/a) × điểm tối đa; nếu b/a < 0,8 thì 0 điểm"
    assert describe(ISSUES_HANDLED, Decimal("1")) == "Điểm = (b/a) × 1 + (c/a) × 0,5; a = 0: đạt điểm tối đa"
    assert describe(PETITIONS_ANSWERED, Decimal("0.5")) == "Điểm = (b/a) × điểm tối đa; a = 0: không đánh giá"


def test_description_brackets_only_where_needed():
    rule = {**MONEY_PAID, "expr": "(b - a)/a*max - -b"}

    assert describe(rule, Decimal("1")) == "Điểm = ((b - a)/a) × điểm tối đa - -b"
