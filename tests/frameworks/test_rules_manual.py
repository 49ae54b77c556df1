"""Manual rules (and no rule at all): the score is entered by hand, within [0, max] and on the step."""
from decimal import Decimal

import pytest

from frameworks.rules import (
    ABOVE_MAX, NEGATIVE, NOT_A_MULTIPLE, RuleInputError, describe, evaluate, input_fields,
)

QUARTERS = {"kind": "manual", "quote": "", "step": "0.25"}


def _refusal(rule, max_points, value):
    with pytest.raises(RuleInputError) as error:
        evaluate(rule, Decimal(max_points), {"value": value})
    assert error.value.input_name == "value"
    return str(error.value)


def test_no_rule_takes_the_entered_value():
    assert evaluate(None, Decimal("1.5"), {"value": "1,25"}) == Decimal("1.25")


@pytest.mark.parametrize("value", ["0", "0.75", "1.5"])
def test_value_on_the_step_is_kept(value):
    assert evaluate(QUARTERS, Decimal("1.5"), {"value": value}) == Decimal(value)


def test_value_off_the_step_is_refused():
    assert _refusal(QUARTERS, "1.5", "0.3") == "“Điểm” phải là bội số của 0,25."
    assert _refusal(QUARTERS, "1.5", "0.3") == NOT_A_MULTIPLE % {"name": "Điểm", "step": "0,25"}


def test_default_step_refuses_a_third_decimal():
    assert _refusal({"kind": "manual"}, "1", "0.125") == NOT_A_MULTIPLE % {"name": "Điểm", "step": "0,01"}


def test_value_above_max_is_refused_not_clamped():
    assert _refusal(None, "1.5", "1.6") == "“Điểm” không được lớn hơn điểm tối đa 1,5."
    assert _refusal(None, "1.5", "1.6") == ABOVE_MAX % {"name": "Điểm", "max": "1,5"}


def test_negative_value_is_refused():
    assert _refusal(None, "1.5", "-0.5") == NEGATIVE % {"name": "Điểm"}


def test_field_asks_for_the_points():
    assert [(f.name, f.type) for f in input_fields(None)] == [("value", "number")]


def test_description_gives_range_and_step():
    assert describe(QUARTERS, Decimal("1.5")) == "Chấm trực tiếp từ 0 đến 1,5 điểm, bước 0,25"
