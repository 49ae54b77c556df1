"""The one place that decides who may reach which unit's data.

Views never filter by hand: they call these helpers, which answer 404 to outsiders so that a
forbidden URL does not even confirm that the object exists.
"""
from django.http import Http404
from django.shortcuts import get_object_or_404

from organizations.models import Unit

from .models import DISTRICT_WIDE_ROLES, OFFICE_ROLES, Role


def can_read_unit(user, unit) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.role in DISTRICT_WIDE_ROLES:
        return True
    return user.unit_id is not None and user.unit_id == unit.pk


def can_write_unit_scores(user, unit) -> bool:
    """Self-scores are typed by the unit's own staff (and its head), nobody else."""
    if not user.is_authenticated:
        return False
    return user.role in (Role.UNIT_STAFF, Role.UNIT_HEAD) and user.unit_id == unit.pk


def readable_units(user):
    if user.is_superuser or user.role in DISTRICT_WIDE_ROLES:
        return Unit.objects.all()
    return Unit.objects.filter(pk=user.unit_id) if user.unit_id else Unit.objects.none()


def get_unit_for_user(user, code: str, *, write: bool = False) -> Unit:
    unit = get_object_or_404(Unit, code=code)
    allowed = can_write_unit_scores(user, unit) if write else can_read_unit(user, unit)
    if not allowed:
        raise Http404
    return unit


def is_office(user) -> bool:
    """The Nội vụ secretariat (and administrators): they run periods and may appraise every criterion."""
    return user.is_authenticated and (user.is_superuser or user.role in OFFICE_ROLES)


def require_role(user, *roles) -> None:
    """Raise 404 unless the user holds one of ``roles`` (superusers always pass)."""
    if not (user.is_authenticated and (user.is_superuser or user.role in roles)):
        raise Http404


def require_office(user) -> None:
    require_role(user, *OFFICE_ROLES)


def require_district_wide(user) -> None:
    """Readers of every unit's results: the office, council members and leadership."""
    require_role(user, *DISTRICT_WIDE_ROLES)
