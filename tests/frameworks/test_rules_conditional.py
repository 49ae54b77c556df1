"""Conditional rules: a condition selects one of two rules (seed 001, 5.5.2)."""
from decimal import Decimal

import pytest

from frameworks.rules import MISSING_INPUT, NOT_YES_NO, RuleInputError, describe, evaluate, input_fields

SORTED_SHARE = {"a": "số mét tài liệu tồn đọng", "b": "số mét tài liệu đã chỉnh lý"}


def _scale(top, upper, lower):
    return {
        "kind": "bands",
        "quote": "100%: … Từ 75% đến dưới 100%: … Từ 50% đến dưới 75%: … Dưới 50%: 0",
        "measure": "b/a*100",
        "inputs": SORTED_SHARE,
        "constraints": [["b", "<=", "a"]],
        "bands": [{"min": "100", "score": top}, {"min": "75", "score": upper}, {"min": "50", "score": lower},
                  {"score": "0"}],
    }


# 5.5.2 Kết quả chỉnh lý tài liệu tồn đọng, 0,8 point.
ARCHIVE_SORTING = {
    "kind": "conditional",
    "quote": "Trường hợp có văn bản thẩm định của Sở Nội vụ […] Trường hợp chưa có văn bản thẩm định […]",
    "inputs": {},
    "condition": {"input": "has_appraisal_letter", "label": "Có văn bản thẩm định của Sở Nội vụ"},
    "if_true": _scale("0.8", "0.6", "0.4"),
    "if_false": _scale("0.6", "0.4", "0.2"),
}

REPORTED = {
    "kind": "choice",
    "quote": "Có báo cáo: 0,8 Không báo cáo: 0",
    "options": [{"key": "yes", "label": "Có báo cáo", "score": "0.8"}, {"key": "no", "label": "Không", "score": "0"}],
}


def test_with_the_appraisal_letter_the_higher_scale_applies():
    inputs = {"has_appraisal_letter": True, "a": 100, "b": 80}

    assert evaluate(ARCHIVE_SORTING, Decimal("0.8"), inputs) == Decimal("0.6")


def test_without_the_appraisal_letter_the_lower_scale_applies():
    inputs = {"has_appraisal_letter": False, "a": 100, "b": 80}

    assert evaluate(ARCHIVE_SORTING, Decimal("0.8"), inputs) == Decimal("0.4")


def test_only_the_chosen_rule_needs_its_inputs():
    rule = {**ARCHIVE_SORTING, "if_false": REPORTED}

    assert evaluate(rule, Decimal("0.8"), {"has_appraisal_letter": False, "choice": "yes"}) == Decimal("0.8")
    assert evaluate(rule, Decimal("0.8"), {"has_appraisal_letter": True, "a": 10, "b": 10}) == Decimal("0.8")


def test_condition_must_be_answered():
    with pytest.raises(RuleInputError) as error:
        evaluate(ARCHIVE_SORTING, Decimal("0.8"), {"a": 100, "b": 80})

    assert error.value.input_name == "has_appraisal_letter"
    assert str(error.value) == MISSING_INPUT % {"name": "has_appraisal_letter"}


def test_condition_must_be_yes_or_no():
    with pytest.raises(RuleInputError) as error:
        evaluate(ARCHIVE_SORTING, Decimal("0.8"), {"has_appraisal_letter": "có", "a": 100, "b": 80})

    assert str(error.value) == NOT_YES_NO % {"name": "has_appraisal_letter"}


def test_fields_ask_the_condition_then_each_input_once():
    rule = {**ARCHIVE_SORTING, "if_false": REPORTED}

    assert [(f.name, f.type) for f in input_fields(rule)] == [
        ("has_appraisal_letter", "boolean"), ("a", "number"), ("b", "number"), ("choice", "choice"),
    ]


def test_description_gives_both_rules():
    rule = {**ARCHIVE_SORTING, "if_false": REPORTED}

    assert describe(rule, Decimal("0.8")) == (
        "Nếu “Có văn bản thẩm định của Sở Nội vụ”: Theo (b/a) × 100 — từ 100% trở lên: 0,8 điểm; "
        "từ 75% trở lên: 0,6 điểm; từ 50% trở lên: 0,4 điểm; còn lại: 0 điểm. "
        "Nếu không: Chọn một: Có báo cáo: 0,8 điểm; Không: 0 điểm"
    )


# Hải Phòng 2.1.1: "dưới 04 đề nghị … từ 05 đề nghị trở lên", asked as the number of proposals a.
BY_COUNT = {**ARCHIVE_SORTING, "condition": {"input": "a", "label": "Số đề nghị", "at_most": "4"},
            "if_true": REPORTED}


def test_a_count_condition_asks_for_the_number_and_compares_it_with_at_most():
    assert [(field.name, field.type) for field in input_fields(BY_COUNT)] == [("a", "count"), ("choice", "choice"),
                                                                             ("b", "number")]
    assert evaluate(BY_COUNT, Decimal("0.8"), {"a": 4, "choice": "yes"}) == Decimal("0.8")
    assert evaluate(BY_COUNT, Decimal("0.8"), {"a": 5, "b": 5}) == Decimal("0.6")
    assert describe(BY_COUNT, Decimal("0.8")).startswith("Nếu “Số đề nghị” không quá 4: Chọn một:")
