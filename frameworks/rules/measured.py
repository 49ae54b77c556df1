"""What formula and bands share: named inputs, constraints between them (or sums of them), and the zero clause."""
import operator
from collections.abc import Mapping
from decimal import Decimal

from django.utils.translation import gettext as _

from .base import NOT_ASSESSED, InputField, check, check_name
from .expressions import calculate, parse, render
from .messages import CONSTRAINT_BROKEN
from .reader import Reader

_COMPARISONS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}
_ZERO_OUTCOMES = ("full", "not_assessed", "zero")


def names(rule) -> frozenset:
    return frozenset(rule["inputs"]) | {"max"}


def validate_measured(rule) -> frozenset:
    """Check the inputs, constraints and zero clause; return the names an expression may use."""
    inputs = rule.get("inputs")
    check(isinstance(inputs, Mapping) and inputs, f"quy tắc cần “inputs”: {rule!r}")
    for name, wording in inputs.items():
        check_name(name, "tên đầu vào")
        check(isinstance(wording, str), f"“{name}” cần lời mô tả")
    for constraint in rule.get("constraints", []):
        check(isinstance(constraint, (list, tuple)) and len(constraint) == 3 and constraint[1] in _COMPARISONS,
              f"ràng buộc không hợp lệ: {constraint!r}")
        parse(constraint[0], inputs)  # either side an input or a sum of parts ("b+c")
        parse(constraint[2], inputs)
    zero = rule.get("zero")
    if zero is not None:
        check(isinstance(zero, Mapping) and zero.get("input") in inputs and zero.get("outcome") in _ZERO_OUTCOMES,
              f"mệnh đề “zero” không hợp lệ: {zero!r}")
    return names(rule)


def read_measured(rule, max_points: Decimal, reader: Reader) -> dict:
    """All inputs, checked against the constraints, plus ``max``."""
    values = {name: reader.number(name) for name in rule["inputs"]}
    for left, op, right in rule.get("constraints", []):
        if not _COMPARISONS[op](compute(left, values, reader), compute(right, values, reader)):
            # Named as the form shows them: "b", or "b + c" for a sum of parts.
            raise reader.error(render(parse(left, values)), CONSTRAINT_BROKEN[op], other=render(parse(right, values)))
    return values | {"max": max_points}


def zero_outcome(rule, values: Mapping, max_points: Decimal):
    """What the ``zero`` clause decides, or None when it does not apply."""
    zero = rule.get("zero")
    if zero is None or values[zero["input"]] != 0:
        return None
    return {"full": max_points, "not_assessed": NOT_ASSESSED, "zero": Decimal(0)}[zero["outcome"]]


def measured_fields(rule) -> list[InputField]:
    return [InputField(name, wording, "number") for name, wording in rule["inputs"].items()]


def zero_texts(rule) -> list[str]:
    zero = rule.get("zero")
    if zero is None:
        return []
    outcome = {"full": _("đạt điểm tối đa"), "not_assessed": _("không đánh giá"), "zero": _("0 điểm")}
    return [f"{zero['input']} = 0: {outcome[zero['outcome']]}"]


def compute(expr: str, values: Mapping, reader: Reader) -> Decimal:
    return calculate(parse(expr, values.keys()), values, reader)


def expression(expr: str, rule) -> str:
    return render(parse(expr, names(rule)))
