"""Read-side helpers for the landing pages, and the loader of a unit."""
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from organizations.hierarchy import DEPTH_BELOW_ORGANISER, ORGANISER_KINDS, organiser_line
from organizations.models import Unit

from .access import (
    Actor, may_manage_account, may_manage_accounts, may_open_account_pages, may_read_results, may_read_unit,
)
from .backends import UNIT_PARENTS
from .models import Role, User
from .roles import MANAGED_ROLES, UNIT_MEMBER_ROLES

# Unit parents loaded with a unit so that ``organiser_line`` walks them without queries.
UNIT_LINE = "parent__parent__parent"


def organisers_reached(actor: Actor):
    """The organisers whose periods ``actor`` works on, as ``access.reaches`` says, as a queryset
    (to filter with ``__in``), or None for every organiser (administrators)."""
    if actor.role == Role.ADMIN:
        return None
    if actor.organiser_id is None:
        return Unit.objects.none()
    if actor.role != Role.LEADERSHIP:
        return Unit.objects.filter(pk=actor.organiser_id)
    below = Q(pk=actor.organiser_id)
    for depth in range(1, DEPTH_BELOW_ORGANISER + 1):
        below |= Q(**{"__".join(["parent"] * depth) + "_id": actor.organiser_id})
    return Unit.objects.filter(below, kind__in=ORGANISER_KINDS)


def units_of(organisers):
    """The units that belong to ``organisers`` (a queryset or ids): each organiser itself and the units
    below it up to the next organiser (``hierarchy.organiser_of``), to ``DEPTH_BELOW_ORGANISER``."""
    belongs = Q(pk__in=organisers, kind__in=ORGANISER_KINDS)
    for depth in range(1, DEPTH_BELOW_ORGANISER + 1):
        between = Q()
        for step in range(depth):  # the unit and every unit between it and the organiser are not organisers
            between &= ~Q(**{"__".join(["parent"] * step + ["kind"]) + "__in": ORGANISER_KINDS})
        belongs |= Q(**{"__".join(["parent"] * depth) + "__in": organisers}) & between
    return Unit.objects.filter(belongs)


def readable_units(user):
    """The units whose pages ``user`` reads: those of the organisers they reach, or their own unit."""
    actor = Actor.of(user)
    if may_read_results(actor):
        reached = organisers_reached(actor)
        return Unit.objects.all() if reached is None else units_of(reached)
    return Unit.objects.filter(pk=actor.unit_id) if actor.unit_id else Unit.objects.none()


def get_unit_for_user(user, code: str) -> Unit:
    """A unit's page, 404 for anybody who may not read the unit."""
    unit = get_object_or_404(Unit.objects.select_related(UNIT_LINE), code=code)
    if not may_read_unit(Actor.of(user), unit_id=unit.pk, organiser_line=organiser_line(unit)):
        raise Http404
    return unit


# The home page's lists, a page at a time: a council member of a city sees hundreds of files, leadership hundreds of units.
LANDING_PAGE_SIZE = 30
LANDING_UNITS_PAGE_PARAM = "trang-don-vi"


def landing_for_user(*, user, page: str | None = None, units_page: str | None = None) -> dict:
    """What each role's home page starts from: its unit's assessments, or the work waiting for it.
    ``page`` and ``units_page``: the page asked of the files' list and of the units' list."""
    from assessments.models import Assessment
    from assessments.selectors import deadlines_of
    from assessments.workflow import Status

    role = Actor.of(user).role
    context = {"landing_role": role, "own_unit": user.unit if user.unit_id else None, "open_periods": None,
               "units_page_param": LANDING_UNITS_PAGE_PARAM}
    assessments = Assessment.objects.select_related("unit", "period__framework").order_by(
        "-period__year", "unit__order", "pk")
    context["unit_member"] = role in UNIT_MEMBER_ROLES
    if context["unit_member"]:
        assessments = assessments.filter(unit_id=user.unit_id)
    elif role == Role.COUNCIL_MEMBER:
        assessments = assessments.filter(
            period__council__user=user, status__in=[Status.UNDER_APPRAISAL, Status.EXPLANATION_REQUESTED])
    elif role in (Role.SECRETARIAT, Role.ADMIN):
        assessments = in_reach(assessments, Actor.of(user), "period__organiser").filter(
            status__in=[Status.SUBMITTED, Status.EXPLANATION_REQUESTED])
        context["open_periods"] = _open_periods(Actor.of(user))
    else:
        assessments = assessments.none()
    context["assessments"] = Paginator(assessments, LANDING_PAGE_SIZE).get_page(page)
    for assessment in context["assessments"]:
        assessment.deadlines = deadlines_of(assessment)
    # Units list the others' units; the office starts from the periods' progress, not from a list of units.
    if context["open_periods"] is None and not context["unit_member"]:
        units = readable_units(user).select_related("parent").order_by("kind", "order", "code")
        context["units"] = Paginator(units, LANDING_PAGE_SIZE).get_page(units_page)
    return context


