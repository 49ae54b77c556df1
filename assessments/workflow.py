"""The one state machine of a unit's assessment in a period.

Every allowed step, who may take it and whether it needs a reason is in ``TRANSITIONS``; nothing
else in the code changes ``Assessment.status``. Each step runs in one transaction and leaves a
``StatusChange`` row (old → new, who, when, why).
"""
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import OFFICE_ROLES, Role


class Status(models.TextChoices):
    DRAFT = "draft", _("Đang tự đánh giá")
    SUBMITTED = "submitted", _("Đã nộp")
    RETURNED = "returned", _("Trả lại để hoàn thiện")
    UNDER_APPRAISAL = "under_appraisal", _("Đang thẩm định")
    EXPLANATION_REQUESTED = "explanation_requested", _("Đề nghị giải trình")
    APPRAISED = "appraised", _("Đã thẩm định")
    PUBLISHED = "published", _("Đã công bố")


# States in which the unit may still change its self-scores.
SELF_EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
# States in which the council may enter appraised scores.
APPRAISAL_EDITABLE = frozenset({Status.UNDER_APPRAISAL, Status.EXPLANATION_REQUESTED})

_OFFICE = OFFICE_ROLES


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset
    target: Status
    roles: frozenset
    own_unit_only: bool = False  # unit roles act only on their own unit
    reason_required: bool = False


TRANSITIONS = {
    t.action: t
    for t in [
        Transition("submit", _("Nộp kết quả tự đánh giá"), frozenset({Status.DRAFT, Status.RETURNED}),
                   Status.SUBMITTED, frozenset({Role.UNIT_HEAD}), own_unit_only=True),
        # The office may send a file back before or during the appraisal (missing evidence, wrong year…).
        Transition("return", _("Trả lại đơn vị"), frozenset({Status.SUBMITTED, Status.UNDER_APPRAISAL}),
                   Status.RETURNED, _OFFICE, reason_required=True),
        Transition("start_appraisal", _("Bắt đầu thẩm định"), frozenset({Status.SUBMITTED}),
                   Status.UNDER_APPRAISAL, _OFFICE),
        Transition("request_explanation", _("Đề nghị giải trình"), frozenset({Status.UNDER_APPRAISAL}),
                   Status.EXPLANATION_REQUESTED, _OFFICE | {Role.COUNCIL_MEMBER}, reason_required=True),
        Transition("answer_explanation", _("Gửi giải trình"), frozenset({Status.EXPLANATION_REQUESTED}),
                   Status.UNDER_APPRAISAL, frozenset({Role.UNIT_STAFF, Role.UNIT_HEAD}), own_unit_only=True),
        Transition("finish_appraisal", _("Kết thúc thẩm định"), frozenset({Status.UNDER_APPRAISAL}),
                   Status.APPRAISED, _OFFICE),
        Transition("reopen_appraisal", _("Mở lại thẩm định"), frozenset({Status.APPRAISED}),
                   Status.UNDER_APPRAISAL, _OFFICE, reason_required=True),
        Transition("publish", _("Công bố kết quả"), frozenset({Status.APPRAISED}),
                   Status.PUBLISHED, _OFFICE),
        Transition("reappraise", _("Phúc tra (thẩm định lại sau công bố)"), frozenset({Status.PUBLISHED}),
                   Status.UNDER_APPRAISAL, _OFFICE, reason_required=True),
    ]
}

NOT_ALLOWED_FROM = _("Không thể “%(action)s” khi hồ sơ đang ở trạng thái “%(status)s”.")
NOT_YOUR_ROLE = _("Bạn không có quyền “%(action)s”.")
REASON_REQUIRED = _("Cần nêu lý do để “%(action)s”.")


class TransitionError(Exception):
    pass


def may_take(transition: Transition, *, user, assessment) -> bool:
    if not user.is_authenticated:
        return False
    if not (user.is_superuser or user.role in transition.roles):
        return False
    if transition.own_unit_only and user.unit_id != assessment.unit_id:
        return False
    return True


def available_actions(*, user, assessment) -> list[Transition]:
    return [
        t for t in TRANSITIONS.values()
        if assessment.status in t.sources and may_take(t, user=user, assessment=assessment)
    ]


# Steps taken with a plain button; the appraisal's own steps (finishing, which confirms undecided
# criteria, and publishing, which freezes a snapshot) go through their services in the appraisal app.
GENERIC_ACTIONS = frozenset({"submit", "return", "start_appraisal", "answer_explanation", "reopen_appraisal", "reappraise"})


def generic_actions(*, user, assessment) -> list[Transition]:
    return [t for t in available_actions(user=user, assessment=assessment) if t.action in GENERIC_ACTIONS]


def check(action: str, *, user, assessment, reason: str = "") -> Transition:
    """Raise ``TransitionError`` with a Vietnamese message unless the step is allowed now."""
    transition = TRANSITIONS[action]
    if not may_take(transition, user=user, assessment=assessment):
        raise TransitionError(NOT_YOUR_ROLE % {"action": transition.label})
    if assessment.status not in transition.sources:
        raise TransitionError(
            NOT_ALLOWED_FROM % {"action": transition.label, "status": Status(assessment.status).label}
        )
    if transition.reason_required and not reason.strip():
        raise TransitionError(REASON_REQUIRED % {"action": transition.label})
    return transition


@transaction.atomic
def transition(assessment, action: str, *, by, reason: str = ""):
    """Take one step of the workflow; returns the ``StatusChange`` it recorded."""
    from .models import Assessment, StatusChange

    # Lock the row so two people cannot take two steps from the same state at once.
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    step = check(action, user=by, assessment=locked, reason=reason)
    old = locked.status
    locked.status = step.target
    locked.status_changed_at = timezone.now()
    locked._history_user = by
    locked._change_reason = reason or str(step.label)
    locked.save(update_fields=["status", "status_changed_at"])
    assessment.status, assessment.status_changed_at = locked.status, locked.status_changed_at
    from .results import APPRAISAL_CLOSED, result_changed

    if {old, step.target} & APPRAISAL_CLOSED:  # whether the appraisal is closed shows in the results
        result_changed(locked)
    return StatusChange.objects.create(
        assessment=locked, action=action, old_status=old, new_status=step.target, by=by, reason=reason.strip()
    )
