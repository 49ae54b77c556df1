"""Checklist rules: ticked items add up, an item may carry its own formula (seed 001, 1.4.2)."""
from decimal import Decimal

import pytest

from frameworks.rules import (
    CONSTRAINT_BROKEN, MISSING_INPUT, NOT_YES_NO, RuleInputError, describe, evaluate, input_fields,
)

CONTEST = {
    "kind": "formula",
    "quote": "tính theo công thức: (b/a × 0,5)",
    "expr": "b/a*0.5",
    "inputs": {"a": "tổng số cán bộ, công chức, viên chức có mặt", "b": "tổng số người dự thi"},
    "constraints": [["b", "<=", "a"]],
}

# 1.4.2 Đảm bảo đủ các hình thức tuyên truyền, 1,4 points.
PROPAGANDA = {
    "kind": "checklist",
    "quote": "(1) Đăng thông tin trên phương tiện thông tin đại chúng […]: 0,25 điểm […]",
    "inputs": {},
    "items": [
        {"key": "media", "label": "Đăng thông tin trên phương tiện thông tin đại chúng", "score": "0.25"},
        {"key": "meetings", "label": "Tổ chức hội nghị, hội thảo, tập huấn chuyên đề", "score": "0.25"},
        {"key": "portal", "label": "Đăng thông tin trên Cổng Thông tin điện tử của đơn vị", "score": "0.25"},
        {"key": "social", "label": "Đăng tải trên các tài khoản mạng xã hội", "score": "0.15"},
        {"key": "contest", "label": "Tham gia cuộc thi tìm hiểu CCHC", "max": "0.5", "rule": CONTEST},
    ],
}

NOTHING_DONE = {"media": False, "meetings": False, "portal": False, "social": False, "contest": {"a": 40, "b": 0}}


def test_ticked_items_add_their_points():
    inputs = {**NOTHING_DONE, "media": True, "portal": True}

    assert evaluate(PROPAGANDA, Decimal("1.4"), inputs) == Decimal("0.5")


def test_item_with_a_formula_adds_its_result():
    inputs = {"media": True, "meetings": True, "portal": True, "social": True, "contest": {"a": 40, "b": 30}}

    assert evaluate(PROPAGANDA, Decimal("1.4"), inputs) == Decimal("1.275")


def test_nothing_ticked_scores_zero():
    assert evaluate(PROPAGANDA, Decimal("1.4"), NOTHING_DONE) == Decimal("0")


def test_item_formula_is_clamped_to_the_item_max():
    rule = {**PROPAGANDA, "items": [{**PROPAGANDA["items"][4], "rule": {**CONTEST, "expr": "b/a", "constraints": []}}]}

    assert evaluate(rule, Decimal("1.4"), {"contest": {"a": 10, "b": 9}}) == Decimal("0.5")


def test_total_is_capped_at_max():
    rule = {**PROPAGANDA, "items": PROPAGANDA["items"][:3]}

    assert evaluate(rule, Decimal("0.5"), {"media": True, "meetings": True, "portal": True}) == Decimal("0.5")


def test_item_not_assessed_counts_as_zero():
    contest = {**CONTEST, "zero": {"input": "a", "outcome": "not_assessed"}}
    rule = {**PROPAGANDA, "items": [*PROPAGANDA["items"][:4], {**PROPAGANDA["items"][4], "rule": contest}]}
    inputs = {**NOTHING_DONE, "media": True, "contest": {"a": 0, "b": 0}}

    assert evaluate(rule, Decimal("1.4"), inputs) == Decimal("0.25")


def test_error_in_an_item_formula_names_the_dotted_input():
    with pytest.raises(RuleInputError) as error:
        evaluate(PROPAGANDA, Decimal("1.4"), {**NOTHING_DONE, "contest": {"a": 10, "b": 12}})

    assert error.value.input_name == "contest.b"
    assert str(error.value) == "“contest.b” không được lớn hơn “contest.a”."
    assert str(error.value) == CONSTRAINT_BROKEN["<="] % {"name": "contest.b", "other": "contest.a"}


def test_missing_item_formula_inputs_are_refused():
    with pytest.raises(RuleInputError) as error:
        evaluate(PROPAGANDA, Decimal("1.4"), {**NOTHING_DONE, "contest": {"a": 10}})

    assert str(error.value) == MISSING_INPUT % {"name": "contest.b"}


def test_unanswered_item_is_refused_rather_than_taken_as_unticked():
    inputs = {key: value for key, value in NOTHING_DONE.items() if key != "social"}

    with pytest.raises(RuleInputError) as error:
        evaluate(PROPAGANDA, Decimal("1.4"), inputs)

    assert str(error.value) == MISSING_INPUT % {"name": "social"}


def test_item_answer_must_be_yes_or_no():
    with pytest.raises(RuleInputError) as error:
        evaluate(PROPAGANDA, Decimal("1.4"), {**NOTHING_DONE, "media": "yes"})

    assert error.value.input_name == "media"
    assert str(error.value) == NOT_YES_NO % {"name": "media"}


def test_fields_flatten_item_formulas_with_dotted_names():
    fields = input_fields(PROPAGANDA)

    assert [(f.name, f.type, f.group) for f in fields] == [
        ("media", "boolean", ""),
        ("meetings", "boolean", ""),
        ("portal", "boolean", ""),
        ("social", "boolean", ""),
        ("contest.a", "number", "Tham gia cuộc thi tìm hiểu CCHC"),
        ("contest.b", "number", "Tham gia cuộc thi tìm hiểu CCHC"),
    ]
    assert fields[5].label == "tổng số người dự thi"


def test_description_lists_items_and_the_item_formula():
    rule = {**PROPAGANDA, "items": [PROPAGANDA["items"][0], PROPAGANDA["items"][4]]}

    assert describe(rule, Decimal("1.4")) == (
        "Cộng điểm các mục đạt, tối đa 1,4 điểm: "
        "Đăng thông tin trên phương tiện thông tin đại chúng: 0,25 điểm; "
        "Tham gia cuộc thi tìm hiểu CCHC: Điểm = (b/a) × 0,5"
    )
