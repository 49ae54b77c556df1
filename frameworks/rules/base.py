"""What every rule kind shares: the "không đánh giá" marker, the two errors, the form fields a kind
asks for, the ``Kind`` a module registers, and the checks that refuse a malformed rule definition."""
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext as _

from ..points import PointsParseError, format_points, parse_points


class _NotAssessed:
    """The criterion is "không đánh giá": it leaves both the achieved and the maximum points."""

    def __repr__(self):
        return "NOT_ASSESSED"

    def __str__(self):
        return "not assessed"


NOT_ASSESSED = _NotAssessed()


class RuleDefinitionError(ValueError):
    """A rule in a fixture is malformed; the message is for whoever edits the fixture."""


class RuleInputError(ValueError):
    """An input cannot be scored; ``input_name`` says which one (``x.b`` inside checklist item ``x``)."""

    def __init__(self, input_name: str, message: str):
        super().__init__(message)
        self.input_name = input_name


@dataclass(frozen=True)
class InputField:
    """One answer a form should ask for.

    ``type`` is "number", "count" (a whole number), "boolean" or "choice" (then ``options`` holds
    ``(key, label, score)``). A dotted name ``x.b`` is input ``b`` of checklist item ``x``: it goes
    into ``inputs["x"]["b"]``, and ``group`` holds that item's label.
    """

    name: str
    label: str
    type: str
    options: tuple = ()
    group: str = ""


class Kind(NamedTuple):
    """The four things a rule kind knows: ``validate(rule, max_points)``, ``score(rule, max_points,
    reader)`` (before clamping and quantizing), ``fields(rule)`` and ``describe(rule, max_points)``."""

    validate: Callable
    score: Callable
    fields: Callable
    describe: Callable


# -- checks on a rule definition --------------------------------------------------------------


def check(condition, problem: str) -> None:
    if not condition:
        raise RuleDefinitionError(problem)


def rule_number(value, what: str) -> Decimal:
    try:
        return parse_points(value)
    except PointsParseError:
        raise RuleDefinitionError(f"{what} không phải là số: {value!r}") from None


def rule_points(value, what: str, max_points: Decimal) -> Decimal:
    points = rule_number(value, what)
    check(0 <= points <= max_points, f"{what} {value!r} nằm ngoài [0, {max_points}]")
    return points


def check_name(name, what: str) -> None:
    check(isinstance(name, str) and name.isidentifier() and name != "max", f"{what} không hợp lệ: {name!r}")


def check_label(item: Mapping, key: str = "label") -> None:
    check(isinstance(item.get(key), str), f"thiếu nhãn “{key}”: {item!r}")


def check_list(rule: Mapping, key: str) -> list:
    entries = rule.get(key)
    check(isinstance(entries, list) and entries and all(isinstance(e, Mapping) for e in entries),
          f"“{key}” phải là danh sách không rỗng: {entries!r}")
    return entries


def check_unique(names: list, what: str) -> None:
    check(len(set(names)) == len(names), f"{what} bị trùng: {names!r}")


# -- descriptions -----------------------------------------------------------------------------


def points_text(value) -> str:
    return _("%(points)s điểm") % {"points": format_points(parse_points(value))}
