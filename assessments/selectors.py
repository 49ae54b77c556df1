"""Read-side queries of the self-assessment; every page loads in a fixed number of queries."""
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Exists, Max, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.access import Actor, may_read_assessment, may_read_period, may_read_results, runs_period
from accounts.selectors import in_reach, organisers_reached
from appraisal.models import CouncilMember
from contributors.selectors import contributions_by_node, contributor_progress, is_reviewed, unit_contributors
from frameworks import rules
from frameworks.models import Framework
from frameworks.points import points_to_str, quantize_percent
from frameworks.selectors import tree_for
from frameworks.tree import Subtotal, TreeNode
from organizations.hierarchy import ORGANISER_KINDS, assessing_organiser
from organizations.models import Unit

from . import errors, workflow
from .deadlines import Deadline, deadlines, last_self_assessment_day
from .errors import AssessmentError
from .models import PERIOD_ORGANISER, Assessment, Evidence, Period, SelfScore, StatusChange
from .results import survey_scored_leaves, unit_records
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
        Assessment.objects.select_related("unit", "period__framework", f"period__{PERIOD_ORGANISER}").annotate(
            seated=Exists(CouncilMember.objects.filter(period_id=OuterRef("period_id"), user_id=user.pk))
        ),
        pk=pk,
    )
    if not may_read_assessment(Actor.of(user), unit_id=assessment.unit_id, status=assessment.status,
                               seated=assessment.seated, organiser_line=assessment.period.organiser_line):
        raise Http404
    return assessment


def get_period_for_user(user, pk: int, *, manage: bool = False) -> Period:
    """A period for the results readers its organiser's reach covers (404 for others); ``manage``: its office only."""
    period = get_object_or_404(Period.objects.select_related("framework", PERIOD_ORGANISER), pk=pk)
    allowed = runs_period if manage else may_read_period
    if not allowed(Actor.of(user), organiser_line=period.organiser_line):
        raise Http404
    return period


def periods_for_user(user):
    """The periods ``user`` reads (their organisers' as ``get_period_for_user`` says), newest first."""
    actor = Actor.of(user)
    if not may_read_results(actor):
        return Period.objects.none()
    return in_reach(Period.objects.select_related("framework", "organiser"), actor).order_by(
        "-year", "framework__key", "organiser__order", "organiser__code")


def organisers_opened_by(actor: Actor):
    """The organisers whose periods the office ``actor`` opens (``access.runs_period``): its own, every one
    for administrators; the opening form's choice, in the order of the tree."""
    organisers = Unit.objects.filter(kind__in=ORGANISER_KINDS)
    reached = organisers_reached(actor)
    return (organisers if reached is None else organisers.filter(pk__in=reached)).order_by("kind", "order", "code")


def units_assessed_by(*, organiser_id):
    """The units the periods of an organiser may take (``hierarchy.assessing_organiser``), for the opening form."""
    candidates = Unit.objects.exclude(framework_family="").select_related("parent__parent")
    ids = [unit.pk for unit in candidates if getattr(assessing_organiser(unit), "pk", None) == organiser_id]
    return Unit.objects.filter(pk__in=ids).order_by("kind", "order", "code")


def frameworks_for_units(units):
    """The framework versions of the families ``units`` are assessed on: Hoàng Mai is not offered Hải Phòng's."""
    return Framework.objects.filter(family__in=units.values("framework_family")).order_by("key")


# Lookups by the identifiers people type (management commands): AssessmentError, not 404, when absent.
def period_get(*, identifier: str) -> Period:
    """Find a period by ``KEY/YEAR``, or ``ORGANISER/KEY/YEAR`` where organisers share a framework and year."""
    parts = identifier.split("/")
    organiser = parts[0] if len(parts) == 3 else None
    key, year = parts[-2:] if len(parts) >= 2 else (identifier, "")
    periods = Period.objects.select_related("framework", PERIOD_ORGANISER).filter(
        framework__key=key, year=year if year.isdigit() else -1)
    if organiser is not None:
        periods = periods.filter(organiser__code=organiser)
    found = list(periods[:10])
    if not found or len(parts) > 3:
        raise AssessmentError(errors.PERIOD_NOT_FOUND % {"identifier": identifier})
    if len(found) > 1:
        raise AssessmentError(errors.PERIOD_AMBIGUOUS % {
            "identifier": identifier, "choices": ", ".join(sorted(p.full_identifier for p in found))})
    return found[0]


