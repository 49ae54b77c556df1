"""``choice``: one of a list of outcomes, each worth its own points; a single outcome asks nothing."""
from django.utils.translation import gettext as _

from ..points import parse_points
from .base import InputField, Kind, check, check_label, check_list, check_unique, points_text, rule_points
from .messages import UNKNOWN_CHOICE


def validate(rule, max_points):
    options = check_list(rule, "options")
    for option in options:
        check(isinstance(option.get("key"), str) and option["key"], f"lựa chọn cần “key”: {option!r}")
        check_label(option)
        rule_points(option.get("score"), f"điểm của lựa chọn “{option['key']}”", max_points)
    check_unique([option["key"] for option in options], "khóa lựa chọn")


def score(rule, max_points, reader):
    if len(rule["options"]) == 1:  # one outcome ("thì đạt điểm tuyệt đối"): nothing to choose
        return parse_points(rule["options"][0]["score"])
    key = reader.given("choice")
    for option in rule["options"]:
        if option["key"] == key:
            return parse_points(option["score"])
    raise reader.error("choice", UNKNOWN_CHOICE, value=key)


def fields(rule):
    if len(rule["options"]) == 1:
        return []
    options = tuple((o["key"], o["label"], parse_points(o["score"])) for o in rule["options"])
    return [InputField("choice", _("Kết quả"), "choice", options)]


def describe(rule, max_points):
    if len(rule["options"]) == 1:
        return points_text(rule["options"][0]["score"])
    return _("Chọn một: %(options)s") % {
        "options": "; ".join(f"{o['label']}: {points_text(o['score'])}" for o in rule["options"])}


KIND = Kind(validate, score, fields, describe)
