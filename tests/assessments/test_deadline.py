import datetime

import pytest
from django.utils import timezone

from assessments.errors import AssessmentError
from assessments.services import assessment_reopen, self_score_save


@pytest.fixture
def past_deadline(assessment):
    period = assessment.period
    period.self_assessment_deadline = timezone.localdate() - datetime.timedelta(days=1)
    period.save(update_fields=["self_assessment_deadline"])
    assessment.period.refresh_from_db()
    return assessment


def test_after_the_deadline_scores_cannot_change(past_deadline, leaf, ward_staff):
    with pytest.raises(AssessmentError, match="Đã hết hạn tự đánh giá"):
        self_score_save(assessment=past_deadline, node=leaf, by=ward_staff, expected_version=None, value="0.5")


def test_the_secretariat_reopens_one_unit_with_a_reason_kept_in_the_history(past_deadline, leaf, ward_staff, secretariat):
    until = timezone.localdate() + datetime.timedelta(days=3)
    assessment_reopen(assessment=past_deadline, until=until, reason="Đơn vị bổ sung hồ sơ theo đề nghị", by=secretariat)
    score = self_score_save(assessment=past_deadline, node=leaf, by=ward_staff, expected_version=None, value="0.5")
    assert score.pk
    record = past_deadline.history.first()
    assert (record.history_user, record.history_change_reason) == (secretariat, "Đơn vị bổ sung hồ sơ theo đề nghị")


def test_reopening_needs_a_reason_and_the_secretariat(past_deadline, secretariat, ward_head):
    until = timezone.localdate()
    with pytest.raises(AssessmentError, match="Cần nêu lý do"):
        assessment_reopen(assessment=past_deadline, until=until, reason="", by=secretariat)
    with pytest.raises(AssessmentError, match="không có quyền"):
        assessment_reopen(assessment=past_deadline, until=until, reason="xin", by=ward_head)