def assessment_get(*, period: Period, unit_code: str) -> Assessment:
    """Find a unit's assessment in a period by the unit's code."""
    assessment = Assessment.objects.select_related("unit", "period__framework").filter(
        period=period, unit__code=unit_code
    ).first()
    if assessment is None:
        raise AssessmentError(errors.ASSESSMENT_NOT_FOUND % {"code": unit_code, "identifier": period.identifier})
    return assessment


def assessments_for_user(*, user, search: str = "", status: str = "", period_id: int | None = None):
    """The files ``user`` may open, newest period first; ``search`` matches the unit's name or code."""
    actor = Actor.of(user)
    everyone = Assessment.objects.all()
    mine = (in_reach(everyone, actor, "period__organiser") if may_read_results(actor)
            else everyone.filter(unit_id=actor.unit_id) if actor.unit_id else everyone.none())
    assessments = (
        mine.select_related("unit", "period__framework")
        .order_by("-period__year", "period__framework__key", "unit__order", "unit__code")
    )
    if search.strip():
        words = unicodedata.normalize("NFC", search.strip())
        assessments = assessments.filter(Q(unit__name__folded=words) | Q(unit__code__folded=words))
    if status in workflow.Status.values:
        assessments = assessments.filter(status=status)
    if period_id:
        assessments = assessments.filter(period_id=period_id)
    return assessments


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
    contribution: object = None  # the contributor who holds this leaf, if the unit assigned one

    @property
    def reviewed(self) -> bool:
        return is_reviewed(self.contribution, self.score)
    survey_method: str = ""  # the survey part that scores this leaf; "" when the unit scores it
    survey_points: Decimal | None = None  # what the survey gave it so far

    @property
    def applies_only(self) -> str:
        return rules.applies_only(self.node.rule) if self.is_leaf else ""

    @property
    def inputs(self) -> dict:
        return self.score.inputs if self.score else {}

    @property
    def lacks_evidence(self) -> bool:
        """Scored above 0 without any evidence: allowed, but flagged at submission."""
        return bool(self.is_leaf and self.score and self.score.value and not self.evidence)


def unscored_leaf_codes(*, assessment: Assessment) -> list[str]:
    """The leaves the unit has neither scored nor marked not assessed, in document order (two queries).

    Leaves a survey scores are never the unit's to score."""
    done = set(SelfScore.objects.filter(assessment=assessment).filter(Q(value__isnull=False) | Q(not_assessed=True))
               .values_list("node_id", flat=True))
    tree = tree_for(assessment.period.framework)
    surveyed = survey_scored_leaves(assessment.period, tree)
    return [leaf.code for leaf in tree.leaves if leaf.pk not in done and leaf.code not in surveyed]


@dataclass(frozen=True)
class StepSummary:
    """What a confirmation of submit, finish, publish or phúc tra shows before the step is taken."""

    scored: int
    leaves: int
    total: Decimal
    max_points: Decimal
    unscored: list[str] = field(default_factory=list)
    missing_evidence: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)  # contributors' criteria the head has not marked reviewed


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
    step = assessment.period.framework.points_step
    scores = {
        s.node_id: s
        for s in SelfScore.objects.filter(assessment=assessment).select_related("updated_by")
    }
    evidence, evidence_by_node = evidence_of(assessment=assessment)
    contributions = contributions_by_node(assessment_id=assessment.pk)
    surveyed = survey_scored_leaves(assessment.period, tree)
    records, _decided = unit_records(assessment, tree) if surveyed else (
        {tree.by_id[node_id].code: Record(s.value, s.not_assessed) for node_id, s in scores.items()}, {})
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
            # Every leaf says how it is scored, a hand-typed one with its step.
            rule_text=rules.describe(rules.with_step(node.rule, step), node.max_points) if is_leaf else "",
            evidence=evidence_by_node.get(node.pk, []),
            contribution=contributions.get(node.pk),
            survey_method=surveyed.get(node.code, ""),
            survey_points=records[node.code].value if node.code in surveyed and node.code in records else None,
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
            unreviewed=[row.node.code for row in rows if row.contribution and not row.reviewed],
        ),
        "history": list(StatusChange.objects.filter(assessment=assessment).select_related("by")),
        "contributors": contributor_progress(unit_contributors(unit_id=assessment.unit_id), contributions, scores),
    }


