"""Read-side helpers for the landing pages."""
from organizations.models import Unit

from .access import readable_units
from .models import Role


def landing_for_user(*, user) -> dict:
    units = list(readable_units(user).select_related("parent").order_by("kind", "order", "code"))
    return {
        "landing_role": user.role if not user.is_superuser else Role.ADMIN,
        "units": units,
        "own_unit": user.unit if user.unit_id else None,
    }


def unit_overview(*, unit: Unit) -> dict:
    return {
        "unit": unit,
        "members": list(unit.users.filter(is_active=True).order_by("role", "username")),
    }
