"""Choice rules: one outcome among those listed (seed 001, 3.3.1)."""
from decimal import Decimal

import pytest

from frameworks.rules import MISSING_INPUT, UNKNOWN_CHOICE, RuleInputError, describe, evaluate, input_fields

# 3.3.1 Trình công bố danh mục TTHC, 0,5 point.
PUBLISHED_LIST = {
    "kind": "choice",
    "quote": "Đầy đủ, kịp thời theo quy định: 0,5 Đầy đủ nhưng không kịp thời theo quy định: 0,25 "
             "Không đầy đủ, không kịp thời theo quy định: 0",
    "inputs": {},
    "options": [
        {"key": "full_on_time", "label": "Đầy đủ, kịp thời theo quy định", "score": "0.5"},
        {"key": "full_late", "label": "Đầy đủ nhưng không kịp thời theo quy định", "score": "0.25"},
        {"key": "incomplete", "label": "Không đầy đủ, không kịp thời theo quy định", "score": "0"},
    ],
}


@pytest.mark.parametrize(("choice", "points"), [("full_on_time", "0.5"), ("full_late", "0.25"), ("incomplete", "0")])
def test_each_outcome_scores_its_listed_points(choice, points):
    assert evaluate(PUBLISHED_LIST, Decimal("0.5"), {"choice": choice}) == Decimal(points)


def test_unknown_choice_is_refused():
    with pytest.raises(RuleInputError) as error:
        evaluate(PUBLISHED_LIST, Decimal("0.5"), {"choice": "late"})

    assert error.value.input_name == "choice"
    assert str(error.value) == "“late” không phải là một lựa chọn của “choice”."
    assert str(error.value) == UNKNOWN_CHOICE % {"name": "choice", "value": "late"}


def test_missing_choice_is_refused():
    with pytest.raises(RuleInputError) as error:
        evaluate(PUBLISHED_LIST, Decimal("0.5"), {})

    assert str(error.value) == MISSING_INPUT % {"name": "choice"}


def test_field_offers_every_outcome_with_its_points():
    [field] = input_fields(PUBLISHED_LIST)

    assert (field.name, field.type) == ("choice", "choice")
    assert field.options == (
        ("full_on_time", "Đầy đủ, kịp thời theo quy định", Decimal("0.5")),
        ("full_late", "Đầy đủ nhưng không kịp thời theo quy định", Decimal("0.25")),
        ("incomplete", "Không đầy đủ, không kịp thời theo quy định", Decimal("0")),
    )


def test_description_lists_the_outcomes():
    assert describe(PUBLISHED_LIST, Decimal("0.5")) == (
        "Chọn một: Đầy đủ, kịp thời theo quy định: 0,5 điểm; "
        "Đầy đủ nhưng không kịp thời theo quy định: 0,25 điểm; "
        "Không đầy đủ, không kịp thời theo quy định: 0 điểm"
    )


# Hoàng Mai department 7.1.4, the branch "những phòng chuyên môn không có TTHC thì đạt điểm tuyệt đối".
FULL_MARKS = {"kind": "choice", "quote": "thì đạt điểm tuyệt đối", "inputs": {},
              "options": [{"key": "full", "label": "Đạt điểm tuyệt đối", "score": "2"}]}


def test_a_single_outcome_asks_nothing_and_gives_its_points():
    assert input_fields(FULL_MARKS) == []
    assert evaluate(FULL_MARKS, Decimal("2"), {}) == Decimal("2")
    assert describe(FULL_MARKS, Decimal("2")) == "2 điểm"
