"""``manual`` (and a criterion with no rule): a score entered by hand, on a step."""
from decimal import Decimal

from django.utils.translation import gettext as _

from ..points import format_points, quantize_points
from .base import InputField, Kind, check, rule_number
from .messages import ABOVE_MAX, NOT_A_MULTIPLE

# A framework whose decision scores in quarters says so ("points_step": "0.25"); two places otherwise.
DEFAULT_STEP = "0.01"


def _step(rule) -> Decimal:
    return rule_number((rule or {}).get("step", DEFAULT_STEP), "bước")


def validate(rule, max_points):
    step = _step(rule)
    # A step finer than the 3 places points keep could never be met exactly.
    check(step > 0 and quantize_points(step) == step, f"bước không hợp lệ: {step}")


def score(rule, max_points, reader):
    # Entered by hand: refused rather than clamped, so the user sees the mistake.
    value = reader.number("value")
    if value > max_points:
        raise reader.error("value", ABOVE_MAX, max=format_points(max_points))
    step = _step(rule)
    if value % step:
        raise reader.error("value", NOT_A_MULTIPLE, step=format_points(step))
    return value


def fields(rule):
    return [InputField("value", _("Điểm"), "number")]


def describe(rule, max_points):
    return _("Chấm trực tiếp từ 0 đến %(max)s điểm, bước %(step)s") % {
        "max": format_points(max_points), "step": format_points(_step(rule))}


KIND = Kind(validate, score, fields, describe)
