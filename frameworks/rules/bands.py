"""``bands``: a measure compared with descending minimums; the first band it reaches gives the points."""
from decimal import Decimal

from django.utils.translation import gettext as _

from ..points import format_points, parse_points
from .base import Kind, check, check_list, points_text, rule_number, rule_points
from .expressions import parse
from .measured import compute, expression, measured_fields, read_measured, validate_measured, zero_outcome, zero_texts


def validate(rule, max_points):
    parse(rule.get("measure"), validate_measured(rule))
    bands = check_list(rule, "bands")
    for band in bands:
        rule_points(band.get("score"), "điểm của khoảng", max_points)
    mins = [rule_number(band["min"], "mức tối thiểu") for band in bands if "min" in band]
    check(all("min" in band for band in bands[:-1]), "chỉ khoảng cuối cùng được bỏ “min”")
    # First match wins, so a lower min before a higher one would hide the higher band.
    check(all(a > b for a, b in zip(mins, mins[1:])), f"các mức “min” phải giảm dần: {mins}")


def score(rule, max_points, reader):
    values = read_measured(rule, max_points, reader)
    if (decided := zero_outcome(rule, values, max_points)) is not None:
        return decided
    measure = compute(rule["measure"], values, reader)
    for band in rule["bands"]:
        if "min" not in band or parse_points(band["min"]) <= measure:
            return parse_points(band["score"])
    return Decimal(0)


def describe(rule, max_points):
    # A measure written as a percentage ("b/a*100") reads best with its unit after each threshold.
    unit = "%" if rule["measure"].replace(" ", "").endswith("*100") else ""
    bands = [
        (_("từ %(min)s trở lên: %(score)s") % {"min": format_points(parse_points(band["min"])) + unit,
                                               "score": points_text(band["score"])})
        if "min" in band else _("còn lại: %(score)s") % {"score": points_text(band["score"])}
        for band in rule["bands"]
    ]
    return _("Theo %(measure)s — %(bands)s") % {
        "measure": expression(rule["measure"], rule), "bands": "; ".join(bands + zero_texts(rule))}


KIND = Kind(validate, score, measured_fields, describe)
