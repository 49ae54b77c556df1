"""Read-side of the appraisal: self vs appraised, side by side, in a fixed number of queries."""
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from accounts.access import Actor, is_office, may_appraise, may_write_self_scores, takes_part_in_appraisal, within_appraisal_time
from accounts.models import Role, User
from accounts.selectors import units_of
from assessments import actions, workflow
from assessments.deadlines import appraisal_open
from assessments.models import Assessment, AssessmentResult, SelfScore
from assessments.selectors import StepSummary, deadlines_of, evidence_of, missing_evidence_codes
from assessments.results import APPRAISAL_CLOSED
from assessments.scoring import Record, unit_scoring
from assessments.workflow import APPRAISAL_EDITABLE, GENERIC_ACTIONS, Status
from frameworks import rules
from frameworks.selectors import tree_for
from frameworks.tree import Subtotal, TreeNode

from . import errors
from .explanations import round_state
from .models import AppraisedScore, CouncilMember, ExplanationMessage


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
    def self_not_assessed(self) -> bool:
        return bool(self.self_score and self.self_score.not_assessed)

    @property
    def applies_only(self) -> str:
        return rules.applies_only(self.node.rule) if self.is_leaf else ""

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


def council_seat(*, user, period_id: int) -> tuple[bool, set[int]]:
    """The appraisal facts of ``user`` in a period, in one query: whether they sit on its council,
    and the ids of the criteria assigned to them."""
    rows = list(CouncilMember.objects.filter(period_id=period_id, user_id=user.pk)
                .values_list("assignments__node_id", flat=True))
    return bool(rows), {node_id for node_id in rows if node_id is not None}


def _records(tree, rows_by_node_id: dict) -> dict:
    return {tree.by_id[node_id].code: Record(row.value, row.not_assessed) for node_id, row in rows_by_node_id.items()}


def assessment_score_table(*, assessment: Assessment, appraisable=None) -> ScoreTable:
    """Self vs appraised per criterion; ``appraisable(node)`` marks the rows a reader may appraise (default: all)."""
    tree = tree_for(assessment.period.framework)
    self_scores = {s.node_id: s for s in SelfScore.objects.filter(assessment=assessment)}
    appraised = {a.node_id: a for a in AppraisedScore.objects.filter(assessment=assessment).select_related("decided_by")}
    _evidence, evidence_by_node = evidence_of(assessment=assessment)
    messages_by_node: dict[int, list] = {}
    for message in ExplanationMessage.objects.filter(assessment=assessment).select_related("author"):
        messages_by_node.setdefault(message.node_id, []).append(message)

    scoring = unit_scoring(tree, _records(tree, self_scores), _records(tree, appraised),
                           appraisal_closed=assessment.status in APPRAISAL_CLOSED)
    self_sub, appraised_sub = scoring.self_by_code, scoring.combined_by_code
    rows = [
        AppraisalRow(
            node=node, is_leaf=tree.is_leaf(node.code),
            self_score=self_scores.get(node.pk), appraised=appraised.get(node.pk),
            self_subtotal=self_sub[node.code], appraised_subtotal=appraised_sub[node.code],
            evidence=evidence_by_node.get(node.pk, []), messages=messages_by_node.get(node.pk, []),
            assigned=appraisable is None or appraisable(node),
        )
        for node in tree.nodes
    ]
    return ScoreTable(rows=rows, self_total=self_sub[""], appraised_total=appraised_sub[""])


def row_and_ancestors(table: ScoreTable, code: str) -> tuple[AppraisalRow, list[AppraisalRow]]:
    """A criterion's row and the rows of the groups and area above it (their subtotals include it)."""
    by_code = {row.node.code: row for row in table.rows}
    row, ancestors = by_code[code], []
    parent = row.node.parent
    while parent is not None:
        ancestors.append(by_code[parent])
        parent = by_code[parent].node.parent
    return row, ancestors


def assigned_rows(rows: list, tree) -> list:
    """The leaves assigned to the reader, under their ancestors only (areas with none of them drop out)."""
    kept = set()
    for row in rows:
        if row.is_leaf and row.assigned:
            code = row.node.code
            while code is not None and code not in kept:
                kept.add(code)
                code = tree.by_code[code].parent
    return [row for row in rows if row.node.code in kept]


