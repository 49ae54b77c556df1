"""Read-side of the appraisal: self vs appraised, side by side, in a fixed number of queries."""
from dataclasses import dataclass, field
from decimal import Decimal

from accounts.access import is_office
from accounts.models import UNIT_ROLES, Role, User
from assessments.models import Assessment, SelfScore
from assessments.workflow import APPRAISAL_EDITABLE, Status, available_actions, generic_actions
from assessments.selectors import evidence_of
from assessments.results import APPRAISAL_CLOSED
from assessments.scoring import Record, unit_scoring
from frameworks.selectors import tree_for
from frameworks.tree import Subtotal, TreeNode

from .models import AppraisedScore, Assignment, ExplanationMessage


@dataclass
class AppraisalRow:
    node: TreeNode
    is_leaf: bool
    self_score: SelfScore | None
    appraised: AppraisedScore | None
    self_subtotal: Subtotal
    appraised_subtotal: Subtotal
    evidence: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    assigned: bool = False

    @property
    def self_value(self) -> Decimal | None:
        return self.self_score.value if self.self_score else None

    @property
    def appraised_value(self) -> Decimal | None:
        """The council's figure; until it decides, the self-score stands ("công nhận")."""
        return self.appraised.value if self.appraised else self.self_value

    @property
    def not_assessed(self) -> bool:
        record = self.appraised or self.self_score
        return bool(record and record.not_assessed)

    @property
    def adjusted(self) -> bool:
        return self.appraised is not None and self.appraised.value != self.self_value


@dataclass
class ScoreTable:
    rows: list
    self_total: Subtotal
    appraised_total: Subtotal

    @property
    def difference(self) -> Decimal:
        return self.appraised_total.score - self.self_total.score


def _records(tree, rows_by_node_id: dict) -> dict:
    return {tree.by_id[node_id].code: Record(row.value, row.not_assessed) for node_id, row in rows_by_node_id.items()}


def assessment_score_table(*, assessment: Assessment, user=None) -> ScoreTable:
    tree = tree_for(assessment.period.framework)
    self_scores = {s.node_id: s for s in SelfScore.objects.filter(assessment=assessment)}
    appraised = {a.node_id: a for a in AppraisedScore.objects.filter(assessment=assessment).select_related("decided_by")}
    _evidence, evidence_by_node = evidence_of(assessment=assessment)
    messages_by_node: dict[int, list] = {}
    for message in ExplanationMessage.objects.filter(assessment=assessment).select_related("author"):
        messages_by_node.setdefault(message.node_id, []).append(message)
    if user is None or is_office(user):
        assigned_ids = None
    else:
        assigned_ids = set(Assignment.objects.filter(
            member__period_id=assessment.period_id, member__user=user).values_list("node_id", flat=True))

    scoring = unit_scoring(tree, _records(tree, self_scores), _records(tree, appraised),
                           appraisal_closed=assessment.status in APPRAISAL_CLOSED)
    self_sub, appraised_sub = scoring.self_by_code, scoring.combined_by_code
    rows = [
        AppraisalRow(
            node=node, is_leaf=tree.is_leaf(node.code),
            self_score=self_scores.get(node.pk), appraised=appraised.get(node.pk),
            self_subtotal=self_sub[node.code], appraised_subtotal=appraised_sub[node.code],
            evidence=evidence_by_node.get(node.pk, []), messages=messages_by_node.get(node.pk, []),
            assigned=assigned_ids is None or node.pk in assigned_ids,
        )
        for node in tree.nodes
    ]
    return ScoreTable(rows=rows, self_total=self_sub[""], appraised_total=appraised_sub[""])


def appraisal_page(*, assessment: Assessment, user) -> dict:
    """What the appraisal page shows and offers, decided by the same rules the services apply."""
    actions = available_actions(user=user, assessment=assessment)
    names = {action.action for action in actions}
    seated = is_office(user) or (
        user.role == Role.COUNCIL_MEMBER and assessment.period.council.filter(user=user).exists()
    )
    return {
        "assessment": assessment,
        "table": assessment_score_table(assessment=assessment, user=user),
        "can_appraise": assessment.status in APPRAISAL_EDITABLE and seated,
        "can_answer": (assessment.status == Status.EXPLANATION_REQUESTED and user.role in UNIT_ROLES
                       and user.unit_id == assessment.unit_id),
        "actions": [a for a in generic_actions(user=user, assessment=assessment) if a.action != "submit"],
        "can_finish": "finish_appraisal" in names,
        "can_republish": "publish" in names and assessment.publications.exists(),
    }


# Who may sit on a council (seed 000): the Chủ tịch (leadership) as chair, the Nội vụ head, and the
# heads of offices (council members). Leadership sits but only reads: see services.may_appraise.
COUNCIL_ROLES = (Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.LEADERSHIP)


def council_candidates():
    return User.objects.filter(role__in=COUNCIL_ROLES, is_active=True).order_by("last_name", "first_name")
