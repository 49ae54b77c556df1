"""Returning a file: the unit may edit it again until a new deadline the office sets when returning."""
import datetime

import pytest
from django.utils import timezone

from accounts.models import Notification
from assessments import actions
from assessments.services import self_score_save
from assessments.workflow import Status, TransitionError
from support import submit_completed

TODAY = timezone.localdate()


@pytest.fixture
def submitted_after_deadline(assessment, ward_head):
    """Hoàng Liệt submitted, and the period's self-assessment deadline passed yesterday."""
    submit_completed(assessment=assessment, by=ward_head)
    assessment.period.self_assessment_deadline = TODAY - datetime.timedelta(days=1)
    assessment.period.save(update_fields=["self_assessment_deadline"])
    return assessment


def test_a_return_after_the_deadline_reopens_the_file_until_the_new_date(submitted_after_deadline, leaf, ward_staff,
                                                                          secretariat):
    # When the office returns the file with a week to complete it
    until = TODAY + datetime.timedelta(days=7)
    actions.assessment_return(assessment=submitted_after_deadline, by=secretariat, reason="Thiếu tài liệu", until=until)
    # Then the unit may edit again at once, without a separate reopening
    assert submitted_after_deadline.status == Status.RETURNED
    assert submitted_after_deadline.reopened_until == until
    score = self_score_save(assessment=submitted_after_deadline, node=leaf, by=ward_staff, expected_version=1,
                            value="0,5")
    assert score.version == 2
    # and is told until when
    assert Notification.objects.get(recipient=ward_staff).message == (
        f"Hồ sơ hoangmai-phuong-2024/2024 bị trả lại, hoàn thiện đến {until:%d/%m/%Y}: Thiếu tài liệu")


@pytest.mark.parametrize("until", [None, TODAY - datetime.timedelta(days=1)])
def test_a_return_needs_a_new_deadline_from_today_on(submitted_after_deadline, secretariat, until):
    with pytest.raises(TransitionError, match="Cần nêu hạn hoàn thiện mới \\(dd/mm/yyyy, từ hôm nay trở đi\\)"):
        actions.assessment_return(assessment=submitted_after_deadline, by=secretariat, reason="x", until=until)
    submitted_after_deadline.refresh_from_db()
    assert (submitted_after_deadline.status, submitted_after_deadline.reopened_until) == (Status.SUBMITTED, None)
    assert not Notification.objects.exclude(recipient=secretariat).exists()


def test_the_return_form_asks_for_the_new_deadline(client_for, submitted_after_deadline, secretariat, ward_staff):
    client = client_for(secretariat)
    url = f"/danh-gia/{submitted_after_deadline.pk}/"
    assert '<input name="until" required placeholder="dd/mm/yyyy"' in client.get(url).content.decode()
    missing = client.post(f"{url}buoc/return/", {"reason": "Thiếu tài liệu", "until": "31/02/2030"}, follow=True)
    assert "Cần nêu hạn hoàn thiện mới" in missing.content.decode()
    until = TODAY + datetime.timedelta(days=3)
    client.post(f"{url}buoc/return/", {"reason": "Thiếu tài liệu", "until": f"{until:%d/%m/%Y}"})
    submitted_after_deadline.refresh_from_db()
    assert (submitted_after_deadline.status, submitted_after_deadline.reopened_until) == (Status.RETURNED, until)
    assert 'class="score-form"' in client_for(ward_staff).get(url).content.decode()
