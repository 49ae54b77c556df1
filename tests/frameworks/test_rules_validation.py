"""Bad inputs are refused naming the input; malformed rules are refused before anything is scored."""
from decimal import Decimal

import pytest

from frameworks.rules import (
    CONSTRAINT_BROKEN, MISSING_INPUT, NEGATIVE, NOT_A_NUMBER, TOO_LARGE, RuleDefinitionError, RuleInputError,
    evaluate, validate_rule,
)

RATIO = {
    "kind": "formula",
    "quote": "Tính điểm theo công thức: (b/a) * điểm tối đa.",
    "expr": "b/a*max",
    "inputs": {"a": "số văn bản được đề nghị tham gia", "b": "số văn bản đã tham gia đúng thời hạn"},
    "constraints": [["b", "<=", "a"]],
    "zero": {"input": "a", "outcome": "full"},
}


def _input_error(inputs, rule=RATIO):
    with pytest.raises(RuleInputError) as error:
        evaluate(rule, Decimal("0.5"), inputs)
    return error.value


# -- inputs ----------------------------------------------------------------------------------


def test_missing_input_is_refused():
    error = _input_error({"a": 10})

    assert error.input_name == "b"
    assert str(error) == "Thiếu giá trị cho “b”."
    assert str(error) == MISSING_INPUT % {"name": "b"}


@pytest.mark.parametrize("blank", [None, "", "  "])
def test_blank_input_counts_as_missing(blank):
    assert str(_input_error({"a": 10, "b": blank})) == MISSING_INPUT % {"name": "b"}


@pytest.mark.parametrize("text", ["abc", "1,5.0", True, 0.5])
def test_input_that_is_not_a_number_is_refused(text):
    error = _input_error({"a": 10, "b": text})

    assert error.input_name == "b"
    assert str(error) == NOT_A_NUMBER % {"name": "b"}


def test_negative_input_is_refused():
    error = _input_error({"a": "-1", "b": 0})

    assert error.input_name == "a"
    assert str(error) == "“a” phải là số không âm."
    assert str(error) == NEGATIVE % {"name": "a"}


def test_negative_input_is_refused_even_when_the_zero_clause_applies():
    assert str(_input_error({"a": 0, "b": -1})) == NEGATIVE % {"name": "b"}


def test_part_greater_than_whole_is_refused():
    error = _input_error({"a": 10, "b": 11})

    assert error.input_name == "b"
    assert str(error) == "“b” không được lớn hơn “a”."


def test_part_greater_than_a_zero_whole_is_refused():
    assert _input_error({"a": 0, "b": 1}).input_name == "b"


@pytest.mark.parametrize(("op", "a", "b", "message"), [
    ("<", 5, 5, "“b” phải nhỏ hơn “a”."),
    (">=", 5, 4, "“b” không được nhỏ hơn “a”."),
    (">", 5, 5, "“b” phải lớn hơn “a”."),
])
def test_every_constraint_operator_is_enforced(op, a, b, message):
    rule = {**RATIO, "constraints": [["b", op, "a"]]}

    error = _input_error({"a": a, "b": b}, rule)

    assert str(error) == message
    assert str(error) == CONSTRAINT_BROKEN[op] % {"name": "b", "other": "a"}


@pytest.mark.parametrize(("op", "a", "b", "points"), [
    ("<=", 5, 5, "1"), ("<", 5, 4, "0.8"), (">=", 5, 5, "1"), (">", 5, 6, "1"),
])
def test_constraint_that_holds_lets_the_rule_score(op, a, b, points):
    rule = {**RATIO, "constraints": [["b", op, "a"]]}

    assert evaluate(rule, Decimal("1"), {"a": a, "b": b}) == Decimal(points)


# -- rules -----------------------------------------------------------------------------------

