"""``formula``: points computed by an expression, with an optional threshold below which a fixed score applies."""
from collections.abc import Mapping

from django.utils.translation import gettext as _

from ..points import format_points, parse_points
from .base import Kind, check, points_text, rule_number, rule_points
from .expressions import parse
from .measured import compute, expression, measured_fields, read_measured, validate_measured, zero_outcome, zero_texts


def validate(rule, max_points):
    names = validate_measured(rule)
    parse(rule.get("expr"), names)
    threshold = rule.get("threshold")
    if threshold is not None:
        check(isinstance(threshold, Mapping), f"ngưỡng không hợp lệ: {threshold!r}")
        parse(threshold.get("expr"), names)
        rule_number(threshold.get("below"), "ngưỡng")
        rule_points(threshold.get("score"), "điểm dưới ngưỡng", max_points)


def score(rule, max_points, reader):
    values = read_measured(rule, max_points, reader)
    if (decided := zero_outcome(rule, values, max_points)) is not None:
        return decided
    threshold = rule.get("threshold")
    # Compared at full precision: a ratio of exactly 0.8 is not below 0.8, one of 0.7999 is.
    if threshold and compute(threshold["expr"], values, reader) < parse_points(threshold["below"]):
        return parse_points(threshold["score"])
    return compute(rule["expr"], values, reader)


def describe(rule, max_points):
    parts = [_("Điểm = %(expr)s") % {"expr": expression(rule["expr"], rule)}]
    if threshold := rule.get("threshold"):
        parts.append(_("nếu %(expr)s < %(below)s thì %(score)s") % {
            "expr": expression(threshold["expr"], rule),
            "below": format_points(parse_points(threshold["below"])),
            "score": points_text(threshold["score"])})
    return "; ".join(parts + zero_texts(rule))


KIND = Kind(validate, score, measured_fields, describe)
