"""Read-side queries of the self-assessment; every page loads in a fixed number of queries."""
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.access import Actor, is_office, may_read_assessment, may_read_results
from accounts.selectors import readable_units
from appraisal.models import CouncilMember
from frameworks import rules
from frameworks.points import quantize_percent
from frameworks.selectors import tree_for
from frameworks.tree import Subtotal, TreeNode

from . import errors, workflow
from .deadlines import Deadline, deadlines
from .errors import AssessmentError
from .models import Assessment, Evidence, Period, SelfScore, StatusChange
from .scoring import Record, unit_scoring
from .services import deadline_passed_message, self_assessment_open


def deadlines_of(assessment: Assessment) -> list[Deadline]:
    """The deadlines shown on the file's pages and in its row on the home page, as of today."""
    period = assessment.period
    return deadlines(status=assessment.status, self_deadline=period.self_assessment_deadline,
                     reopened_until=assessment.reopened_until, appraisal_deadline=period.appraisal_deadline,
                     today=timezone.localdate())


def get_assessment_for_user(user, pk: int) -> Assessment:
    """The one way views reach an assessment: its facts in one query, then the policy; 404 for outsiders."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("unit", "period__framework").annotate(
            seated=Exists(CouncilMember.objects.filter(period_id=OuterRef("period_id"), user_id=user.pk))
        ),
        pk=pk,
    )
    if not may_read_assessment(Actor.of(user), unit_id=assessment.unit_id, status=assessment.status,
                               seated=assessment.seated):
        raise Http404
    return assessment


def get_period_for_user(user, pk: int, *, manage: bool = False) -> Period:
    """A period for the roles that read every unit's results (404 for others); ``manage``: the office only."""
    actor = Actor.of(user)
    if not (is_office(actor) if manage else may_read_results(actor)):
        raise Http404
    return get_object_or_404(Period.objects.select_related("framework"), pk=pk)


# Lookups by the identifiers people type (management commands): AssessmentError, not 404, when absent.
def period_get(*, identifier: str) -> Period:
    """Find a period by ``KEY/YEAR``."""
    key, _, year = identifier.partition("/")
    period = Period.objects.select_related("framework").filter(framework__key=key, year=year if year.isdigit() else -1).first()
    if period is None:
        raise AssessmentError(errors.PERIOD_NOT_FOUND % {"identifier": identifier})
    return period


def assessment_get(*, period: Period, unit_code: str) -> Assessment:
    """Find a unit's assessment in a period by the unit's code."""
    assessment = Assessment.objects.select_related("unit", "period__framework").filter(
        period=period, unit__code=unit_code
    ).first()
    if assessment is None:
        raise AssessmentError(errors.ASSESSMENT_NOT_FOUND % {"code": unit_code, "identifier": period.identifier})
    return assessment


def assessments_for_user(*, user):
    return (
        Assessment.objects.filter(unit__in=readable_units(user))
        .select_related("unit", "period__framework")
        .order_by("-period__year", "period__framework__key", "unit__order", "unit__code")
    )


@dataclass
class EntryRow:
    node: TreeNode
    parent_code: str | None
    is_leaf: bool
    subtotal: Subtotal
    score: SelfScore | None = None
    fields: list = field(default_factory=list)
    rule_text: str = ""
    evidence: list = field(default_factory=list)

    @property
    def inputs(self) -> dict:
        return self.score.inputs if self.score else {}

    @property
    def lacks_evidence(self) -> bool:
        """Scored above 0 without any evidence: allowed, but flagged at submission."""
        return bool(self.is_leaf and self.score and self.score.value and not self.evidence)


def unscored_leaf_codes(*, assessment: Assessment) -> list[str]:
    """The leaves the unit has neither scored nor marked not assessed, in document order (one query)."""
    done = set(SelfScore.objects.filter(assessment=assessment).filter(Q(value__isnull=False) | Q(not_assessed=True))
               .values_list("node_id", flat=True))
    return [leaf.code for leaf in tree_for(assessment.period.framework).leaves if leaf.pk not in done]


