"""The one access policy: pure predicates over an actor and plain facts, no ORM.

Each object has one loader that fetches its facts once and asks these predicates, answering 404
to outsiders so that a forbidden URL does not even confirm that the object exists:
``assessments.selectors.get_assessment_for_user``, ``get_period_for_user`` and
``accounts.selectors.get_unit_for_user``. Services ask the same predicates before writing.
"""
from dataclasses import dataclass

from assessments.workflow import SELF_EDITABLE
from organizations.hierarchy import organiser_of

from .roles import DISTRICT_WIDE_ROLES, MANAGED_ROLES, OFFICE_ROLES, UNIT_ROLES, Role


@dataclass(frozen=True)


class Actor:
    """Who asks, reduced to what the rules read: superusers count as administrators, anonymous users have no role."""

    role: Role | None
    unit_id: int | None = None
    # The organiser (district or city) the actor works for: the one their unit belongs to
    # (``organizations.hierarchy.organiser_of``). The login backend loads the unit's parents with the user.
    organiser_id: int | None = None

    @classmethod
    def of(cls, user) -> "Actor":
        if not user.is_authenticated:
            return cls(None)
        organiser = organiser_of(user.unit) if user.unit_id else None
        return cls(Role.ADMIN if user.is_superuser else Role(user.role), user.unit_id,
                   organiser.pk if organiser else None)

    def belongs_to(self, unit_id) -> bool:
        return self.unit_id is not None and self.unit_id == unit_id


def is_office(actor: Actor) -> bool:
    """The Nội vụ secretariat (and administrators): they run periods and may appraise every criterion."""
    return actor.role in OFFICE_ROLES


def reaches(actor: Actor, organiser_line) -> bool:
    """Whether the actor's organiser covers something run by the first organiser of ``organiser_line``
    (the ids of that organiser and of those above it, nearest first): administrators cover every
    organiser, leadership its own and every organiser below it, everybody else their own only."""
    if actor.role == Role.ADMIN:
        return True
    if actor.organiser_id is None or not organiser_line:
        return False
    if actor.role == Role.LEADERSHIP:
        return actor.organiser_id in organiser_line
    return organiser_line[0] == actor.organiser_id


def may_read_results(actor: Actor) -> bool:
    """Results, periods and their pages at all: the office, council members and leadership (of their organisers)."""
    return actor.role in DISTRICT_WIDE_ROLES


def may_read_period(actor: Actor, *, organiser_line) -> bool:
    """One period and its results: a results reader whose organiser covers the period's organiser."""
    return may_read_results(actor) and reaches(actor, organiser_line)


def runs_period(actor: Actor, *, organiser_line) -> bool:
    """The office of the period's own organiser: it opens, steers, appraises and publishes the period."""
    return is_office(actor) and reaches(actor, organiser_line)


def may_read_unit(actor: Actor, *, unit_id, organiser_line) -> bool:
    """A unit's page: its own people, and results readers whose organiser covers the one the unit belongs to."""
    return actor.belongs_to(unit_id) or may_read_period(actor, organiser_line=organiser_line)


def may_read_assessment(actor: Actor, *, unit_id, status, seated: bool, organiser_line) -> bool:
    """Anybody reads their own unit's file; the office and leadership every file of the periods their
    organiser covers (``organiser_line`` is the period's); a council member reads another unit's file
    only in a period they sit on (``seated``), once it is submitted."""
    if actor.belongs_to(unit_id):
        return True
    if actor.role in OFFICE_ROLES | {Role.LEADERSHIP}:
        return reaches(actor, organiser_line)
    return actor.role == Role.COUNCIL_MEMBER and seated and status not in SELF_EDITABLE


def may_write_self_scores(actor: Actor, *, unit_id) -> bool:
    """The unit's own staff and head, nobody else: they type the self-scores and answer the council.

    Whether the state and the deadline still allow it is the services' to say, with their own messages.
    """
    return actor.role in UNIT_ROLES and actor.belongs_to(unit_id)


def may_contribute(actor: Actor, *, unit_id) -> bool:
    """A contributor (a division of the unit) works on the unit's file, never on another unit's."""
    return actor.role == Role.CONTRIBUTOR and actor.belongs_to(unit_id)


def may_write_criterion(actor: Actor, *, unit_id, assigned: bool) -> bool:
    """One criterion's self-score and evidence: the unit's staff and head any of them, a contributor
    only those ``assigned`` to it. Contributors never submit nor answer the council (``workflow``)."""
    return may_write_self_scores(actor, unit_id=unit_id) or (may_contribute(actor, unit_id=unit_id) and assigned)


def may_assign_contributors(actor: Actor, *, unit_id) -> bool:
    """The unit's head or officer shares its criteria out among its contributors."""
    return may_write_self_scores(actor, unit_id=unit_id)


def may_review_contributions(actor: Actor, *, unit_id) -> bool:
    """The head, who submits, marks the contributors' criteria as reviewed ("đã xem xét")."""
    return actor.role == Role.UNIT_HEAD and actor.belongs_to(unit_id)