@dataclass(frozen=True)
class ProgressRow:
    """One unit's progress in a period, as the office follows the year."""

    assessment_id: int
    unit_code: str
    unit_name: str
    unit_kind: str
    status: str
    excluded: bool
    excluded_reason: str
    scored: int
    leaves: int
    self_total: Decimal
    evidence_missing: int  # criteria scored above 0 without any evidence
    submitted_at: datetime | None  # the latest submission
    last_activity: datetime | None  # the latest score saved or workflow step
    deadline: date | None  # the unit's own deadline: its reopening, else the period's
    days_left: int | None  # to the deadline; negative once it has passed

    @property
    def status_label(self) -> str:
        return workflow.Status(self.status).label

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


def period_progress(*, period: Period, today: date | None = None) -> list[ProgressRow]:
    """Every unit of the period, in unit order: five queries whatever the number of units."""
    today = today or timezone.localdate()
    rows = (Assessment.objects.filter(period=period).order_by("unit__order", "unit__code")
            .values("pk", "unit__code", "unit__name", "unit__kind", "status", "excluded", "excluded_reason",
                    "status_changed_at", "reopened_until", "result__scored", "result__leaves", "result__self_total"))
    in_period = {"assessment__period": period}
    submitted = dict(StatusChange.objects.filter(action="submit", **in_period).values("assessment_id")
                     .annotate(at=Max("at")).values_list("assessment_id", "at"))
    saved = dict(SelfScore.objects.filter(**in_period).values("assessment_id")
                 .annotate(at=Max("updated_at")).values_list("assessment_id", "at"))
    scored_above_zero = set(SelfScore.objects.filter(value__gt=0, **in_period).values_list("assessment_id", "node_id"))
    proven = set(Evidence.nodes.through.objects.filter(evidence__assessment__period=period)
                 .values_list("evidence__assessment_id", "node_id"))
    missing = Counter(assessment_id for assessment_id, _node in scored_above_zero - proven)
    return [
        ProgressRow(
            assessment_id=row["pk"], unit_code=row["unit__code"], unit_name=row["unit__name"],
            unit_kind=row["unit__kind"], status=row["status"], excluded=row["excluded"],
            excluded_reason=row["excluded_reason"], scored=row["result__scored"], leaves=row["result__leaves"],
            self_total=row["result__self_total"], evidence_missing=missing[row["pk"]],
            submitted_at=submitted.get(row["pk"]),
            last_activity=max(filter(None, (saved.get(row["pk"]), row["status_changed_at"])), default=None),
            **_deadline(period, row["reopened_until"], today),
        )
        for row in rows
    ]


def _deadline(period: Period, reopened_until, today: date) -> dict:
    deadline = last_self_assessment_day(period.self_assessment_deadline, reopened_until)
    return {"deadline": deadline, "days_left": None if deadline is None else (deadline - today).days}


PROGRESS_SORTS = {
    "don-vi": lambda row: (0,),  # the units' own order, as loaded
    "trang-thai": lambda row: (workflow.Status.values.index(row.status),),
    "da-cham": lambda row: (row.scored,),
    "tong-diem": lambda row: (row.self_total,),
    "thieu-tai-lieu": lambda row: (-row.evidence_missing,),
    "ngay-nop": lambda row: (row.submitted_at is None, row.submitted_at or 0),
    "hoat-dong": lambda row: (row.last_activity is None, row.last_activity or 0),
}


def progress_filtered(rows: list[ProgressRow], *, status: str = "", unit_kind: str = "", sort: str = "") -> list[ProgressRow]:
    """The overview's filters (a workflow status, ``excluded``; a kind of unit) and sort (``PROGRESS_SORTS``)."""
    if status == "excluded":
        rows = [row for row in rows if row.excluded]
    elif status:
        rows = [row for row in rows if row.status == status and not row.excluded]
    if unit_kind:
        rows = [row for row in rows if row.unit_kind == unit_kind]
    return sorted(rows, key=PROGRESS_SORTS.get(sort, PROGRESS_SORTS["don-vi"]))


def progress_as_json(rows: list[ProgressRow]) -> list[dict]:
    """``period_progress --format json``: points as strings, times in ISO 8601 with the local offset."""
    return [
        {
            "unit_code": row.unit_code, "status": row.status, "excluded": row.excluded, "scored": row.scored,
            "leaves": row.leaves, "self_total": points_to_str(row.self_total),
            "evidence_missing": row.evidence_missing,
            "submitted_at": timezone.localtime(row.submitted_at).isoformat() if row.submitted_at else None,
        }
        for row in rows
    ]