def in_reach(queryset, actor: Actor, organiser_field: str = "organiser"):
    """``queryset`` narrowed to the rows whose ``organiser_field`` is an organiser ``actor`` reaches."""
    reached = organisers_reached(actor)
    return queryset if reached is None else queryset.filter(**{f"{organiser_field}__in": reached})


def _open_periods(actor: Actor) -> list:
    """The office's unpublished periods with how many of their units have submitted (one query)."""
    from assessments.models import Period
    from assessments.workflow import SELF_EDITABLE

    taking_part = Q(assessments__excluded=False)
    return list(in_reach(Period.objects, actor).filter(published_at=None).select_related("framework").annotate(
        units=Count("assessments", filter=taking_part),
        submitted=Count("assessments", filter=taking_part & ~Q(assessments__status__in=SELF_EDITABLE)),
    ).order_by("-year", "framework__key"))


def unit_overview(*, unit: Unit) -> dict:
    return {
        "unit": unit,
        "members": list(unit.users.filter(is_active=True).order_by("role", "username")),
    }


def managed_units(user):
    """The units whose accounts ``user`` manages: those of their own organiser (every unit for administrators)."""
    actor = Actor.of(user)
    if actor.role == Role.ADMIN:
        return Unit.objects.all()
    return units_of([actor.organiser_id]) if may_manage_accounts(actor) else Unit.objects.none()


def managed_users(*, by, search: str = "", unit_code: str = "", role: str = ""):
    """The accounts ``by`` manages, filtered as the list page asks: never administrators; for the office,
    its organiser's units' (administrators also see the accounts outside every unit); for a unit's head,
    its contributors."""
    actor = Actor.of(by)
    if may_manage_accounts(actor):
        in_scope = Q(unit__in=managed_units(by))
        if actor.role == Role.ADMIN:
            in_scope |= Q(unit=None)
    else:
        in_scope = Q(role=Role.CONTRIBUTOR, unit_id=actor.unit_id)
    # The units' parents too: a secretariat's role is shown with its organiser's office (``User.role_display``).
    users = (User.objects.filter(in_scope, is_superuser=False, role__in=MANAGED_ROLES)
             .select_related(UNIT_PARENTS).order_by("unit__kind", "unit__order", "unit__code", "role", "username"))
    if search:
        users = users.filter(Q(username__folded=search) | Q(first_name__folded=search)
                             | Q(last_name__folded=search) | Q(email__folded=search))
    if unit_code:
        users = users.filter(unit__code=unit_code)
    if role:
        users = users.filter(role=role)
    return users


def ensure_may_manage_accounts(user) -> None:
    """Importing an Excel list of accounts is the office's: 404 for everybody else."""
    if not may_manage_accounts(Actor.of(user)):
        raise Http404


def ensure_may_open_account_pages(user) -> None:
    """The list, creating and editing: the office, and a unit's head for its contributors; 404 for everybody else."""
    if not may_open_account_pages(Actor.of(user)):
        raise Http404


def get_managed_user_for_user(user, pk) -> User:
    """One account to edit or reset, 404 unless ``user`` may manage it (never an administrator's)."""
    target = get_object_or_404(User.objects.select_related(f"unit__{UNIT_LINE}"), pk=pk)
    if not may_manage_account(Actor.of(user), role=target.role, is_superuser=target.is_superuser,
                              organiser_line=organiser_line(target.unit), unit_id=target.unit_id):
        raise Http404
    return target


def account_history(*, user: User) -> list[dict]:
    """Every change of the account, newest first: when, by whom, why and which fields (their names)."""
    records = list(user.history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for newer, older in zip(records, records[1:] + [None]):
        changes = newer.diff_against(older).changes if older is not None else []
        rows.append({"at": newer.history_date, "by": newer.history_user, "reason": newer.history_change_reason,
                     "fields": [User._meta.get_field(change.field).verbose_name for change in changes]})
    return rows
