"""``count``: so many points for each thing counted, up to a cap."""
from decimal import Decimal

from django.utils.translation import gettext as _

from ..points import parse_points
from .base import InputField, Kind, check_label, check_list, check_name, check_unique, points_text, rule_points


def validate(rule, max_points):
    items = check_list(rule, "items")
    for item in items:
        check_name(item.get("input"), "tên đầu vào")
        check_label(item)
        rule_points(item.get("each"), f"điểm mỗi “{item['input']}”", max_points)
    check_unique([item["input"] for item in items], "tên đầu vào")
    if "cap" in rule:
        rule_points(rule["cap"], "mức trần", max_points)


def score(rule, max_points, reader):
    total = sum((parse_points(item["each"]) * reader.number(item["input"], whole=True) for item in rule["items"]),
                Decimal(0))
    return min(total, parse_points(rule.get("cap", max_points)))


def fields(rule):
    return [InputField(item["input"], item["label"], "count") for item in rule["items"]]


def describe(rule, max_points):
    items = [f"{item['label']}: {points_text(item['each'])}" for item in rule["items"]]
    cap = points_text(rule.get("cap", max_points))
    return _("%(items)s; tối đa %(cap)s") % {"items": "; ".join(items), "cap": cap}


KIND = Kind(validate, score, fields, describe)
