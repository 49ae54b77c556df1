"""Which organiser a unit belongs to: plain walks up already-loaded parents, no queries of their own.

An organiser (cơ quan tổ chức đánh giá) is a district or a city: the body whose Nội vụ office runs
periods. A unit belongs to the nearest organiser at or above it (a ward and a department to their
district, a city department to its city, a district to itself); its people work for that organiser.
"""
from django.utils.translation import gettext_lazy as _

# ``UnitKind.CITY`` and ``UnitKind.DISTRICT``, spelled out: the access policy imports this module and no ORM.
CITY, DISTRICT = "city", "district"
ORGANISER_KINDS = frozenset({CITY, DISTRICT})
# Said where nobody knows the organiser (signed out, an account outside every unit).
SOME_HOME_AFFAIRS_OFFICE = _("cơ quan Nội vụ")
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


def province_level(unit) -> bool:
    """Whether the organiser ``unit`` belongs to is a city, which stands as a province (Hải Phòng, Hà Nội): its
    Nội vụ office is a department (sở) reporting to the ministry; a district's is an office (phòng)."""
    organiser = organiser_of(unit)
    return organiser is not None and organiser.kind == CITY


def home_affairs_office(unit):
    """The name of the Nội vụ office of the organiser ``unit`` belongs to: "Sở Nội vụ" in a city, "Phòng Nội
    vụ" in a district (Hoàng Mai); "cơ quan Nội vụ" for None or a unit outside every organiser. Lazy, so a
    message composed with it takes the reader's language."""
    if organiser_of(unit) is None:
        return SOME_HOME_AFFAIRS_OFFICE
    return _("Sở Nội vụ") if province_level(unit) else _("Phòng Nội vụ")
