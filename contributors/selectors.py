"""Who fills in what inside a unit: the contributors, their criteria and their progress (fixed queries)."""
from dataclasses import dataclass, field

from accounts.models import User
from accounts.roles import Role
from assessments.models import SelfScore
from frameworks.selectors import tree_for

from .models import Contribution


def unit_contributors(*, unit_id) -> list[User]:
    """The unit's active contributors, by division (one query)."""
    return list(User.objects.filter(unit_id=unit_id, role=Role.CONTRIBUTOR, is_active=True)
                .order_by("division", "username"))


def contributions_by_node(*, assessment_id) -> dict[int, Contribution]:
    """Each assigned leaf's contribution, with its contributor and reviewer, by node id (one query)."""
    return {c.node_id: c for c in Contribution.objects.filter(assessment_id=assessment_id)
            .select_related("contributor", "reviewed_by")}


def assigned_node_ids(*, assessment_id, contributor_id) -> set[int]:
    return set(Contribution.objects.filter(assessment_id=assessment_id, contributor_id=contributor_id)
               .values_list("node_id", flat=True))


def is_reviewed(contribution: Contribution | None, score) -> bool:
    """The head's mark holds for the score it saw: a save after the review needs a new one."""
    return bool(contribution and contribution.reviewed_at and score is not None
                and score.updated_at <= contribution.reviewed_at)


def is_done(score) -> bool:
    """Scored, or marked not assessed: what "đã chấm" counts everywhere."""
    return score is not None and (score.value is not None or score.not_assessed)


@dataclass
class ContributorProgress:
    contributor: User
    assigned: int = 0
    scored: int = 0
    reviewed: int = 0
    codes: list = field(default_factory=list)  # the leaves it holds, in document order (the assignment page)


def contributor_progress(contributors, contributions: dict, scores: dict) -> list[ContributorProgress]:
    """Per contributor, in the order given: criteria assigned, scored, reviewed by the head (no query).

    ``contributions`` and ``scores`` are by node id; contributors absent from ``contributors`` (since
    disabled) still appear, after the others, while they hold criteria.
    """
    progress = {user.pk: ContributorProgress(user) for user in contributors}
    for node_id, contribution in contributions.items():
        row = progress.setdefault(contribution.contributor_id, ContributorProgress(contribution.contributor))
        score = scores.get(node_id)
        row.assigned += 1
        row.scored += is_done(score)
        row.reviewed += is_reviewed(contribution, score)
    return list(progress.values())


def assignment_overview(*, assessment) -> dict:
    """The assignment page: each contributor's progress and criteria, and the leaves nobody holds (3 queries)."""
    tree = tree_for(assessment.period.framework)
    contributions = contributions_by_node(assessment_id=assessment.pk)
    scores = {score.node_id: score for score in SelfScore.objects.filter(assessment=assessment)}
    progress = contributor_progress(unit_contributors(unit_id=assessment.unit_id), contributions, scores)
    by_contributor = {row.contributor.pk: row for row in progress}
    for leaf in tree.leaves:
        if leaf.pk in contributions:
            by_contributor[contributions[leaf.pk].contributor_id].codes.append(leaf.code)
    return {
        "progress": progress,
        "unassigned": [leaf.code for leaf in tree.leaves if leaf.pk not in contributions],
        "assignable": tree.nodes,
        "names_lead_agencies": any(node.responsible_offices for node in tree.nodes),
    }
