"""Read-side helpers for the landing pages, and the loader of a unit."""
from django.http import Http404
from django.shortcuts import get_object_or_404

from organizations.models import Unit

from .access import Actor, may_read_results, may_read_unit
from .models import Role


def readable_units(user):
    actor = Actor.of(user)
    if may_read_results(actor):
        return Unit.objects.all()
    return Unit.objects.filter(pk=actor.unit_id) if actor.unit_id else Unit.objects.none()


def get_unit_for_user(user, code: str) -> Unit:
    """A unit's page, 404 for anybody who may not read the unit."""
    unit = get_object_or_404(Unit, code=code)
    if not may_read_unit(Actor.of(user), unit_id=unit.pk):
        raise Http404
    return unit


def landing_for_user(*, user) -> dict:
    """What each role's home page starts from: its unit's assessments, or the work waiting for it."""
    from assessments.models import Assessment
    from assessments.selectors import deadlines_of
    from assessments.workflow import Status

    role = Actor.of(user).role
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
    for assessment in context["assessments"]:
        assessment.deadlines = deadlines_of(assessment)
    context["units"] = list(readable_units(user).select_related("parent").order_by("kind", "order", "code"))
    return context


def unit_overview(*, unit: Unit) -> dict:
    return {
        "unit": unit,
        "members": list(unit.users.filter(is_active=True).order_by("role", "username")),
    }
