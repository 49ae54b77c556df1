"""Writes of the appraisal: the council, its decisions, the explanation round and publication."""
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from accounts import access
from accounts.access import Actor
from accounts.models import Notification, Role
from organizations.hierarchy import home_affairs_office, organiser_of
from assessments import actions, workflow
from assessments.deadlines import appraisal_open
from assessments.models import Assessment, Period, SelfScore
from assessments.results import result_changed, results_refresh, survey_scored_leaves
from assessments.scoring import records_to_json
from assessments.errors import SURVEY_SCORED, AssessmentError
from assessments.services import ensure_may_skip, evidence_add, lock_assessment
from assessments.versioning import current_score, save_next_version
from assessments.workflow import Status
from config.text import EXPLANATION_MAX, REASON_MAX, TextTooLong, bounded
from frameworks import rules
from frameworks.models import Node
from frameworks.points import format_points
from frameworks.selectors import tree_for

from . import errors
from .errors import AppraisalError
from .models import AppraisedScore, Assignment, CouncilMember, CouncilRole, ExplanationMessage, PublishedResult
from .selectors import council_seat

# -- the council -------------------------------------------------------------------------------


# Seed 000: the district chairman chairs, the Nội vụ head is vice-chair, heads of the offices concerned
# are members; a secretary is optional. Who may hold each seat, and how many may: None is any number; who
# it is, with ``office`` the organiser's Nội vụ office (``hierarchy.home_affairs_office``) where it counts.
COUNCIL_SEATS = {
    CouncilRole.CHAIR: (frozenset({Role.LEADERSHIP}), 1, _("Chủ tịch UBND")),
    CouncilRole.VICE_CHAIR: (frozenset({Role.SECRETARIAT}), 1, _("Thủ trưởng %(office)s")),
    CouncilRole.MEMBER: (frozenset({Role.COUNCIL_MEMBER}), None, _("thủ trưởng phòng, ban liên quan")),
    CouncilRole.SECRETARY: (frozenset({Role.SECRETARIAT, Role.COUNCIL_MEMBER}), 1, _("công chức %(office)s hoặc phòng liên quan")),
}
REQUIRED_SEATS = (CouncilRole.CHAIR, CouncilRole.VICE_CHAIR)


@transaction.atomic
def council_member_add(*, period: Period, user, role: CouncilRole = CouncilRole.MEMBER, by=None) -> CouncilMember:
    """Seat ``user`` on the period's council, as the decision composes it; seating someone again in the same
    position changes nothing."""
    role = CouncilRole(role)
    allowed, most, who = COUNCIL_SEATS[role]
    seats = list(CouncilMember.objects.select_for_update().filter(period=period).select_related("user"))
    mine = next((seat for seat in seats if seat.user_id == user.pk), None)
    if mine is not None:
        if mine.role == role:
            return mine
        raise AppraisalError(errors.COUNCIL_ALREADY_SEATED % {"name": user.display_name, "position": mine.get_role_display()})
    if Actor.of(user).role not in allowed:
        raise AppraisalError(errors.COUNCIL_WRONG_PERSON % {
            "position": role.label, "who": who % {"office": home_affairs_office(period.organiser)},
            "name": user.display_name, "role": user.role_display})
    taken = [seat for seat in seats if seat.role == role]
    if most is not None and len(taken) >= most:
        raise AppraisalError(errors.COUNCIL_SEAT_TAKEN % {"position": role.label, "name": taken[0].user.display_name})
    if organiser_of(user.unit) != period.organiser:  # a council is the organiser's own people
        raise AppraisalError(errors.COUNCIL_OTHER_ORGANISER % {"name": user.display_name, "organiser": period.organiser.name})
    member = CouncilMember(period=period, user=user, role=role)
    member._history_user = by
    member.save()
    return member


@transaction.atomic
def council_member_remove(*, member: CouncilMember, by) -> None:
    """Unseat a member; the criteria assigned to them go back to the office."""
    member._history_user = by
    member.delete()


def council_missing_seats(seats) -> list[str]:
    """The positions the decision requires that nobody holds yet (chair, vice-chair)."""
    held = {seat.role for seat in seats}
    return [str(role.label) for role in REQUIRED_SEATS if role not in held]


