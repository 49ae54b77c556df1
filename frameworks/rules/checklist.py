"""``checklist``: the points of every item met, an item being a yes/no or a rule of its own."""
from dataclasses import replace
from decimal import Decimal

from django.utils.translation import gettext as _

from ..points import parse_points
from . import dispatch
from .base import (
    NOT_ASSESSED, InputField, Kind, check, check_label, check_list, check_name, check_unique, points_text, rule_points,
)


def validate(rule, max_points):
    items = check_list(rule, "items")
    for item in items:
        check_name(item.get("key"), "khóa mục")
        check_label(item)
        check(("score" in item) != ("rule" in item), f"mục “{item['key']}” cần “score” hoặc “rule”, không cả hai")
        if "rule" in item:
            item_max = rule_points(item.get("max"), f"điểm tối đa của mục “{item['key']}”", max_points)
            dispatch.validate_nested(item["rule"], item_max)
        else:
            rule_points(item["score"], f"điểm của mục “{item['key']}”", max_points)
    check_unique([item["key"] for item in items], "khóa mục")


def score(rule, max_points, reader):
    total = Decimal(0)
    for item in rule["items"]:
        if "rule" not in item:
            total += parse_points(item["score"]) if reader.boolean(item["key"]) else 0
            continue
        points = dispatch.clamped(item["rule"], parse_points(item["max"]), reader.nested(item["key"]))
        # An item whose own rule says "không đánh giá" earns 0: the checklist keeps its one maximum,
        # and the official texts only ever leave out a whole criterion, never part of one.
        total += 0 if points is NOT_ASSESSED else points
    return total


def fields(rule):
    asked = []
    for item in rule["items"]:
        if "rule" not in item:
            asked.append(InputField(item["key"], item["label"], "boolean"))
            continue
        asked.extend(replace(field, name=f"{item['key']}.{field.name}", group=field.group or item["label"])
                     for field in dispatch.input_fields(item["rule"]))
    return asked


def describe(rule, max_points):
    items = [
        f"{item['label']}: {points_text(item['score'])}" if "rule" not in item
        else f"{item['label']}: {dispatch.describe(item['rule'], parse_points(item['max']))}"
        for item in rule["items"]
    ]
    return _("Cộng điểm các mục đạt, tối đa %(max)s: %(items)s") % {
        "max": points_text(max_points), "items": "; ".join(items)}


KIND = Kind(validate, score, fields, describe)
