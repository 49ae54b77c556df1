"""The input reader: every kind reads and checks its inputs through ``Reader``."""
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ..points import PointsParseError, parse_points
from .base import RuleInputError
from .messages import MISSING_INPUT, NEGATIVE, NOT_A_NUMBER, NOT_WHOLE, NOT_YES_NO, TOO_LARGE

# No count, score or sum of đồng a unit reports comes near 10^15 (a million billion đồng, about the
# whole country's yearly budget revenue); "1e1000000" would overflow the arithmetic instead.
_TOO_LARGE = Decimal("1e15")


@dataclass(frozen=True)
class Reader:
    """Reads and checks the inputs of one rule."""

    values: Mapping
    prefix: str = ""  # "x." inside checklist item x, so errors name the input the form shows

    def error(self, name: str, message, **params) -> RuleInputError:
        if "other" in params:
            params["other"] = self.prefix + params["other"]
        # A hand-entered score is shown to people as "Điểm", not by its key.
        shown = _("Điểm") if name == "value" and not self.prefix else self.prefix + name
        return RuleInputError(self.prefix + name, message % {"name": shown, **params})

    def given(self, name: str):
        raw = self.values.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raise self.error(name, MISSING_INPUT)
        return raw

    def number(self, name: str, *, whole: bool = False) -> Decimal:
        try:
            value = parse_points(self.given(name))
        except PointsParseError:
            raise self.error(name, NOT_A_NUMBER) from None
        if value < 0:
            raise self.error(name, NEGATIVE)
        if value >= _TOO_LARGE:
            raise self.error(name, TOO_LARGE)
        if whole and value != value.to_integral_value():
            raise self.error(name, NOT_WHOLE)
        return value

    def boolean(self, name: str) -> bool:
        value = self.given(name)
        if not isinstance(value, bool):
            raise self.error(name, NOT_YES_NO)
        return value

    def nested(self, name: str) -> "Reader":
        values = self.given(name)
        if not isinstance(values, Mapping):
            raise self.error(name, MISSING_INPUT)
        return Reader(values, f"{self.prefix}{name}.")