@dataclass(frozen=True)
class StepSummary:
    """What a confirmation of submit, finish, publish or phúc tra shows before the step is taken."""

    scored: int
    leaves: int
    total: Decimal
    max_points: Decimal
    unscored: list[str] = field(default_factory=list)
    missing_evidence: list[str] = field(default_factory=list)


def missing_evidence_codes(*, assessment_ids) -> dict[int, list[str]]:
    """Per assessment, the leaves scored above 0 that no evidence proves, in document order (one query)."""
    proven = Evidence.nodes.through.objects.filter(evidence__assessment_id=OuterRef("assessment_id"),
                                                   node_id=OuterRef("node_id"))
    codes: dict[int, list[str]] = {}
    for assessment_id, code in (SelfScore.objects.filter(assessment_id__in=assessment_ids, value__gt=0)
                                .exclude(Exists(proven)).order_by("node__order").values_list("assessment_id", "node__code")):
        codes.setdefault(assessment_id, []).append(code)
    return codes


def evidence_of(*, assessment: Assessment) -> tuple[list, dict[int, list]]:
    """The unit's evidence, and the same grouped by the id of each criterion it proves (2 queries)."""
    evidence = list(Evidence.objects.filter(assessment=assessment).prefetch_related("nodes"))
    by_node: dict[int, list] = {}
    for item in evidence:
        for node in item.nodes.all():
            by_node.setdefault(node.pk, []).append(item)
    return evidence, by_node


def _deadline_passed(assessment: Assessment) -> str:
    """Said on the page (not only when a stale form is posted) once the deadline has closed a draft."""
    if assessment.status not in workflow.SELF_EDITABLE or self_assessment_open(assessment):
        return ""
    return deadline_passed_message(assessment)


def assessment_entry(*, assessment: Assessment, user) -> dict:
    """Everything the entry page shows: the tree, the unit's scores, evidence, totals and actions."""
    tree = tree_for(assessment.period.framework)
    scores = {
        s.node_id: s
        for s in SelfScore.objects.filter(assessment=assessment).select_related("updated_by")
    }
    evidence, evidence_by_node = evidence_of(assessment=assessment)
    records = {tree.by_id[node_id].code: Record(s.value, s.not_assessed) for node_id, s in scores.items()}
    subtotals = unit_scoring(tree, records, {}, appraisal_closed=False).self_by_code
    rows = []
    for node in tree.nodes:
        is_leaf = tree.is_leaf(node.code)
        rows.append(EntryRow(
            node=node,
            parent_code=node.parent,
            is_leaf=is_leaf,
            subtotal=subtotals[node.code],
            score=scores.get(node.pk),
            fields=rules.input_fields(node.rule) if is_leaf else [],
            rule_text=rules.describe(node.rule, node.max_points) if is_leaf and node.rule else "",
            evidence=evidence_by_node.get(node.pk, []),
        ))
    total = subtotals[""]
    return {
        "assessment": assessment,
        "deadlines": deadlines_of(assessment),
        "deadline_passed": _deadline_passed(assessment),
        "rows": rows,
        "total": total,
        # Whole percent, half up like every other percentage (12.5 % shows as 13, not 12).
        "progress_pct": quantize_percent(Decimal(100) * total.scored / total.leaves, places=0) if total.leaves else 0,
        "evidence": evidence,
        "summary": StepSummary(
            scored=total.scored, leaves=total.leaves, total=total.score, max_points=total.max_points,
            unscored=[row.node.code for row in rows if row.is_leaf and subtotals[row.node.code].scored == 0],
            missing_evidence=[row.node.code for row in rows if row.lacks_evidence],
        ),
        "history": list(StatusChange.objects.filter(assessment=assessment).select_related("by")),
    }
