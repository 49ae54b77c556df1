"""Read-side helpers for the landing pages."""
from organizations.models import Unit

from .access import readable_units
from .models import Role


def landing_for_user(*, user) -> dict:
    """What each role's home page starts from: its unit's assessments, or the work waiting for it."""
    from assessments.models import Assessment
    from assessments.workflow import Status

    role = Role.ADMIN if user.is_superuser else user.role
    context = {"landing_role": role, "own_unit": user.unit if user.unit_id else None}
    assessments = Assessment.objects.select_related("unit", "period__framework").order_by("-period__year", "unit__order")
    if role in (Role.UNIT_STAFF, Role.UNIT_HEAD):
        context["assessments"] = list(assessments.filter(unit_id=user.unit_id))
    elif role == Role.COUNCIL_MEMBER:
        context["assessments"] = list(assessments.filter(
            period__council__user=user, status__in=[Status.UNDER_APPRAISAL, Status.EXPLANATION_REQUESTED]))
    elif role in (Role.SECRETARIAT, Role.ADMIN):
        context["assessments"] = list(assessments.filter(status__in=[Status.SUBMITTED, Status.EXPLANATION_REQUESTED]))
    else:
        context["assessments"] = []
    context["units"] = list(readable_units(user).select_related("parent").order_by("kind", "order", "code"))
    return context


def unit_overview(*, unit: Unit) -> dict:
    return {
        "unit": unit,
        "members": list(unit.users.filter(is_active=True).order_by("role", "username")),
    }
