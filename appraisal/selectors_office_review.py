"""What the offices' assessment pages read: a unit's criteria side by side, every unit's progress; fixed queries."""
from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from accounts.access import Actor, may_score_office_review, within_appraisal_time
from assessments.deadlines import appraisal_open
from assessments.models import Assessment, SelfScore
from assessments.workflow import APPRAISAL_EDITABLE, SELF_EDITABLE, Status
from frameworks.selectors import tree_for
from frameworks.tree import TreeNode
from reports.index import OFFICE_REVIEW_PART, IndexPart
from reports.selectors import survey_parts

from .models import AppraisedScore, OfficeReviewPart, OfficeReviewScore
from .selectors import council_seat

PROGRESS_PAGE_SIZE = 30


@dataclass(frozen=True)
class OfficeReviewRow:
    node: TreeNode
    self_value: Decimal | None
    council_value: Decimal | None  # the council's figure; until it decides, the self-score stands
    score: OfficeReviewScore | None
    may_score: bool


def office_review_part(*, period) -> OfficeReviewPart | None:
    return OfficeReviewPart.objects.filter(period=period).first()


def stored_part(parts: list) -> IndexPart | None:
    """The offices' assessment in a stored result's ``parts``; None: the result was stored without it."""
    return next((part for part in survey_parts(parts or []) if part.code == OFFICE_REVIEW_PART), None)


def office_review_unit(*, assessment: Assessment, part: OfficeReviewPart, user) -> dict:
    """One unit's criteria of the part: self score, council score and the office's, and which the reader may score.

    Six queries whatever the number of criteria.
    """
    tree = tree_for(assessment.period.framework)
    nodes = [tree.by_code[code] for code in part.criteria]
    ids = [node.pk for node in nodes]
    own = dict(SelfScore.objects.filter(assessment=assessment, node_id__in=ids).values_list("node_id", "value"))
    council = dict(AppraisedScore.objects.filter(assessment=assessment, node_id__in=ids).values_list("node_id", "value"))
    scores = {score.node_id: score for score in OfficeReviewScore.objects.filter(assessment=assessment, part=part)
              .select_related("office", "scored_by")}
    actor = Actor.of(user)
    seated, assigned = council_seat(user=user, period_id=assessment.period_id)
    line = assessment.period.organiser_line
    open_now = (assessment.status in APPRAISAL_EDITABLE and within_appraisal_time(
        actor, appraisal_open=appraisal_open(assessment.period.appraisal_deadline, timezone.localdate())))
    rows = [OfficeReviewRow(
        node=node, self_value=own.get(node.pk), council_value=council.get(node.pk, own.get(node.pk)),
        score=scores.get(node.pk),
        may_score=open_now and may_score_office_review(actor, seated=seated, assigned=node.pk in assigned,
                                                       organiser_line=line),
    ) for node in nodes]
    result = getattr(assessment, "result", None)
    scorable = [row.may_score for row in rows]
    return {"assessment": assessment, "part": part, "rows": rows, "open": open_now,
            "scores_some_only": any(scorable) and not all(scorable),
            "criteria_max": sum((node.max_points for node in nodes), Decimal(0)),
            "figure": stored_part(result.parts) if result else None}


@dataclass(frozen=True)
class ProgressRow:
    assessment_id: int
    unit_name: str
    status: str
    scored: int
    criteria: int
    points: Decimal | None
    max_points: Decimal

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def scorable(self) -> bool:
        """Under appraisal: the offices score it now."""
        return self.status in APPRAISAL_EDITABLE

    @property
    def readable(self) -> bool:
        """Submitted at least: its page opens to the council as the appraisal's does."""
        return self.status not in SELF_EDITABLE


def office_review_progress(*, period, part: OfficeReviewPart, page_number) -> tuple:
    """(page, rows): every unit of the period that takes part, with how many of the part's criteria the offices
    have scored and its points in the part, a page at a time; three queries whatever the page size."""
    assessments = (Assessment.objects.filter(period=period, excluded=False).order_by("unit__order", "unit__code")
                   .annotate(scored=Count("office_review_scores", filter=Q(office_review_scores__part=part)))
                   .values("pk", "unit__name", "status", "scored", "result__parts"))
    page = Paginator(assessments, PROGRESS_PAGE_SIZE).get_page(page_number)
    rows = []
    for row in page.object_list:
        figure = stored_part(row["result__parts"])
        rows.append(ProgressRow(row["pk"], row["unit__name"], row["status"], row["scored"], len(part.criteria),
                                figure.points if figure else None, figure.max_points if figure else part.max_points))
    return page, rows
