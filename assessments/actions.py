"""One function per workflow step: lock the row, check, save the status, record a ``StatusChange``, notify.

These are the only writers of ``Assessment.status``; ``workflow.py`` says which steps are allowed.
Every step takes an optional ``reason`` (required where the table says so), kept on its event row.
"""
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from accounts.access import Actor, reaches
from accounts.models import Notification, Role, User
from accounts.selectors import units_of
from appraisal.explanations import round_state
from appraisal.models import ExplanationMessage
from config.text import REASON_MAX, TextTooLong, bounded

from . import workflow
from .models import PERIOD_ORGANISER, Assessment, StatusChange
from .results import APPRAISAL_CLOSED, result_changed
from .selectors import unscored_leaf_codes


def _facts(assessment: Assessment, user) -> dict:
    """What the workflow table reads; a role counts only within the organisers it reaches (the unit's own
    people always), so another district's office has no step on this file."""
    actor = Actor.of(user)
    own_unit = actor.belongs_to(assessment.unit_id)
    in_reach = own_unit or reaches(actor, assessment.period.organiser_line)
    return {"status": assessment.status, "role": actor.role if in_reach else None, "own_unit": own_unit}


def _office_of(assessment: Assessment):
    """The secretariat of the period's organiser: the office told of submissions and answers."""
    return User.objects.filter(role=Role.SECRETARIAT, unit__in=units_of([assessment.period.organiser_id]))


def check(action: str, *, assessment: Assessment, by, reason: str = "") -> workflow.Transition:
    """``workflow.check`` asked with the facts of ``assessment`` and ``by``; raises ``TransitionError``."""
    return workflow.check(action, **_facts(assessment, by), reason=reason)


def available(*, assessment: Assessment, user, generic_only: bool = False) -> list[workflow.Transition]:
    """The steps ``user`` may take on ``assessment`` now, by the same check the steps apply."""
    return workflow.available_actions(**_facts(assessment, user), generic_only=generic_only)


def _reason(reason: str) -> str:
    """A step's reason as stored: composed and bounded, refused like any other refused step."""
    try:
        return bounded(reason, name=workflow.REASON, limit=REASON_MAX)
    except TextTooLong as error:
        raise workflow.TransitionError(str(error)) from None


def _step(assessment: Assessment, action: str, *, by, reason: str, guard=None,
          also: dict | None = None) -> StatusChange:
    """``guard(locked)`` checks what the table cannot see (the scores) once the row is locked;
    ``also`` holds other fields of the assessment the step sets, saved with the status."""
    reason = _reason(reason)
    # Lock the row so two people cannot take two steps from the same state at once.
    locked = Assessment.objects.select_for_update(of=("self",)).select_related(f"period__{PERIOD_ORGANISER}").get(
        pk=assessment.pk)
    step = check(action, assessment=locked, by=by, reason=reason)
    if guard is not None:
        guard(locked)
    old = locked.status
    changes = {"status": step.target, "status_changed_at": timezone.now(), **(also or {})}
    for name, value in changes.items():
        setattr(locked, name, value)
    locked._history_user = by
    locked._change_reason = reason or str(step.label)
    locked.save(update_fields=list(changes))
    for name, value in changes.items():
        setattr(assessment, name, value)
    if {old, step.target} & APPRAISAL_CLOSED:  # whether the appraisal is closed shows in the results
        result_changed(locked)
    return StatusChange.objects.create(
        assessment=locked, action=action, old_status=old, new_status=step.target, by=by, reason=reason
    )


def _notify(recipients, *, message: str, url: str) -> None:
    Notification.objects.bulk_create(Notification(recipient=u, message=message[:300], url=url) for u in recipients)


def _ensure_complete(assessment: Assessment) -> None:
    # Score saves lock the same row, so no save slips in between this check and the status change.
    missing = unscored_leaf_codes(assessment=assessment)
    if missing:
        raise workflow.TransitionError(workflow.INCOMPLETE % {"count": len(missing), "codes": ", ".join(missing)})


@transaction.atomic
def assessment_submit(*, assessment: Assessment, by, reason: str = "") -> StatusChange:
    """The unit head submits a complete file: self-scores freeze and the secretariat is told in the app."""
    change = _step(assessment, "submit", by=by, reason=reason, guard=_ensure_complete)
    _notify(_office_of(assessment).filter(is_active=True),
            message=f"{assessment.unit.name} đã nộp kết quả tự đánh giá {assessment.period.identifier}.",
            url=reverse("assessments:entry", args=[assessment.pk]))
    return change


@transaction.atomic
def assessment_return(*, assessment: Assessment, by, reason: str, until: date | None) -> StatusChange:
    """The secretariat sends a submission back with comments; the unit may edit it until ``until``."""
    def ensure_until(_locked):
        if until is None or until < timezone.localdate():
            raise workflow.TransitionError(workflow.UNTIL_REQUIRED % {"action": workflow.TRANSITIONS["return"].label})

    change = _step(assessment, "return", by=by, reason=reason, guard=ensure_until, also={"reopened_until": until})
    _notify(assessment.unit.users.filter(is_active=True),
            message=f"Hồ sơ {assessment.period.identifier} bị trả lại, hoàn thiện đến {until:%d/%m/%Y}: {change.reason}",
            url=reverse("assessments:entry", args=[assessment.pk]))
    return change


