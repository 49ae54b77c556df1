"""One unit's scoring, on plain data: a framework ``Tree`` and the unit's self and appraised records.

This is the one place that says how a unit's scores add up; the entry page, the appraisal page, the
stored results, the publication and the reports all go through ``unit_scoring``. No database here.
"""
from dataclasses import dataclass
from decimal import Decimal

from frameworks.points import points_to_str, quantize_percent
from frameworks.tree import Subtotal, Tree


@dataclass(frozen=True)
class Record:
    """A score as the roll-up reads it: points, or "not assessed" (neither achieved nor maximum)."""

    value: Decimal | None
    not_assessed: bool = False


@dataclass(frozen=True)
class UnitScoring:
    self_by_code: dict  # code -> Subtotal; "" is the whole tree
    combined_by_code: dict  # the council's figure where it decided, else the self-score
    has_appraisal: bool  # the council has closed the appraisal or changed something

    @property
    def self_total(self) -> Subtotal:
        return self.self_by_code[""]

    @property
    def combined_total(self) -> Subtotal:
        return self.combined_by_code[""]


def combined_records(self_records: dict, appraised_records: dict) -> dict:
    """Per criterion, the council's decision where there is one; until then the self-score stands."""
    return {**self_records, **appraised_records}


def _rollup(tree: Tree, records: dict) -> dict:
    values = {code: r.value for code, r in records.items() if r.value is not None and not r.not_assessed}
    return tree.rollup(values, frozenset(code for code, r in records.items() if r.not_assessed))


def unit_scoring(tree: Tree, self_records: dict, appraised_records: dict, *, appraisal_closed: bool) -> UnitScoring:
    """``*_records`` map a leaf's code to its ``Record``; ``appraisal_closed``: appraised or published."""
    own = _rollup(tree, self_records)
    combined = _rollup(tree, combined_records(self_records, appraised_records))
    changed = any(combined[code].score != own[code].score for code in tree.leaf_codes)
    return UnitScoring(own, combined, appraisal_closed or changed)


@dataclass(frozen=True)
class AreaFigures:
    self_points: Decimal
    points: Decimal  # combined: appraised where decided, else self
    max_points: Decimal
    share_pct: Decimal | None  # points ÷ maximum in % with one place; None when nothing is assessed


def share_pct(points: Decimal, maximum: Decimal) -> Decimal | None:
    """Share of a maximum achieved, in % with one place (``87.5``)."""
    if maximum == 0:
        return None
    return quantize_percent(points * 100 / maximum, places=1)


def _area(own: Subtotal, combined: Subtotal) -> AreaFigures:
    return AreaFigures(own.score, combined.score, combined.max_points, share_pct(combined.score, combined.max_points))


@dataclass(frozen=True)
class ResultFigures:
    """What results pages read of a unit, stored beside its scores and frozen at publication."""

    self_total: Decimal
    appraised_total: Decimal | None  # None: the council has not appraised anything yet
    combined_total: Decimal
    appraisal_max: Decimal  # the appraisal maximum less the not-assessed criteria
    scored: int
    leaves: int
    areas: dict  # area code -> AreaFigures, in document order
    shortfalls: dict  # leaf code -> points below its maximum (combined), only leaves that lost some


def result_figures(tree: Tree, scoring: UnitScoring) -> ResultFigures:
    own, combined = scoring.self_by_code, scoring.combined_by_code
    total = combined[""]
    return ResultFigures(
        self_total=own[""].score,
        appraised_total=total.score if scoring.has_appraisal else None,
        combined_total=total.score,
        appraisal_max=total.max_points,
        scored=own[""].scored,
        leaves=own[""].leaves,
        areas={area.code: _area(own[area.code], combined[area.code]) for area in tree.areas},
        shortfalls={leaf.code: combined[leaf.code].max_points - combined[leaf.code].score
                    for leaf in tree.leaves if combined[leaf.code].score < combined[leaf.code].max_points},
    )


# -- stored form: JSON with points as canonical strings (never floats) ---------------------------


def areas_to_json(areas: dict) -> dict:
    """``{"1": ["self", "combined", "max", "share %" or null]}``."""
    return {code: [points_to_str(a.self_points), points_to_str(a.points), points_to_str(a.max_points),
                   None if a.share_pct is None else str(a.share_pct)]
            for code, a in areas.items()}


def areas_from_json(data: dict) -> dict:
    return {code: AreaFigures(Decimal(own), Decimal(points), Decimal(maximum), None if share is None else Decimal(share))
            for code, (own, points, maximum, share) in data.items()}


def shortfalls_to_json(shortfalls: dict) -> dict:
    return {code: points_to_str(lost) for code, lost in shortfalls.items()}


def shortfalls_from_json(data: dict) -> dict:
    return {code: Decimal(lost) for code, lost in data.items()}


def records_to_json(tree: Tree, self_records: dict, appraised_records: dict) -> dict:
    """A publication's per-criterion snapshot, e.g. ``{"1.1.1": {"self": "1.5", "self_not_assessed": false,
    "appraised": "1.25", "not_assessed": false}}``: the self-score and the figure that counts."""
    combined = combined_records(self_records, appraised_records)
    snapshot = {}
    for leaf in tree.leaves:
        own, decided = self_records.get(leaf.code), combined.get(leaf.code)
        snapshot[leaf.code] = {
            "self": points_to_str(own.value) if own and own.value is not None else None,
            "self_not_assessed": bool(own and own.not_assessed),
            "appraised": points_to_str(decided.value) if decided and decided.value is not None else None,
            "not_assessed": bool(decided and decided.not_assessed),
        }
    return snapshot


def records_from_json(snapshot: dict) -> tuple[dict, dict]:
    """(self, appraised) records by code, read back from a publication's snapshot."""
    own, decided = {}, {}
    for code, saved in snapshot.items():
        # Snapshots made before "self_not_assessed" was kept had one flag for both.
        flags = (("self", saved.get("self_not_assessed", saved["not_assessed"])), ("appraised", saved["not_assessed"]))
        for (key, not_assessed), records in zip(flags, (own, decided)):
            if saved[key] is not None or not_assessed:
                records[code] = Record(Decimal(saved[key]) if saved[key] is not None else None, not_assessed)
    return own, decided
