"""Submitting: only a complete file, after a confirmation that sums it up."""
import re

import pytest

from accounts.models import Notification
from assessments import actions
from assessments.models import Assessment, SelfScore
from assessments.services import self_score_save
from assessments.workflow import Status, TransitionError
from support import score_remaining_leaves


def entry(assessment):
    return f"/danh-gia/{assessment.pk}/"


def test_an_incomplete_file_is_refused_with_the_missing_codes(assessment, leaf, ward_staff, ward_head, secretariat):
    # Given a ward that scored 1.1.1 only
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
    # When its head submits
    with pytest.raises(TransitionError) as refused:
        actions.assessment_submit(assessment=assessment, by=ward_head)
    # Then the refusal counts and names every leaf still open, and nothing moved
    message = str(refused.value)
    assert message.startswith("Chưa thể nộp: còn 66 tiêu chí chưa chấm điểm hoặc chưa đánh dấu “không đánh giá”: "
                              "1.1.2, 1.1.3, 1.2.1, ")
    assert message.endswith(", 7.8.2, 8.1.")
    assert "1.1.1," not in message
    assessment.refresh_from_db()
    assert assessment.status == Status.DRAFT
    assert not assessment.status_changes.exists()
    assert not Notification.objects.filter(recipient=secretariat).exists()


def test_an_empty_file_is_refused(assessment, ward_head):
    with pytest.raises(TransitionError, match="còn 67 tiêu chí"):
        actions.assessment_submit(assessment=assessment, by=ward_head)


def test_leaves_marked_not_assessed_count_as_done(assessment, leaf, ward_staff, ward_head, ward_framework):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
    SelfScore.objects.create(assessment=assessment, node=ward_framework.nodes.get(code="8.1"), not_assessed=True)
    score_remaining_leaves(assessment, by=ward_staff)
    actions.assessment_submit(assessment=assessment, by=ward_head)
    assert assessment.status == Status.SUBMITTED


def test_the_page_refuses_an_incomplete_file_with_the_codes(client_for, assessment, leaf, ward_staff, ward_head):
    score_remaining_leaves(assessment, by=ward_staff)
    SelfScore.objects.filter(assessment=assessment, node__code__in=["2.1", "7.8.2"]).delete()
    response = client_for(ward_head).post(f"{entry(assessment)}buoc/submit/", follow=True)
    html = response.content.decode()
    assert "Chưa thể nộp: còn 2 tiêu chí chưa chấm điểm hoặc chưa đánh dấu “không đánh giá”: 2.1, 7.8.2." in html
    assert 'data-testid="status">Đang tự đánh giá<' in html


def test_the_submit_button_opens_a_summary_of_the_file_first(client_for, assessment, leaf, ward_staff, ward_head):
    # Given 1.1.1 scored 0,5 without evidence and 1.1.2 scored 0 (nothing to prove)
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
    self_score_save(assessment=assessment, node=leaf.parent.children.get(code="1.1.2"), by=ward_staff,
                    expected_version=None, value="0")
    # When the head opens the page
    html = client_for(ward_head).get(entry(assessment)).content.decode()
    # Then "Nộp" opens a summary (scored, missing evidence, total, what is still open) holding the real button
    confirm = re.search(r'<details class="confirm" data-confirm="submit">(.*?)</details>', html, re.S).group(1)
    assert '<summary class="button" role="button">Nộp kết quả tự đánh giá</summary>' in confirm
    assert 'data-testid="summary-scored">2/67 tiêu chí<' in confirm
    assert "Các tiêu chí có điểm nhưng chưa có tài liệu kiểm chứng: 1.1.1<" in confirm
    assert 'data-testid="summary-total">0,5 / 70<' in confirm
    assert "Chưa thể nộp: còn 65 tiêu chí chưa chấm điểm: 1.1.3, 1.2.1," in confirm
    assert 'data-action="submit">Xác nhận: Nộp kết quả tự đánh giá</button>' in confirm


def test_finishing_the_appraisal_is_confirmed_with_the_appraised_total(client_for, assessment, leaf, ward_staff,
                                                                        ward_head, secretariat):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
    score_remaining_leaves(assessment, by=ward_staff)
    actions.assessment_submit(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    html = client_for(secretariat).get(f"/tham-dinh/{assessment.pk}/").content.decode()
    confirm = re.search(r'<details class="confirm" data-confirm="finish_appraisal">(.*?)</details>', html, re.S).group(1)
    assert 'data-testid="summary-scored">67/67 tiêu chí<' in confirm
    assert "chưa có tài liệu kiểm chứng: 1.1.1<" in confirm
    assert "Tổng điểm thẩm định" in confirm and 'data-testid="summary-total">0,5 / 70<' in confirm
    assert "Chưa thể nộp" not in confirm


def test_publishing_a_period_is_confirmed_with_every_units_figures(client_for, period, assessment, leaf, ward_staff,
                                                                    secretariat):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
    html = client_for(secretariat).get(f"/tham-dinh/ky/{period.pk}/").content.decode()
    confirm = re.search(r'<details class="confirm" data-confirm="publish">(.*?)</details>', html, re.S).group(1)
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td>\s*<td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", confirm)
    assert rows == [("Phường Hoàng Liệt", "Đang tự đánh giá", "1/67", "1.1.1", "0,5 / 70"),
                    ("Phường Yên Sở", "Đang tự đánh giá", "0/67", "—", "0 / 70")]
    assert 'data-action="publish">Xác nhận: Công bố kết quả cả kỳ</button>' in confirm


def test_phuc_tra_is_confirmed_too(client_for, assessment, secretariat):
    Assessment.objects.filter(pk=assessment.pk).update(status=Status.PUBLISHED)
    html = client_for(secretariat).get(f"/tham-dinh/{assessment.pk}/").content.decode()
    confirm = re.search(r'<details class="confirm" data-confirm="reappraise">(.*?)</details>', html, re.S).group(1)
    assert 'data-testid="summary-total">0 / 70<' in confirm