def appraisal_page(*, assessment: Assessment, user, undecided_only: bool = False, every_criterion: bool = False) -> dict:
    """What the appraisal page shows and offers, decided by the same rules the services apply.

    ``undecided_only`` keeps the criteria the council has not decided yet, under their areas and groups.
    A council member with criteria assigned sees those first; ``every_criterion`` shows the others too,
    to read (the office appraises every criterion, so it always sees them all).
    """
    available = actions.available(assessment=assessment, user=user)
    names = {step.action for step in available}
    actor = Actor.of(user)
    seated, assigned = council_seat(user=user, period_id=assessment.period_id)
    line = assessment.period.organiser_line
    table = assessment_score_table(assessment=assessment, appraisable=lambda node: may_appraise(
        actor, seated=seated, assigned=node.pk in assigned, organiser_line=line))
    assigned_count = sum(1 for row in table.rows if row.is_leaf and row.assigned) if seated and not is_office(actor) else 0
    mine_only = bool(assigned_count) and not every_criterion
    rows = assigned_rows(table.rows, tree_for(assessment.period.framework)) if mine_only else table.rows
    undecided = [row for row in rows if row.is_leaf and row.appraised is None]
    explained = round_state(((row.node.code, m.kind, m.text, m.answer_deadline) for row in table.rows
                             for m in row.messages), today=timezone.localdate())
    return {
        "assessment": assessment,
        "deadlines": deadlines_of(assessment),
        "table": table,
        "rows": [row for row in rows if not row.is_leaf or row.appraised is None] if undecided_only else rows,
        "undecided_only": undecided_only,
        "assigned_count": assigned_count,
        "mine_only": mine_only,
        "undecided_count": len(undecided),
        "areas": [row.node for row in rows if row.node.parent_id is None],
        "summary": StepSummary(
            scored=table.self_total.scored, leaves=table.self_total.leaves,
            total=table.appraised_total.score, max_points=table.appraised_total.max_points,
            missing_evidence=[row.node.code for row in table.rows
                              if row.is_leaf and row.self_value and not row.evidence],
        ),
        "can_appraise": (assessment.status in APPRAISAL_EDITABLE and takes_part_in_appraisal(actor, seated=seated, organiser_line=line)
                         and within_appraisal_time(actor, appraisal_open=appraisal_open(
                             assessment.period.appraisal_deadline, timezone.localdate()))),
        "can_answer": (assessment.status == Status.EXPLANATION_REQUESTED
                       and may_write_self_scores(actor, unit_id=assessment.unit_id)),
        # Answers are sent next to the questions, below; submitting belongs to the entry page.
        "actions": [a for a in available
                    if a.action in GENERIC_ACTIONS and a.action not in ("submit", "answer_explanation")],
        "send_answers": workflow.TRANSITIONS["answer_explanation"] if "answer_explanation" in names else None,
        "open_questions": explained.open,
        "round_warning": " ".join(str(warning) for warning in (
            errors.QUESTIONS_UNANSWERED % {"codes": ", ".join(explained.overdue)} if explained.overdue else "",
            errors.QUESTIONS_LEFT % {"items": "; ".join(f"{r.code} ({r.text})" for r in explained.left)}
            if explained.left else "",
        ) if warning),
        "can_finish": "finish_appraisal" in names,
        "can_republish": "publish" in names and assessment.publications.exists(),
    }


def publication_summaries(*, assessments: list[Assessment]) -> list[tuple[Assessment, StepSummary | None]]:
    """What publishing a period makes public, unit by unit, from the stored results (two queries)."""
    ids = [a.pk for a in assessments]
    results = {r.assessment_id: r for r in AssessmentResult.objects.filter(assessment_id__in=ids)}
    missing = missing_evidence_codes(assessment_ids=ids)
    return [
        (a, StepSummary(scored=r.scored, leaves=r.leaves, total=r.combined_total, max_points=r.appraisal_max,
                        missing_evidence=missing.get(a.pk, [])) if (r := results.get(a.pk)) else None)
        for a in assessments
    ]


# Who may sit on a council (seed 000): the Chủ tịch (leadership) as chair, the Nội vụ head, and the
# heads of offices (council members). Leadership sits but only reads: see accounts.access.takes_part_in_appraisal.
COUNCIL_ROLES = (Role.SECRETARIAT, Role.COUNCIL_MEMBER, Role.LEADERSHIP)


def council_candidates(*, period):
    """The people of the period's organiser who may sit on its council."""
    return User.objects.filter(role__in=COUNCIL_ROLES, is_active=True, unit__in=units_of([period.organiser_id])).order_by(
        "last_name", "first_name")