@transaction.atomic
def assessment_start_appraisal(*, assessment: Assessment, by, reason: str = "") -> StatusChange:
    return _step(assessment, "start_appraisal", by=by, reason=reason)


@transaction.atomic
def period_start_appraisal(*, period, by) -> int:
    """The office opens the appraisal of every file of ``period`` submitted and taking part, at once (a city has
    hundreds), each with its own step and event row as if taken one by one; all or none. The number started."""
    submitted = list(period.assessments.filter(status=workflow.Status.SUBMITTED, excluded=False)
                     .select_related("unit").order_by("unit__order", "pk"))
    for assessment in submitted:
        assessment_start_appraisal(assessment=assessment, by=by)
    return len(submitted)


@transaction.atomic
def assessment_request_explanation(*, assessment: Assessment, by, reason: str) -> StatusChange:
    """The status step only; ``appraisal.services.explanation_request`` records the questions, tells the unit."""
    return _step(assessment, "request_explanation", by=by, reason=reason)


def _every_question_handled(assessment: Assessment) -> None:
    messages = ExplanationMessage.objects.filter(assessment=assessment).order_by("created_at", "pk").values_list(
        "node__code", "kind", "text", "answer_deadline")
    state = round_state(messages, today=timezone.localdate())
    if state.open:
        raise workflow.TransitionError(workflow.QUESTIONS_OPEN % {"codes": ", ".join(state.open)})


@transaction.atomic
def assessment_answer_explanation(*, assessment: Assessment, by, reason: str = "") -> StatusChange:
    """The unit sends its answers once every question is answered or left with a reason; the members
    who asked and the secretariat are told."""
    change = _step(assessment, "answer_explanation", by=by, reason=reason, guard=_every_question_handled)
    askers = ExplanationMessage.objects.filter(assessment=assessment,
                                               kind=ExplanationMessage.Kind.QUESTION).values("author")
    _notify(User.objects.filter(is_active=True).filter(Q(pk__in=askers) | Q(pk__in=_office_of(assessment))),
            message=f"{assessment.unit.name} đã gửi giải trình {assessment.period.identifier}.",
            url=reverse("appraisal:page", args=[assessment.pk]))
    return change


@transaction.atomic
def assessment_finish_appraisal(*, assessment: Assessment, by, reason: str = "") -> StatusChange:
    """The status step only; ``appraisal.services.appraisal_finish`` first confirms the undecided criteria."""
    return _step(assessment, "finish_appraisal", by=by, reason=reason)


@transaction.atomic
def assessment_reopen_appraisal(*, assessment: Assessment, by, reason: str) -> StatusChange:
    return _step(assessment, "reopen_appraisal", by=by, reason=reason)


@transaction.atomic
def assessment_publish(*, assessment: Assessment, by, reason: str = "") -> StatusChange:
    """The status step only; ``appraisal.services`` freezes the published snapshot."""
    return _step(assessment, "publish", by=by, reason=reason)


def assessments_publish(*, assessments: list[Assessment], by, reason: str = "") -> list[StatusChange]:
    """The "publish" step for many assessments at once, in a fixed number of queries.

    The caller holds their row locks (``select_for_update``) inside its transaction. A period's
    results appear together, so one refused step refuses them all.
    """
    reason = _reason(reason)
    steps = {a.pk: check("publish", assessment=a, by=by, reason=reason) for a in assessments}
    now = timezone.now()
    old_status = {a.pk: a.status for a in assessments}
    for assessment in assessments:
        assessment.status, assessment.status_changed_at = steps[assessment.pk].target, now
    bulk_update_with_history(assessments, Assessment, ["status", "status_changed_at"], default_user=by,
                             default_change_reason=reason or str(workflow.TRANSITIONS["publish"].label),
                             default_date=now)
    return StatusChange.objects.bulk_create(
        StatusChange(assessment=a, action="publish", old_status=old_status[a.pk], new_status=a.status, by=by,
                     reason=reason) for a in assessments
    )


@transaction.atomic
def assessment_reappraise(*, assessment: Assessment, by, reason: str) -> StatusChange:
    return _step(assessment, "reappraise", by=by, reason=reason)


STEPS = {
    "submit": assessment_submit,
    "return": assessment_return,
    "start_appraisal": assessment_start_appraisal,
    "request_explanation": assessment_request_explanation,
    "answer_explanation": assessment_answer_explanation,
    "finish_appraisal": assessment_finish_appraisal,
    "reopen_appraisal": assessment_reopen_appraisal,
    "publish": assessment_publish,
    "reappraise": assessment_reappraise,
}
