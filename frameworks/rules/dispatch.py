"""From a rule to its kind: the registry, and the dispatching functions composite kinds recurse through.

``KINDS`` is filled by ``frameworks/rules/__init__.py`` once every kind module is imported, so a kind
module can import this one without an import cycle.
"""
from collections.abc import Mapping
from decimal import Decimal

from ..points import parse_points
from .base import NOT_ASSESSED, InputField, Kind, RuleDefinitionError, check
from .reader import Reader

KINDS: dict[str, Kind] = {}


def kind_of(rule) -> str:
    if rule is None:
        return "manual"
    if not isinstance(rule, Mapping) or rule.get("kind") not in KINDS:
        raise RuleDefinitionError(f"loại quy tắc không hợp lệ: {rule!r}")
    return rule["kind"]


def validate_rule(rule: dict | None, max_points: Decimal) -> None:
    """Raise ``RuleDefinitionError`` unless ``rule`` can be evaluated on a criterion worth ``max_points``."""
    KINDS[kind_of(rule)].validate(rule, parse_points(max_points))
    if rule is not None and "applies_only" in rule:
        condition = rule["applies_only"]
        check(isinstance(condition, str) and condition.strip(), f"applies_only phải là đoạn văn bản: {condition!r}")


def applies_only(rule: dict | None) -> str:
    """The framework's wording where a criterion applies to some units only ("" for every unit):
    a unit it does not apply to marks it "không đánh giá"."""
    return (rule or {}).get("applies_only", "")


def input_fields(rule: dict | None) -> list[InputField]:
    """The answers a form should ask for, in the rule's order. ``rule`` must be valid."""
    return KINDS[kind_of(rule)].fields(rule)


def describe(rule: dict | None, max_points: Decimal) -> str:
    """The rule in plain Vietnamese, numbers with a decimal comma. ``rule`` must be valid."""
    return KINDS[kind_of(rule)].describe(rule, parse_points(max_points))


def score(rule, max_points: Decimal, reader: Reader):
    return KINDS[kind_of(rule)].score(rule, max_points, reader)


def clamped(rule, max_points: Decimal, reader: Reader):
    points = score(rule, max_points, reader)
    return points if points is NOT_ASSESSED else min(max(points, Decimal(0)), max_points)


def validate_nested(rule, max_points: Decimal) -> None:
    # Only a whole criterion may be "manual" by having no rule; a nested rule is always spelled out.
    check(isinstance(rule, Mapping), f"quy tắc con phải là một đối tượng: {rule!r}")
    validate_rule(rule, max_points)
