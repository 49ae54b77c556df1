"""Scoring rules: evaluate a criterion's declarative rule (``fixtures/frameworks/FORMAT.md``, RULE).

Plain Python on plain data, no database: Decimal in, Decimal out. ``evaluate`` checks the rule, reads
the inputs, and returns the points clamped to [0, max] and quantized once (``quantize_points``), or
``NOT_ASSESSED`` when the criterion is "không đánh giá".

The package: ``expressions`` (the AST-whitelisted expression compiler), ``reader`` (reads and checks
inputs), ``messages`` (what the user is told), ``base`` (shared types and definition checks),
``dispatch`` (from a rule to its kind), ``measured`` (what formula and bands share), and one module
per kind. Callers use only the names below: ``from frameworks import rules``.
"""
from collections.abc import Mapping
from decimal import Context, Decimal, localcontext

from ..points import parse_points, points_to_str, quantize_points
from . import bands, checklist, choice, conditional, count, formula, manual
from .base import NOT_ASSESSED, InputField, RuleDefinitionError, RuleInputError, _NotAssessed
from .dispatch import KINDS, applies_only, clamped, describe, input_fields, validate_rule
from .manual import DEFAULT_STEP
from .messages import (
    ABOVE_MAX, CONSTRAINT_BROKEN, MISSING_INPUT, NEGATIVE, NOT_A_MULTIPLE, NOT_A_NUMBER, NOT_WHOLE, NOT_YES_NO,
    TOO_LARGE, UNKNOWN_CHOICE, ZERO_DENOMINATOR,
)
from .reader import Reader

__all__ = [
    "evaluate", "validate_rule", "applies_only", "input_fields", "describe", "with_step", "DEFAULT_STEP",
    "NOT_ASSESSED", "InputField", "RuleDefinitionError", "RuleInputError",
    "ABOVE_MAX", "CONSTRAINT_BROKEN", "MISSING_INPUT", "NEGATIVE", "NOT_A_MULTIPLE", "NOT_A_NUMBER", "NOT_WHOLE",
    "NOT_YES_NO", "TOO_LARGE", "UNKNOWN_CHOICE", "ZERO_DENOMINATOR",
]

KINDS.update({
    "manual": manual.KIND,
    "formula": formula.KIND,
    "bands": bands.KIND,
    "choice": choice.KIND,
    "checklist": checklist.KIND,
    "count": count.KIND,
    "conditional": conditional.KIND,
})

# Independent of whatever context the caller set: 40 digits keep ratios exact far beyond 3 places.
_ARITHMETIC = Context(prec=40)


def with_step(rule: dict | None, step) -> dict:
    """``rule`` with ``step`` for every hand-typed part that sets none (no rule at all is typed by hand)."""
    if rule is None:
        return {"kind": "manual", "step": points_to_str(parse_points(step))}
    match rule.get("kind"):
        case "manual" if "step" not in rule:
            return {**rule, "step": points_to_str(parse_points(step))}
        case "conditional":
            return {**rule, "if_true": with_step(rule["if_true"], step), "if_false": with_step(rule["if_false"], step)}
        case "checklist":
            return {**rule, "items": [{**item, "rule": with_step(item["rule"], step)} if "rule" in item else item
                                      for item in rule["items"]]}
    return rule


def evaluate(rule: dict | None, max_points: Decimal, inputs: Mapping) -> Decimal | _NotAssessed:
    """Score ``inputs`` by ``rule`` (None: entered by hand as ``{"value": ...}``).

    Inputs that pass every check can still overflow together (1 divided by 0,000…1): such an
    ``ArithmeticError`` is reported as ``NOT_A_NUMBER`` on the rule's first input, the first one
    its form shows, rather than tracing which input caused it.
    """
    max_points = parse_points(max_points)
    validate_rule(rule, max_points)
    reader = Reader(inputs)
    with localcontext(_ARITHMETIC):
        try:
            points = clamped(rule, max_points, reader)
            return points if points is NOT_ASSESSED else quantize_points(points)
        except ArithmeticError:
            raise reader.error(input_fields(rule)[0].name, NOT_A_NUMBER) from None
