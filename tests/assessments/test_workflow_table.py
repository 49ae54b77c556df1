"""The workflow as a table: every step × every status × every role (and whether the actor belongs to
the assessed unit) is allowed or refused with a named message. Pure: no database."""
import subprocess
import sys
from pathlib import Path

import pytest

from accounts.roles import Role
from assessments import workflow
from assessments.workflow import Status, TransitionError

S = Status
R = Role
OFFICE = {R.SECRETARIAT, R.ADMIN}

# step: (from, to, who, only on their own unit, reason required[, who may take it for the unit, with a
# reason]) — written out, not read from the code.
TABLE = {
    "submit": ({S.DRAFT, S.RETURNED}, S.SUBMITTED, {R.UNIT_HEAD}, True, False, OFFICE),
    "return": ({S.SUBMITTED, S.UNDER_APPRAISAL}, S.RETURNED, OFFICE, False, True),
    "start_appraisal": ({S.SUBMITTED}, S.UNDER_APPRAISAL, OFFICE, False, False),
    "request_explanation": ({S.UNDER_APPRAISAL}, S.EXPLANATION_REQUESTED, OFFICE | {R.COUNCIL_MEMBER}, False, True),
    "answer_explanation": ({S.EXPLANATION_REQUESTED}, S.UNDER_APPRAISAL, {R.UNIT_STAFF, R.UNIT_HEAD}, True, False),
    "finish_appraisal": ({S.UNDER_APPRAISAL}, S.APPRAISED, OFFICE, False, False),
    "reopen_appraisal": ({S.APPRAISED}, S.UNDER_APPRAISAL, OFFICE, False, True),
    "publish": ({S.APPRAISED}, S.PUBLISHED, OFFICE, False, False),
    "reappraise": ({S.PUBLISHED}, S.UNDER_APPRAISAL, OFFICE, False, True),
}
ROLES = [*Role, None]  # None: nobody signed in


def expected(action, status, role, own_unit, reason):
    sources, target, roles, own_only, reason_required, *for_unit = TABLE[action]
    on_behalf = role in (for_unit[0] if for_unit else set())
    label = workflow.TRANSITIONS[action].label
    if not on_behalf and (role not in roles or (own_only and not own_unit)):
        return f"Bạn không có quyền “{label}”."
    if status not in sources:
        return f"Không thể “{label}” khi hồ sơ đang ở trạng thái “{status.label}”."
    if reason_required and not reason.strip():
        return f"Cần nêu lý do để “{label}”."
    if on_behalf and not reason.strip():
        return f"“{label}” thay cho đơn vị cần nêu lý do (ví dụ: đơn vị gửi hồ sơ giấy ngày …)."
    return target


def outcome(action, status, role, own_unit, reason):
    try:
        return workflow.check(action, status=status, role=role, own_unit=own_unit, reason=reason).target
    except TransitionError as refusal:
        return str(refusal)


def test_the_table_names_every_step():
    assert set(TABLE) == set(workflow.TRANSITIONS)


@pytest.mark.parametrize("action", TABLE)
@pytest.mark.parametrize("reason", ["", "Lý do"])
def test_each_step_for_every_status_role_and_unit(action, reason):
    grid = [(status, role, own) for status in Status for role in ROLES for own in (True, False)]
    assert {case: outcome(action, *case, reason) for case in grid} == {
        case: expected(action, *case, reason) for case in grid}


def test_the_messages_read_as_the_users_see_them():
    assert outcome("publish", S.DRAFT, R.SECRETARIAT, False, "") == (
        "Không thể “Công bố kết quả” khi hồ sơ đang ở trạng thái “Đang tự đánh giá”.")
    assert outcome("submit", S.DRAFT, R.UNIT_STAFF, True, "") == "Bạn không có quyền “Nộp kết quả tự đánh giá”."
    assert outcome("return", S.SUBMITTED, R.ADMIN, False, "  ") == "Cần nêu lý do để “Trả lại đơn vị”."


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("own_unit", [True, False])
def test_the_offered_steps_are_those_the_check_allows(role, own_unit):
    for status in Status:
        offered = {t.action for t in workflow.available_actions(status=status, role=role, own_unit=own_unit)}
        allowed = {a for a in TABLE if isinstance(expected(a, status, role, own_unit, "Lý do"), Status)}
        assert offered == allowed, status


def test_leadership_takes_no_step_in_any_state():
    assert all(workflow.available_actions(status=s, role=R.LEADERSHIP, own_unit=True) == [] for s in Status)


def test_the_workflow_and_the_policy_import_no_orm():
    code = ("import sys, assessments.workflow, accounts.access; "
            "print(sorted(m for m in sys.modules if m.startswith('django.db') or m.endswith('.models')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parents[2])
    assert result.stdout.strip() == "[]"