CHOICE = {"kind": "choice", "options": [{"key": "done", "label": "Có", "score": "0.5"}]}
BANDS = {"kind": "bands", "measure": "n", "inputs": {"n": "số tin, bài"},
         "bands": [{"min": "200", "score": "0.5"}, {"min": "12", "score": "0.2"}, {"score": "0"}]}
CHECKLIST = {"kind": "checklist", "items": [{"key": "media", "label": "Báo chí", "score": "0.25"}]}
COUNT = {"kind": "count", "items": [{"input": "city", "label": "Cấp thành phố", "each": "0.5"}]}
CONDITIONAL = {"kind": "conditional", "condition": {"input": "letter", "label": "Có văn bản"},
               "if_true": CHOICE, "if_false": CHOICE}

MALFORMED = {
    "not a dict": ["formula"],
    "unknown kind": {"kind": "ratio"},
    "missing kind": {"expr": "b/a"},
    "no inputs": {**RATIO, "inputs": {}},
    "input named max": {**RATIO, "inputs": {"max": "điểm"}, "expr": "max", "constraints": [], "zero": None},
    "missing expr": {key: value for key, value in RATIO.items() if key != "expr"},
    "syntax error": {**RATIO, "expr": "b/"},
    "decimal comma in expr": {**RATIO, "expr": "b/a*0,5"},
    "unknown name": {**RATIO, "expr": "b/c*max"},
    "function call": {**RATIO, "expr": "abs(b)/a"},
    "power": {**RATIO, "expr": "b**2/a"},
    "modulo": {**RATIO, "expr": "b % a"},
    "comparison": {**RATIO, "expr": "b < a"},
    "attribute": {**RATIO, "expr": "a.real"},
    "subscript": {**RATIO, "expr": "b[0]"},
    "string literal": {**RATIO, "expr": "'b'"},
    "boolean literal": {**RATIO, "expr": "True*max"},
    "hex literal": {**RATIO, "expr": "0x10*b"},
    "unary plus": {**RATIO, "expr": "+b"},
    "unknown constraint operator": {**RATIO, "constraints": [["b", "=<", "a"]]},
    "constraint on undeclared input": {**RATIO, "constraints": [["c", "<=", "a"]]},
    "unknown zero outcome": {**RATIO, "zero": {"input": "a", "outcome": "half"}},
    "zero on undeclared input": {**RATIO, "zero": {"input": "c", "outcome": "full"}},
    "threshold without below": {**RATIO, "threshold": {"expr": "b/a", "score": "0"}},
    "threshold score above max": {**RATIO, "threshold": {"expr": "b/a", "below": "0.8", "score": "2"}},
    "band without score": {**BANDS, "bands": [{"min": "200"}, {"score": "0"}]},
    "band score above max": {**BANDS, "bands": [{"min": "200", "score": "5"}]},
    "catch-all band before the last": {**BANDS, "bands": [{"score": "0"}, {"min": "12", "score": "0.2"}]},
    "band mins not descending": {**BANDS, "bands": [{"min": "12", "score": "0.2"}, {"min": "200", "score": "0.5"}]},
    "no bands": {**BANDS, "bands": []},
    "no options": {**CHOICE, "options": []},
    "option score above max": {**CHOICE, "options": [{"key": "done", "label": "Có", "score": "0.75"}]},
    "option score not a number": {**CHOICE, "options": [{"key": "done", "label": "Có", "score": "nửa"}]},
    "option without label": {**CHOICE, "options": [{"key": "done", "score": "0.5"}]},
    "duplicate option keys": {**CHOICE, "options": CHOICE["options"] * 2},
    "item with score and rule": {**CHECKLIST, "items": [{**CHECKLIST["items"][0], "max": "0.25", "rule": CHOICE}]},
    "item with neither score nor rule": {**CHECKLIST, "items": [{"key": "media", "label": "Báo chí"}]},
    "item rule without max": {**CHECKLIST, "items": [{"key": "x", "label": "Thi", "rule": CHOICE}]},
    "item max above max": {**CHECKLIST, "items": [{"key": "x", "label": "Thi", "max": "1", "rule": CHOICE}]},
    "malformed item rule": {**CHECKLIST, "items": [{"key": "x", "label": "Thi", "max": "0.5", "rule": {"kind": "?"}}]},
    "item rule left out": {**CHECKLIST, "items": [{"key": "x", "label": "Thi", "max": "0.5", "rule": None}]},
    "duplicate item keys": {**CHECKLIST, "items": CHECKLIST["items"] * 2},
    "dotted item key": {**CHECKLIST, "items": [{**CHECKLIST["items"][0], "key": "a.b"}]},
    "count each not a number": {**COUNT, "items": [{**COUNT["items"][0], "each": "một"}]},
    "count cap above max": {**COUNT, "cap": "3"},
    "count without items": {**COUNT, "items": []},
    "conditional without if_false": {key: value for key, value in CONDITIONAL.items() if key != "if_false"},
    "conditional without condition": {**CONDITIONAL, "condition": None},
    "conditional branch above max": {**CONDITIONAL, "if_true": {**CHOICE, "options": [
        {"key": "done", "label": "Có", "score": "1"}]}},
    "manual step zero": {"kind": "manual", "step": "0"},
    "manual step finer than points": {"kind": "manual", "step": "0.0001"},
}


