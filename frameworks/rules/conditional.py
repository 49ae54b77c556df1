"""``conditional``: a yes/no condition chooses which of two rules scores the criterion."""
from collections.abc import Mapping

from django.utils.translation import gettext as _

from . import dispatch
from .base import InputField, Kind, check, check_label, check_name


def validate(rule, max_points):
    condition = rule.get("condition")
    check(isinstance(condition, Mapping), f"quy tắc cần “condition”: {rule!r}")
    check_name(condition.get("input"), "tên điều kiện")
    check_label(condition)
    dispatch.validate_nested(rule.get("if_true"), max_points)
    dispatch.validate_nested(rule.get("if_false"), max_points)


def score(rule, max_points, reader):
    chosen = rule["if_true"] if reader.boolean(rule["condition"]["input"]) else rule["if_false"]
    return dispatch.score(chosen, max_points, reader)


def fields(rule):
    condition = rule["condition"]
    asked = {condition["input"]: InputField(condition["input"], condition["label"], "boolean")}
    for field in dispatch.input_fields(rule["if_true"]) + dispatch.input_fields(rule["if_false"]):
        asked.setdefault(field.name, field)  # both rules often ask for the same a and b
    return list(asked.values())


def describe(rule, max_points):
    return _("Nếu “%(condition)s”: %(if_true)s. Nếu không: %(if_false)s") % {
        "condition": rule["condition"]["label"],
        "if_true": dispatch.describe(rule["if_true"], max_points),
        "if_false": dispatch.describe(rule["if_false"], max_points)}


KIND = Kind(validate, score, fields, describe)
