"""The assessment's state machine: who may take which step from which state."""
from decimal import Decimal

import pytest

from accounts.models import Notification
from assessments import actions
from assessments.errors import AssessmentError
from assessments.models import StatusChange
from assessments.services import self_score_save
from assessments.workflow import Status, TransitionError
from support import SOON, score_remaining_leaves, submit_completed


def test_the_unit_head_submits_and_the_secretariat_is_notified(assessment, ward_head, secretariat):
    change = submit_completed(assessment=assessment, by=ward_head)
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED
    assert (change.old_status, change.new_status, change.by) == (Status.DRAFT, Status.SUBMITTED, ward_head)
    note = Notification.objects.get(recipient=secretariat)
    assert "Phường Hoàng Liệt đã nộp kết quả tự đánh giá" in note.message


def test_unit_staff_may_not_submit(assessment, ward_staff):
    with pytest.raises(TransitionError, match="Bạn không có quyền “Nộp kết quả tự đánh giá”"):
        actions.assessment_submit(assessment=assessment, by=ward_staff)
    assert StatusChange.objects.count() == 0


def test_another_units_head_may_not_submit(other_assessment, ward_head):
    with pytest.raises(TransitionError):
        actions.assessment_submit(assessment=other_assessment, by=ward_head)


def test_submission_freezes_the_self_scores(assessment, leaf, ward_head, ward_staff):
    submit_completed(assessment=assessment, by=ward_head)
    with pytest.raises(AssessmentError, match="trạng thái “Đã nộp”"):
        self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0.5")


def test_the_secretariat_returns_a_submission_with_a_reason_and_the_unit_may_edit_again(
    assessment, leaf, ward_head, ward_staff, secretariat
):
    submit_completed(assessment=assessment, by=ward_head)
    with pytest.raises(TransitionError, match="Cần nêu lý do"):
        actions.assessment_return(assessment=assessment, by=secretariat, reason="  ", until=SOON)
    actions.assessment_return(assessment=assessment, by=secretariat, reason="Thiếu tài liệu tiêu chí 1.1", until=SOON)
    assert assessment.status == Status.RETURNED
    assert Notification.objects.filter(recipient=ward_staff, message__contains="Thiếu tài liệu").exists()
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=1, value="0.5")
    submit_completed(assessment=assessment, by=ward_head)
    assert assessment.status == Status.SUBMITTED


def test_leadership_takes_no_step(assessment, leadership):
    assert actions.available(assessment=assessment, user=leadership) == []


def test_a_step_from_the_wrong_state_is_refused(assessment, secretariat):
    with pytest.raises(TransitionError, match="Không thể “Công bố kết quả” khi hồ sơ đang ở trạng thái “Đang tự đánh giá”"):
        actions.assessment_publish(assessment=assessment, by=secretariat)


def test_the_whole_path_to_publication_leaves_one_event_per_step(assessment, ward_head, ward_staff, secretariat, council_member):
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    actions.assessment_request_explanation(assessment=assessment, by=council_member, reason="Giải trình tiêu chí 2.1")
    actions.assessment_answer_explanation(assessment=assessment, by=ward_staff)
    actions.assessment_finish_appraisal(assessment=assessment, by=secretariat)
    actions.assessment_publish(assessment=assessment, by=secretariat)
    assert assessment.status == Status.PUBLISHED
    assert [c.new_status for c in assessment.status_changes.all()] == [
        Status.SUBMITTED, Status.UNDER_APPRAISAL, Status.EXPLANATION_REQUESTED,
        Status.UNDER_APPRAISAL, Status.APPRAISED, Status.PUBLISHED,
    ]


def test_the_secretariat_may_return_a_file_during_the_appraisal(assessment, ward_head, ward_staff, secretariat, leaf):
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    actions.assessment_return(assessment=assessment, by=secretariat, reason="Tài liệu kiểm chứng không đúng năm",
                              until=SOON)
    assert assessment.status == Status.RETURNED
    assert self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=1, value="0.5").value == Decimal("0.5")


def test_a_published_file_cannot_be_returned(assessment, secretariat):
    from assessments.models import Assessment

    Assessment.objects.filter(pk=assessment.pk).update(status=Status.PUBLISHED)
    assessment.refresh_from_db()
    with pytest.raises(TransitionError, match="Không thể “Trả lại đơn vị”"):
        actions.assessment_return(assessment=assessment, by=secretariat, reason="x", until=SOON)


def test_a_long_return_reason_is_recorded_whole(assessment, ward_head, secretariat):
    reason = "Đề nghị bổ sung tài liệu kiểm chứng cho các tiêu chí 1.1.1, 1.2.3 và 2.1; " * 5
    submit_completed(assessment=assessment, by=ward_head)
    change = actions.assessment_return(assessment=assessment, by=secretariat, reason=reason, until=SOON)
    assert change.reason == reason.strip()
    assert assessment.history.first().history_change_reason == reason.strip()


def test_a_step_taken_in_the_page_says_what_was_done_and_the_new_status(assessment, ward_head, client_for):
    score_remaining_leaves(assessment, by=ward_head)
    response = client_for(ward_head).post(f"/danh-gia/{assessment.pk}/buoc/submit/", follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["Đã nộp kết quả tự đánh giá. Hồ sơ chuyển sang “Đã nộp”."]
