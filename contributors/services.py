"""Writes of the work inside a unit: assigning criteria to its contributors, and the head's review.

Scoring itself stays in ``assessments.services``, which asks ``access.may_write_criterion`` with the
contributions below; submission stays the head's step in ``assessments.actions``.
"""
import unicodedata

from django.db import transaction
from django.utils import timezone

from accounts.access import Actor, may_assign_contributors, may_review_contributions
from accounts.roles import Role
from assessments import workflow
from assessments.models import Assessment, SelfScore
from assessments.services import lock_assessment
from frameworks.models import Node
from frameworks.selectors import tree_for

from . import errors
from .errors import ContributorError
from .models import Contribution
from .selectors import unit_contributors


def _ensure_open(assessment: Assessment) -> None:
    lock_assessment(assessment)
    if assessment.status not in workflow.SELF_EDITABLE:
        raise ContributorError(errors.NOT_EDITABLE_STATUS % {"status": workflow.Status(assessment.status).label})


def _ensure_may_assign(assessment: Assessment, by) -> None:
    if not may_assign_contributors(Actor.of(by), unit_id=assessment.unit_id):
        raise ContributorError(errors.NO_PERMISSION_ASSIGN)
    _ensure_open(assessment)


def may_assign(*, assessment: Assessment, by) -> bool:
    """Whether the entry page offers ``by`` the assignment page's forms (the policy and the file's state)."""
    return (may_assign_contributors(Actor.of(by), unit_id=assessment.unit_id)
            and assessment.status in workflow.SELF_EDITABLE)


def may_review(*, assessment: Assessment, by) -> bool:
    """Whether the entry page offers ``by`` the "đã xem xét" buttons."""
    return (may_review_contributions(Actor.of(by), unit_id=assessment.unit_id)
            and assessment.status in workflow.SELF_EDITABLE)


def _save(contribution: Contribution, *, by) -> None:
    contribution._history_user = by
    contribution.save(update_fields=None if contribution.pk is None else ["contributor", "reviewed_by", "reviewed_at"])


@transaction.atomic
def contributions_assign(*, assessment: Assessment, contributor, codes: list[str], by, assign: bool = True) -> int:
    """Give ``contributor`` every leaf under ``codes`` (a sub-criterion, a criterion, a whole area), taking it
    from whichever contributor had it; with ``assign=False``, take those leaves back from ``contributor``.

    Returns how many criteria changed hands.
    """
    _ensure_may_assign(assessment, by)
    if contributor.role != Role.CONTRIBUTOR or contributor.unit_id != assessment.unit_id or not contributor.is_active:
        raise ContributorError(errors.NOT_A_CONTRIBUTOR % {"name": contributor.display_name,
                                                           "unit": assessment.unit.name})
    tree = tree_for(assessment.period.framework)
    unknown = [code for code in codes if code not in tree.by_code]
    if unknown or not codes:
        raise ContributorError(errors.NO_SUCH_CRITERIA % {"codes": ", ".join(unknown) or "—"})
    leaves = sorted(leaf.pk for leaf in tree.leaves_under(codes))
    current = {c.node_id: c for c in Contribution.objects.filter(assessment=assessment, node_id__in=leaves)}
    if not assign:
        mine = [c for c in current.values() if c.contributor_id == contributor.pk]
        for contribution in mine:
            contribution._history_user = by
            contribution.delete()
        return len(mine)
    changed = 0
    for node_id in leaves:
        contribution = current.get(node_id) or Contribution(assessment=assessment, node_id=node_id)
        if contribution.pk is not None and contribution.contributor_id == contributor.pk:
            continue
        # A criterion changing hands is new work for the head to review.
        contribution.contributor, contribution.reviewed_by, contribution.reviewed_at = contributor, None, None
        _save(contribution, by=by)
        changed += 1
    return changed


def _agency_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@transaction.atomic
def contributions_prefill(*, assessment: Assessment, by) -> int:
    """Assign each leaf nobody holds yet to the contributor whose division is a lead agency the framework
    names for it (seed 003's "Chủ trì tham mưu", in the nodes' ``responsible_offices``, inherited from the
    nearest ancestor naming one). The first agency listed that has a contributor wins. Returns the count.
    """
    _ensure_may_assign(assessment, by)
    by_division = {}
    for contributor in unit_contributors(unit_id=assessment.unit_id):
        by_division.setdefault(_agency_key(contributor.division), contributor)
    taken = set(Contribution.objects.filter(assessment=assessment).values_list("node_id", flat=True))
    tree = tree_for(assessment.period.framework)
    made = 0
    for leaf in tree.leaves:
        if leaf.pk in taken:
            continue
        agencies = (_agency_key(office) for office in tree.responsible_offices_of(leaf.code))
        contributor = next((by_division[key] for key in agencies if key in by_division), None)
        if contributor is not None:
            _save(Contribution(assessment=assessment, node_id=leaf.pk, contributor=contributor), by=by)
            made += 1
    return made


@transaction.atomic
def contribution_review(*, assessment: Assessment, node: Node, by, reviewed: bool = True) -> Contribution:
    """The head marks a contributor's criterion as reviewed ("đã xem xét"), or takes the mark back."""
    if not may_review_contributions(Actor.of(by), unit_id=assessment.unit_id):
        raise ContributorError(errors.NO_PERMISSION_REVIEW)
    _ensure_open(assessment)
    contribution = Contribution.objects.select_for_update().filter(assessment=assessment, node=node).first()
    if contribution is None:
        raise ContributorError(errors.NOBODY_ASSIGNED % {"code": node.code})
    if reviewed and not SelfScore.objects.filter(assessment=assessment, node=node).exists():
        raise ContributorError(errors.NOT_SCORED_YET % {"code": node.code})
    contribution.reviewed_by, contribution.reviewed_at = (by, timezone.now()) if reviewed else (None, None)
    contribution._history_user = by
    contribution.save(update_fields=["reviewed_by", "reviewed_at"])
    return contribution
