"""Parsing of the what-if page's query (nothing there is saved, so it is a GET form) into plain values."""
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from frameworks.points import PointsParseError, parse_points

from .simulator import SimulationError, change_value, checked_points

# A leaf's hypothetical score is posted as ``d-<code>``: blank keeps the figure that counts now.
CHANGE_PREFIX = "d-"
RANK_FIELD, INDEX_FIELD = "hang", "chi-so"
NOT_A_RANK = _("Thứ hạng mục tiêu «%(value)s» phải là một số nguyên (ví dụ 3).")
NOT_AN_INDEX = _("Chỉ số mục tiêu «%(value)s» phải là một số (ví dụ 85,5).")
ONE_TARGET = _("Chọn một mục tiêu: thứ hạng hoặc Chỉ số, không cả hai.")


@dataclass
class WhatIfQuery:
    typed: dict = field(default_factory=dict)  # code -> the text as typed, to show it back
    changes: dict = field(default_factory=dict)  # code -> Decimal or MAX, only those without a problem
    errors: list = field(default_factory=list)  # every problem, each naming its criterion


def what_if_query(query, basis) -> WhatIfQuery:
    parsed = WhatIfQuery()
    for leaf_code in basis.leaves:
        text = query.get(CHANGE_PREFIX + leaf_code, "").strip()[:20]
        if not text:
            continue
        parsed.typed[leaf_code] = text
        try:
            value = change_value(leaf_code, text)
            checked_points(basis.leaves, leaf_code, value)
        except SimulationError as error:
            parsed.errors.append(str(error))
        else:
            parsed.changes[leaf_code] = value
    return parsed


@dataclass
class TargetQuery:
    rank_text: str = ""  # as typed, to show it back
    index_text: str = ""
    rank: int | None = None
    index: Decimal | None = None
    error: str = ""

    @property
    def given(self) -> bool:
        return self.rank is not None or self.index is not None


def target_query(query) -> TargetQuery:
    typed = TargetQuery(query.get(RANK_FIELD, "").strip()[:20], query.get(INDEX_FIELD, "").strip()[:20])
    if typed.rank_text and typed.index_text:
        typed.error = str(ONE_TARGET)
    elif typed.rank_text:
        if typed.rank_text.isascii() and typed.rank_text.isdigit():
            typed.rank = int(typed.rank_text)
        else:
            typed.error = str(NOT_A_RANK % {"value": typed.rank_text})
    elif typed.index_text:
        try:
            typed.index = parse_points(typed.index_text)
        except PointsParseError:
            typed.error = str(NOT_AN_INDEX % {"value": typed.index_text})
    return typed
