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


def test_the_secretariat_reopens_through_the_entry_page(client_for, secretariat, past_deadline, ward_staff, leaf):
    client = client_for(secretariat)
    assert 'id="reopen"' in client.get(f"/danh-gia/{past_deadline.pk}/").content.decode()
    until = (timezone.localdate() + datetime.timedelta(days=2)).strftime("%d/%m/%Y")
    response = client.post(f"/danh-gia/{past_deadline.pk}/mo-lai/", {"until": until, "reason": "Bổ sung hồ sơ"}, follow=True)
    assert f"Đã mở lại hồ sơ đến ngày {until}." in response.content.decode()
    past_deadline.refresh_from_db()
    assert self_score_save(assessment=past_deadline, node=leaf, by=ward_staff, expected_version=None, value="0.5").pk


def test_the_reopen_form_is_for_the_secretariat_only(client_for, ward_head, past_deadline):
    client = client_for(ward_head)
    assert 'id="reopen"' not in client.get(f"/danh-gia/{past_deadline.pk}/").content.decode()
    response = client.post(f"/danh-gia/{past_deadline.pk}/mo-lai/", {"until": "01/01/2099", "reason": "tự mở"}, follow=True)
    assert "không có quyền" in response.content.decode()
    past_deadline.refresh_from_db()
    assert past_deadline.reopened_until is None


def test_a_bad_reopen_date_is_named(client_for, secretariat, past_deadline):
    response = client_for(secretariat).post(f"/danh-gia/{past_deadline.pk}/mo-lai/", {"until": "31/02/2024", "reason": "x"}, follow=True)
    assert "Nhập một ngày hợp lệ." in response.content.decode()