@pytest.mark.parametrize("rule", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_rule_is_refused(rule):
    with pytest.raises(RuleDefinitionError):
        validate_rule(rule, Decimal("0.5"))


def test_malformed_rule_is_refused_when_evaluated_too():
    with pytest.raises(RuleDefinitionError, match="0,5"):
        evaluate(MALFORMED["decimal comma in expr"], Decimal("0.5"), {"a": 1, "b": 1})


def test_dividing_by_a_constant_zero_is_a_rule_error_not_an_input_error():
    rule = {**RATIO, "expr": "b/(1 - 1)"}

    with pytest.raises(RuleDefinitionError):
        evaluate(rule, Decimal("0.5"), {"a": 1, "b": 1})


def test_rule_errors_are_value_errors_apart_from_input_errors():
    assert issubclass(RuleDefinitionError, ValueError)
    assert not issubclass(RuleDefinitionError, RuleInputError)


# -- absurdly large numbers ------------------------------------------------------------------

# Hải Phòng 2023, 1.5: 1 point per city-level initiative, 0,5 per base-level one, at most 3.
INITIATIVES = {"kind": "count", "cap": "3", "items": [
    {"input": "city", "label": "Mỗi sáng kiến, giải pháp cấp thành phố", "each": "1"},
    {"input": "base", "label": "Mỗi sáng kiến, giải pháp cấp cơ sở", "each": "0.5"},
]}


def test_a_count_too_large_to_calculate_with_is_refused_naming_the_input():
    with pytest.raises(RuleInputError) as error:
        evaluate(INITIATIVES, Decimal("3"), {"city": "1e1000000", "base": "0"})

    assert error.value.input_name == "city"
    assert str(error.value) == "“city” quá lớn."
    assert str(error.value) == TOO_LARGE % {"name": "city"}


def test_numbers_are_refused_from_ten_to_the_fifteenth():
    assert evaluate(RATIO, Decimal("0.5"), {"a": "999999999999999", "b": "999999999999999"}) == Decimal("0.5")

    assert str(_input_error({"a": "1000000000000000", "b": "1"})) == TOO_LARGE % {"name": "a"}


def test_an_overflow_between_inputs_is_an_input_error_on_the_first_input():
    # Each input is within bounds; only 100 divided by 10^-999999 is too large to calculate.
    unchecked_ratio = {key: value for key, value in RATIO.items() if key not in ("constraints", "zero")}

    error = _input_error({"a": "1e-999999", "b": "100"}, unchecked_ratio)

    assert error.input_name == "a"
    assert str(error) == NOT_A_NUMBER % {"name": "a"}
