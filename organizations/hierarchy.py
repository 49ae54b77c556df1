"""Which organiser a unit belongs to: plain walks up already-loaded parents, no queries of their own.

An organiser (cơ quan tổ chức đánh giá) is a district or a city: the body whose Nội vụ office runs
periods. A unit belongs to the nearest organiser at or above it (a ward and a department to their
district, a city department to its city, a district to itself); its people work for that organiser.
"""
# ``UnitKind.CITY`` and ``UnitKind.DISTRICT``, spelled out: the access policy imports this module and no ORM.
CITY = "city"
ORGANISER_KINDS = frozenset({CITY, "district"})
# How far below an organiser its own units sit (district → ward → a ward's section); querysets that
# follow ``parent`` are written to this depth.
DEPTH_BELOW_ORGANISER = 2


def organisers_above_or_at(unit) -> list:
    """The organisers at or above ``unit``, nearest first: a ward of Hoàng Mai gives [Hoàng Mai, Hà Nội]."""
    line = []
    while unit is not None:
        if unit.kind in ORGANISER_KINDS:
            line.append(unit)
        unit = unit.parent
    return line


def organiser_of(unit):
    """The organiser ``unit`` belongs to (itself if it is one), or None for a unit outside every organiser.

    Stops at the first organiser, so a ward needs only its parent loaded."""
    while unit is not None and unit.kind not in ORGANISER_KINDS:
        unit = unit.parent
    return unit


def assessing_organiser(unit):
    """Who assesses ``unit``: the organiser above it (Hải Phòng assesses its districts), or a city
    with nobody above, itself (Hà Nội's own index)."""
    if unit.kind not in ORGANISER_KINDS:
        return organiser_of(unit)
    above = organiser_of(unit.parent) if unit.parent is not None else None
    return above or (unit if unit.kind == CITY else None)


def organiser_line(unit) -> tuple[int, ...]:
    """The ids of the organisers at or above ``unit``, nearest first: what the access policy reads."""
    return tuple(organiser.pk for organiser in organisers_above_or_at(unit)) if unit is not None else ()