@transaction.atomic
def assignments_set(*, member: CouncilMember, codes: list[str], assign: bool = True) -> int:
    """Assign to ``member`` (or take back) every leaf under the given codes: a criterion, or a whole area.

    Returns how many assignments were made (or removed).
    """
    tree = tree_for(member.period.framework)
    unknown = [code for code in codes if code not in tree.by_code]
    if unknown or not codes:
        raise AppraisalError(errors.NO_SUCH_CRITERIA % {"codes": ", ".join(unknown) or "—"})
    leaves = {leaf.pk for leaf in tree.leaves_under(codes)}
    current = set(member.assignments.filter(node_id__in=leaves).values_list("node_id", flat=True))
    if not assign:
        return member.assignments.filter(node_id__in=current).delete()[0]
    Assignment.objects.bulk_create(Assignment(member=member, node_id=node_id) for node_id in sorted(leaves - current))
    return len(leaves - current)


@transaction.atomic
def assignments_apply_defaults(*, period: Period) -> int:
    """Assign each leaf to the members whose office the sources name as responsible for it.

    Seeds 002 and 003 name offices ("Sở Nội vụ", "Nội vụ"); a member matches when that name is
    part of their unit's name. Criteria no member matches stay with the secretariat.
    """
    members = list(period.council.select_related("user__unit"))
    tree = tree_for(period.framework)
    created = 0
    for node in tree.leaves:
        for office in tree.responsible_offices_of(node.code):
            for member in members:
                unit_name = member.user.unit.name.lower() if member.user.unit_id else ""
                if office.strip().lower() in unit_name:
                    _obj, made = Assignment.objects.get_or_create(member=member, node_id=node.pk)
                    created += made
    return created


def ensure_appraisal_time(*, assessment: Assessment, by) -> None:
    deadline = assessment.period.appraisal_deadline
    if not access.within_appraisal_time(Actor.of(by), appraisal_open=appraisal_open(deadline, timezone.localdate())):
        raise AppraisalError(errors.APPRAISAL_DEADLINE_PASSED % {
            "deadline": f"{deadline:%d/%m/%Y}", "office": home_affairs_office(assessment.period.organiser)})


def may_appraise(*, user, assessment: Assessment, node: Node) -> bool:
    """The access policy asked with this criterion's facts (one query)."""
    seated, assigned = council_seat(user=user, period_id=assessment.period_id)
    return access.may_appraise(Actor.of(user), seated=seated, assigned=node.pk in assigned,
                               organiser_line=assessment.period.organiser_line)


# -- decisions ---------------------------------------------------------------------------------


def bounded_text(text, *, name, limit: int) -> str:
    try:
        return bounded(text, name=name, limit=limit)
    except TextTooLong as error:
        raise AppraisalError(str(error)) from None


APPRAISED_FIELDS = ["value", "not_assessed", "reason", "version", "decided_by", "decided_at"]


@transaction.atomic
def appraisal_save(
    *, assessment: Assessment, node: Node, by, value, reason: str = "", expected_version: int | None,
    not_assessed: bool = False,
) -> AppraisedScore:
    """Confirm or adjust one criterion. A value other than the self-score needs a reason.

    ``not_assessed``: the criterion does not apply to the unit (only one the framework applies to
    some units only), as the unit may have marked it; a mark the unit did not set needs a reason too."""
    lock_assessment(assessment)
    if assessment.status not in workflow.APPRAISAL_EDITABLE:
        raise AppraisalError(errors.NOT_APPRAISING % {"status": Status(assessment.status).label})
    tree = tree_for(assessment.period.framework)
    if node.framework_id != assessment.period.framework_id or not tree.is_leaf(node.code):
        raise AppraisalError(errors.NOT_A_LEAF % {"code": node.code})
    if node.code in survey_scored_leaves(assessment.period, tree):
        raise AppraisalError(SURVEY_SCORED % {"code": node.code})
    ensure_appraisal_time(assessment=assessment, by=by)
    if not may_appraise(user=by, assessment=assessment, node=node):
        raise AppraisalError(errors.NOT_ASSIGNED % {"code": node.code})
    reason = bounded_text(reason, name=errors.REASON, limit=REASON_MAX)
    if not_assessed:
        try:
            ensure_may_skip(node)
        except AssessmentError as refused:
            raise AppraisalError(str(refused)) from None
        decided = (None, True)
    else:
        # The council types its figure by hand, whatever the rule, on the framework's step.
        step = node.framework.points_step
        decided = (rules.evaluate(rules.with_step(None, step), node.max_points, {"value": value}), False)
    self_score = SelfScore.objects.filter(assessment=assessment, node=node).first()
    own = (self_score.value, self_score.not_assessed) if self_score else (None, False)
    if decided != own and not reason.strip():
        shown = _("Không đánh giá") if own[1] else format_points(own[0]) if own[0] is not None else "—"
        raise AppraisalError(errors.REASON_REQUIRED % {"self": shown})
    score = current_score(AppraisedScore, assessment=assessment, node=node, expected_version=expected_version,
                          author_field="decided_by", stale_message=errors.STALE_VERSION, error=AppraisalError)
    score.value, score.not_assessed = decided
    score.reason = reason
    score.decided_by = by
    score._change_reason = score.reason or "Công nhận"
    save_next_version(score, by=by, fields=APPRAISED_FIELDS)
    result_changed(assessment)
    return score


