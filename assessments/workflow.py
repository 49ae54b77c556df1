"""The one state machine of a unit's assessment in a period, as plain data and one pure check.

Every allowed step, who may take it and whether it needs a reason is in ``TRANSITIONS``. No ORM
here: ``actions.py`` takes the steps (lock, check, save, record, notify), and nothing else changes
``Assessment.status``.
"""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from accounts.roles import OFFICE_ROLES, UNIT_ROLES, Role
from config.choices import Choices


class Status(Choices):
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


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset
    target: Status
    roles: frozenset
    own_unit_only: bool = False  # unit roles act only on their own unit
    reason_required: bool = False
    # Roles that may take the step for a unit that cannot (a file sent on paper), always with a reason.
    on_behalf_roles: frozenset = frozenset()
    confirm: bool = False  # asked again with a summary of the file (scored, missing evidence, total)
    asks_until: bool = False  # the unit gets a new deadline with this step


TRANSITIONS = {
    t.action: t
    for t in [
        Transition("submit", _("Nộp kết quả tự đánh giá"), SELF_EDITABLE,
                   Status.SUBMITTED, frozenset({Role.UNIT_HEAD}), own_unit_only=True, on_behalf_roles=OFFICE_ROLES,
                   confirm=True),
        # The office may send a file back before or during the appraisal (missing evidence, wrong year…).
        # …and the unit may edit it again until a new deadline, whatever the period's (asked on returning).
        Transition("return", _("Trả lại đơn vị"), frozenset({Status.SUBMITTED, Status.UNDER_APPRAISAL}),
                   Status.RETURNED, OFFICE_ROLES, reason_required=True, asks_until=True),
        Transition("start_appraisal", _("Bắt đầu thẩm định"), frozenset({Status.SUBMITTED}),
                   Status.UNDER_APPRAISAL, OFFICE_ROLES),
        Transition("request_explanation", _("Đề nghị giải trình"), frozenset({Status.UNDER_APPRAISAL}),
                   Status.EXPLANATION_REQUESTED, OFFICE_ROLES | {Role.COUNCIL_MEMBER}, reason_required=True),
        Transition("answer_explanation", _("Gửi giải trình"), frozenset({Status.EXPLANATION_REQUESTED}),
                   Status.UNDER_APPRAISAL, UNIT_ROLES, own_unit_only=True),
        Transition("finish_appraisal", _("Kết thúc thẩm định"), frozenset({Status.UNDER_APPRAISAL}),
                   Status.APPRAISED, OFFICE_ROLES, confirm=True),
        Transition("reopen_appraisal", _("Mở lại thẩm định"), frozenset({Status.APPRAISED}),
                   Status.UNDER_APPRAISAL, OFFICE_ROLES, reason_required=True),
        Transition("publish", _("Công bố kết quả"), frozenset({Status.APPRAISED}),
                   Status.PUBLISHED, OFFICE_ROLES, confirm=True),
        Transition("reappraise", _("Phúc tra (thẩm định lại sau công bố)"), frozenset({Status.PUBLISHED}),
                   Status.UNDER_APPRAISAL, OFFICE_ROLES, reason_required=True, confirm=True),
    ]
}

# Steps taken with a plain button; the appraisal's own steps (requesting an explanation, which
# records the questions; finishing, which confirms undecided criteria; publishing, which freezes a
# snapshot) go through their services in the appraisal app.
GENERIC_ACTIONS = frozenset({"submit", "return", "start_appraisal", "answer_explanation", "reopen_appraisal", "reappraise"})

NOT_ALLOWED_FROM = _("Không thể “%(action)s” khi hồ sơ đang ở trạng thái “%(status)s”.")
NOT_YOUR_ROLE = _("Bạn không có quyền “%(action)s”.")
REASON_REQUIRED = _("Cần nêu lý do để “%(action)s”.")
REASON = _("Lý do")
ON_BEHALF_REASON_REQUIRED = _("“%(action)s” thay cho đơn vị cần nêu lý do (ví dụ: đơn vị gửi hồ sơ giấy ngày …).")
UNTIL_REQUIRED = _("Cần nêu hạn hoàn thiện mới (dd/mm/yyyy, từ hôm nay trở đi) để “%(action)s”.")
QUESTIONS_OPEN = _("Chưa thể gửi giải trình: còn đề nghị chưa trả lời hoặc chưa nêu lý do không giải trình: %(codes)s.")
INCOMPLETE = _("Chưa thể nộp: còn %(count)s tiêu chí chưa chấm điểm hoặc chưa đánh dấu “không đánh giá”: %(codes)s.")


class TransitionError(Exception):
    pass


def _permits(transition: Transition, *, role, own_unit: bool) -> bool:
    return (role in transition.roles and (own_unit or not transition.own_unit_only)) or _on_behalf(transition, role)


def _on_behalf(transition: Transition, role) -> bool:
    return role in transition.on_behalf_roles


def check(action: str, *, status, role, own_unit: bool, reason: str = "") -> Transition:
    """Raise ``TransitionError`` with a Vietnamese message unless the step is allowed now.

    ``role`` is the actor's role (administrators for superusers, None for nobody); ``own_unit``
    whether the actor belongs to the assessed unit.
    """
    transition = TRANSITIONS[action]
    if not _permits(transition, role=role, own_unit=own_unit):
        raise TransitionError(NOT_YOUR_ROLE % {"action": transition.label})
    if status not in transition.sources:
        raise TransitionError(NOT_ALLOWED_FROM % {"action": transition.label, "status": Status(status).label})
    if transition.reason_required and not reason.strip():
        raise TransitionError(REASON_REQUIRED % {"action": transition.label})
    if _on_behalf(transition, role) and not reason.strip():
        raise TransitionError(ON_BEHALF_REASON_REQUIRED % {"action": transition.label})
    return transition


def available_actions(*, status, role, own_unit: bool, generic_only: bool = False) -> list[Transition]:
    """The steps the check would let this actor take from ``status`` (given a reason where needed)."""
    return [
        t for t in TRANSITIONS.values()
        if status in t.sources and _permits(t, role=role, own_unit=own_unit)
        and (t.action in GENERIC_ACTIONS or not generic_only)
    ]
