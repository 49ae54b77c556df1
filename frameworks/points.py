"""Points are Decimals with three places, as the official tables print them (``3.781``).

Every number of points in ParIndex goes through ``parse_points`` on the way in and
``quantize_points`` after arithmetic, so rounding happens in exactly one place.
"""
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

POINTS_PLACES = 3
POINTS_MAX_DIGITS = 7
_QUANTUM = Decimal(1).scaleb(-POINTS_PLACES)


class PointsParseError(ValueError):
    """Raised when a text is not a number of points (``1,5`` and ``1.5`` both are)."""


def quantize_points(value) -> Decimal:
    """Round to three places, half up, as the official score tables do."""
    if isinstance(value, float):
        raise TypeError("points are never floats; pass a Decimal, int or str")
    return Decimal(value).quantize(_QUANTUM, rounding=ROUND_HALF_UP)


def parse_points(text) -> Decimal:
    """Read ``1,5``, ``1.5``, ``2`` or a Decimal/int; refuse anything else.

    A comma is taken as the decimal separator (the Vietnamese way); a text with both a
    comma and a dot, or with letters, is refused rather than guessed at.
    """
    if isinstance(text, bool) or isinstance(text, float):
        raise PointsParseError(repr(text))
    if isinstance(text, (int, Decimal)):
        value = Decimal(text)
    else:
        cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "")
        if cleaned.count(",") + cleaned.count(".") > 1:
            raise PointsParseError(text)
        try:
            value = Decimal(cleaned.replace(",", "."))
        except InvalidOperation:
            raise PointsParseError(text) from None
    if not value.is_finite():
        raise PointsParseError(text)
    return value


def points_to_str(value: Decimal) -> str:
    """Canonical text for JSON and files: a dot, no trailing zeros (``1.5``, ``70``, ``3.781``)."""
    return format(quantize_points(value).normalize(), "f")


def format_points(value: Decimal) -> str:
    """Vietnamese display: decimal comma (``1,5``, ``70``, ``3,781``)."""
    return points_to_str(value).replace(".", ",")


def quantize_percent(value, places: int = 2) -> Decimal:
    """Round a percentage half up; two places by default, as official results print an index (``84.64`` %).

    Every percentage shown or exported (index, area share, progress) is rounded here, so a half never
    goes up on one page and to even on another.
    """
    if isinstance(value, float):
        raise TypeError("a percentage is never a float; pass a Decimal, int or str")
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