@transaction.atomic
def appraisal_finish(*, assessment: Assessment, by):
    """End the appraisal of a unit: criteria nobody changed are confirmed at their self-score."""
    lock_assessment(assessment)  # first, as every score save does: a decision racing the finish waits
    actions.check("finish_appraisal", assessment=assessment, by=by)
    self_scores = {s.node_id: s for s in SelfScore.objects.filter(assessment=assessment)}
    decided = {a.node_id: a for a in AppraisedScore.objects.filter(assessment=assessment)}
    # A confirmation (no reason) means "as self-scored": if the unit changed that score after a
    # return, the confirmation follows it; adjustments, which carry a reason, stand.
    for node_id, score in decided.items():
        own = self_scores.get(node_id)
        if own is not None and not score.reason and (score.value, score.not_assessed) != (own.value, own.not_assessed):
            score.value, score.not_assessed, score.decided_by = own.value, own.not_assessed, by
            score.version += 1
            score._history_user, score._change_reason = by, "Công nhận điểm tự chấm đã sửa"
            score.save(update_fields=APPRAISED_FIELDS)
    bulk_create_with_history(
        [AppraisedScore(assessment=assessment, node_id=node_id, value=own.value, not_assessed=own.not_assessed,
                        decided_by=by) for node_id, own in self_scores.items() if node_id not in decided],
        AppraisedScore, default_user=by, default_change_reason="Công nhận",
    )
    return actions.assessment_finish_appraisal(assessment=assessment, by=by)


# -- explanation round -------------------------------------------------------------------------


@transaction.atomic
def explanation_request(*, assessment: Assessment, nodes: list[Node], question: str, by, answer_deadline=None):
    """The council asks the unit to explain (or add evidence to) chosen criteria."""
    question = bounded_text(question, name=errors.QUESTION, limit=REASON_MAX)
    if not question:
        raise AppraisalError(errors.QUESTION_REQUIRED)
    if not nodes:
        raise AppraisalError(errors.NO_CRITERIA_CHOSEN)
    ensure_appraisal_time(assessment=assessment, by=by)
    for node in nodes:
        if not may_appraise(user=by, assessment=assessment, node=node):
            raise AppraisalError(errors.NOT_ASSIGNED % {"code": node.code})
    if assessment.status == Status.UNDER_APPRAISAL:
        actions.assessment_request_explanation(assessment=assessment, by=by, reason=question)
    elif assessment.status != Status.EXPLANATION_REQUESTED:
        raise AppraisalError(errors.NOT_APPRAISING % {"status": Status(assessment.status).label})
    ExplanationMessage.objects.bulk_create(
        ExplanationMessage(assessment=assessment, node=node, kind=ExplanationMessage.Kind.QUESTION,
                           text=question, author=by, answer_deadline=answer_deadline)
        for node in nodes
    )
    url = reverse("appraisal:page", args=[assessment.pk])
    Notification.objects.bulk_create(
        Notification(recipient=user, message=f"Hội đồng thẩm định đề nghị giải trình: {question}"[:300],
                     url=url)
        for user in assessment.unit.users.filter(is_active=True)
    )


