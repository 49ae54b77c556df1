"""``conditional``: a condition chooses which of two rules scores the criterion.

The condition is a yes/no, or a count compared with ``at_most`` where the text sets cases by a number
("dưới 04 đề nghị … từ 05 trở lên"): asking for the number leaves no case for the user to misjudge.
"""
from collections.abc import Mapping

from django.utils.translation import gettext as _

from ..points import format_points, parse_points
from . import dispatch
from .base import InputField, Kind, check, check_label, check_name, rule_number


def validate(rule, max_points):
    condition = rule.get("condition")
    check(isinstance(condition, Mapping), f"quy tắc cần “condition”: {rule!r}")
    check_name(condition.get("input"), "tên điều kiện")
    check_label(condition)
    if "at_most" in condition:
        rule_number(condition["at_most"], "mức “at_most”")
    dispatch.validate_nested(rule.get("if_true"), max_points)
    dispatch.validate_nested(rule.get("if_false"), max_points)


def score(rule, max_points, reader):
    condition = rule["condition"]
    if "at_most" in condition:
        met = reader.number(condition["input"], whole=True) <= parse_points(condition["at_most"])
    else:
        met = reader.boolean(condition["input"])
    return dispatch.score(rule["if_true"] if met else rule["if_false"], max_points, reader)


def fields(rule):
    condition = rule["condition"]
    kind = "count" if "at_most" in condition else "boolean"
    asked = {condition["input"]: InputField(condition["input"], condition["label"], kind)}
    for field in dispatch.input_fields(rule["if_true"]) + dispatch.input_fields(rule["if_false"]):
        asked.setdefault(field.name, field)  # both rules often ask for the same a and b
    return list(asked.values())


def describe(rule, max_points):
    condition = rule["condition"]
    if "at_most" in condition:
        text = _("Nếu “%(condition)s” không quá %(at_most)s: %(if_true)s. Nếu nhiều hơn: %(if_false)s")
    else:
        text = _("Nếu “%(condition)s”: %(if_true)s. Nếu không: %(if_false)s")
    return text % {
        "condition": condition["label"],
        "at_most": format_points(parse_points(condition.get("at_most", 0))),
        "if_true": dispatch.describe(rule["if_true"], max_points),
        "if_false": dispatch.describe(rule["if_false"], max_points)}


KIND = Kind(validate, score, fields, describe)