def may_act_for_unit(actor: Actor, *, organiser_line) -> bool:
    """The period's office may enter a unit's self-scores from its paper file and submit for it, with a reason."""
    return runs_period(actor, organiser_line=organiser_line)


def takes_part_in_appraisal(actor: Actor, *, seated: bool, organiser_line) -> bool:
    """The period's office, and council members sitting on the period; leadership may sit (as chair) but only reads."""
    return runs_period(actor, organiser_line=organiser_line) or (actor.role == Role.COUNCIL_MEMBER and seated)


def may_appraise(actor: Actor, *, seated: bool, assigned: bool, organiser_line) -> bool:
    """One criterion: the period's office appraises every one, a seated council member only those ``assigned`` to them."""
    return (takes_part_in_appraisal(actor, seated=seated, organiser_line=organiser_line)
            and (is_office(actor) or assigned))


def may_score_office_review(actor: Actor, *, seated: bool, assigned: bool, organiser_line) -> bool:
    """One criterion of the district offices' assessment, the second round: the Nội vụ office of the period's
    organiser scores every one, a seated council member (an office's head) those assigned to them or their
    office (``appraisal.services.assignments_apply_defaults``), exactly as in the council's appraisal."""
    return may_appraise(actor, seated=seated, assigned=assigned, organiser_line=organiser_line)


def may_read_office_review(actor: Actor, *, seated: bool, organiser_line) -> bool:
    """The offices' assessment pages: those who take part in the appraisal; units and leadership read its
    points in the results."""
    return takes_part_in_appraisal(actor, seated=seated, organiser_line=organiser_line)


def within_appraisal_time(actor: Actor, *, appraisal_open: bool) -> bool:
    """Before the appraisal deadline everyone who takes part decides and asks; after it only the office,
    which consolidates the council's work and finishes the appraisal."""
    return appraisal_open or is_office(actor)


def may_edit_plan(actor: Actor, *, unit_id, organiser_line) -> bool:
    """A unit's targets and improvement plan (``organiser_line``: its unit's): the office of its organiser,
    and the unit's own staff and head. Leadership and council members read them and change nothing."""
    return (is_office(actor) and reaches(actor, organiser_line)) or (actor.role in UNIT_ROLES and actor.belongs_to(unit_id))


def may_read_plan(actor: Actor, *, unit_id, organiser_line) -> bool:
    """A unit's targets, gaps and plan: the district-wide readers its organiser reaches (``reaches``), and
    the unit's own members."""
    return (may_read_results(actor) and reaches(actor, organiser_line)) or actor.belongs_to(unit_id)


def may_edit_responsible_offices(actor: Actor) -> bool:
    """The offices responsible for each criterion organise the appraisal: the office sets them, on any
    framework version, even one in use (they change no score)."""
    return is_office(actor)


def may_enter_surveys(actor: Actor, *, organiser_line) -> bool:
    """Survey points come from the office's survey, so only the period's office types them."""
    return runs_period(actor, organiser_line=organiser_line)


def may_manage_accounts(actor: Actor) -> bool:
    """The office creates, disables and resets the accounts of its organiser's units."""
    return actor.role == Role.ADMIN or (is_office(actor) and actor.organiser_id is not None)


def may_follow_accounts_import(actor: Actor, *, organiser_id) -> bool:
    """An Excel list of accounts sent by the office of ``organiser_id`` (None: by an administrator): that
    office and the administrators follow its import (the file of passwords is its sender's alone)."""
    return may_manage_accounts(actor) and (actor.role == Role.ADMIN or actor.organiser_id == organiser_id)


def may_manage_contributors(actor: Actor, *, unit_id) -> bool:
    """A unit's head creates, disables and resets its own contributors' accounts, and no other."""
    return actor.role == Role.UNIT_HEAD and actor.belongs_to(unit_id)


def may_open_account_pages(actor: Actor) -> bool:
    """The office for every account, a unit's head for its contributors' (``may_manage_account`` says which)."""
    return may_manage_accounts(actor) or may_manage_contributors(actor, unit_id=actor.unit_id)


def may_manage_account(actor: Actor, *, role, is_superuser: bool, organiser_line, unit_id=None) -> bool:
    """One account, as it is or as it would become (``organiser_line`` and ``unit_id`` of its unit): never an
    administrator's, so the office cannot make or take over one, and only in the office's own organiser (an
    account outside every unit is the administrator's); for a unit's head, only a contributor of its own unit."""
    if is_superuser:
        return False
    return ((may_manage_accounts(actor) and role in MANAGED_ROLES and reaches(actor, organiser_line))
            or (role == Role.CONTRIBUTOR and may_manage_contributors(actor, unit_id=unit_id)))


def needs_two_factor(actor: Actor, *, required_roles) -> bool:
    """Accounts that can change everyone's figures (office, council, administrators in production) prove
    a second factor at every sign-in; ``required_roles`` is the ``TWO_FACTOR_REQUIRED_ROLES`` setting."""
    return actor.role is not None and actor.role in required_roles