@transaction.atomic
def explanation_answer(
    *, assessment: Assessment, node: Node, text: str, by, leave: bool = False, uploaded=None,
) -> ExplanationMessage:
    """The unit answers on one criterion, with a document if it likes, or leaves the question with a
    reason (``leave``); the round stays open until the unit sends its answers."""
    if not access.may_write_self_scores(Actor.of(by), unit_id=assessment.unit_id):
        raise AppraisalError(errors.NOT_UNIT_MEMBER)
    if assessment.status != Status.EXPLANATION_REQUESTED:
        raise AppraisalError(errors.NOT_APPRAISING % {"status": Status(assessment.status).label})
    # A reason for leaving is a reason; an answer is an explanation, as long as the unit's own.
    text = bounded_text(text, name=errors.LEAVE_REASON if leave else errors.ANSWER,
                    limit=REASON_MAX if leave else EXPLANATION_MAX)
    if not text:
        raise AppraisalError((errors.LEAVE_REASON_REQUIRED if leave else errors.ANSWER_REQUIRED) % {"code": node.code})
    question = assessment.explanations.filter(node=node, kind=ExplanationMessage.Kind.QUESTION).last()
    if question is None:
        raise AppraisalError(errors.NO_QUESTION % {"code": node.code})
    if question.answer_deadline and timezone.localdate() > question.answer_deadline:
        raise AppraisalError(errors.ANSWER_TOO_LATE % {
            "code": node.code, "deadline": question.answer_deadline.strftime("%d/%m/%Y")})
    if uploaded is not None:
        try:
            evidence_add(assessment=assessment, by=by, nodes=[node], uploaded=uploaded)
        except AssessmentError as refused:
            raise AppraisalError(str(refused)) from refused
    kind = ExplanationMessage.Kind.LEFT if leave else ExplanationMessage.Kind.ANSWER
    return ExplanationMessage.objects.create(assessment=assessment, node=node, kind=kind, text=text, author=by)


# -- publication -------------------------------------------------------------------------------


def _publish(assessments: list[Assessment], *, by, versions: dict, reason: str = "") -> list[PublishedResult]:
    """Take the "publish" step for every assessment and freeze its stored figures, in a fixed number
    of queries whatever their number (``versions``: assessment id -> the new publication's version)."""
    actions.assessments_publish(assessments=assessments, by=by, reason=reason)
    scoring, stored = results_refresh(assessments)
    PublishedResult.objects.filter(assessment__in=assessments, current=True).update(current=False)
    return PublishedResult.objects.bulk_create(
        PublishedResult(
            assessment=a, version=versions[a.pk], published_by=by, reason=reason,
            self_total=stored[a.pk].self_total, appraised_total=stored[a.pk].combined_total,
            max_total=stored[a.pk].appraisal_max, survey_total=stored[a.pk].survey_total,
            survey_max=stored[a.pk].survey_max, parts=stored[a.pk].parts,
            areas=stored[a.pk].areas, shortfalls=stored[a.pk].shortfalls,
            scores=records_to_json(scoring.tree, *scoring.records[a.pk]),
        )
        for a in assessments
    )


def publication_refusal(assessments) -> str:
    """Why the period of these files cannot be published yet ("" when it can): the units not appraised.
    Units left out of the period (merged, dissolved…) neither block nor join the publication."""
    waiting = [a.unit.name for a in assessments if not a.excluded and a.status != Status.APPRAISED]
    return str(errors.NOT_ALL_APPRAISED % {"units": ", ".join(waiting)}) if waiting else ""


@transaction.atomic
def period_publish(*, period: Period, by) -> list[PublishedResult]:
    """Publish the whole period at once: every unit must be appraised; numbers are frozen."""
    if period.published_at is not None:
        raise AppraisalError(errors.ALREADY_PUBLISHED % {"identifier": period.identifier})
    assessments = list(period.assessments.filter(excluded=False).select_related("unit").select_for_update(of=("self",)))
    refusal = publication_refusal(assessments)
    if refusal:
        raise AppraisalError(refusal)
    published = _publish(assessments, by=by, versions={a.pk: 1 for a in assessments})
    period.published_at = timezone.now()
    period._history_user = by
    period.save(update_fields=["published_at"])
    return published


@transaction.atomic
def reappraisal_publish(*, assessment: Assessment, by, reason: str) -> PublishedResult:
    """After a re-appraisal (phúc tra), publish the corrected result as a new version."""
    last = assessment.publications.order_by("-version").first()
    if last is None:
        raise AppraisalError(errors.NOT_YET_PUBLISHED % {"unit": assessment.unit.name})
    reason = bounded_text(reason, name=errors.REPUBLISH_REASON, limit=REASON_MAX)
    if not reason:
        raise AppraisalError(errors.REPUBLISH_REASON_REQUIRED)
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    (published,) = _publish([locked], by=by, versions={locked.pk: last.version + 1}, reason=reason)
    assessment.status, assessment.status_changed_at = locked.status, locked.status_changed_at
    return published
