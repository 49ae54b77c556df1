"""The appraisal deadline is shown and kept: after it only the office enters decisions and questions."""
import datetime

import pytest
from django.utils import timezone

from appraisal.errors import AppraisalError
from appraisal.services import appraisal_save, explanation_request

DAY = datetime.timedelta(days=1)


def page(client, assessment):
    return client.get(f"/tham-dinh/{assessment.pk}/").content.decode()


@pytest.fixture
def appraisal_overdue(under_appraisal, member):
    """Hoàng Liệt under appraisal, the appraisal deadline passed yesterday."""
    under_appraisal.period.appraisal_deadline = timezone.localdate() - DAY
    under_appraisal.period.save(update_fields=["appraisal_deadline"])
    return under_appraisal


def test_the_appraisal_page_shows_its_deadline(client_for, member, appraisal_overdue):
    html = page(client_for(member), appraisal_overdue)
    assert f"Hạn thẩm định: {timezone.localdate() - DAY:%d/%m/%Y} · <strong>đã quá hạn 1 ngày</strong>" in html


def test_after_the_appraisal_deadline_a_member_no_longer_decides_or_asks(client_for, member, appraisal_overdue, node):
    message = f"Đã hết hạn thẩm định ({timezone.localdate() - DAY:%d/%m/%Y}): chỉ Phòng Nội vụ"
    with pytest.raises(AppraisalError, match=message.replace("(", r"\(").replace(")", r"\)")):
        appraisal_save(assessment=appraisal_overdue, node=node("1.1.1"), by=member, value="0", reason="x",
                       expected_version=None)
    with pytest.raises(AppraisalError, match="Đã hết hạn thẩm định"):
        explanation_request(assessment=appraisal_overdue, nodes=[node("1.1.1")], question="?", by=member)
    html = page(client_for(member), appraisal_overdue)
    assert 'class="appraise-form"' not in html and 'id="explain-form"' not in html
    assert not appraisal_overdue.appraised_scores.exists()


def test_the_office_still_consolidates_after_the_appraisal_deadline(client_for, secretariat, appraisal_overdue, node):
    score = appraisal_save(assessment=appraisal_overdue, node=node("1.1.1"), by=secretariat, value="0,5",
                           expected_version=None)
    assert score.value == score.assessment.self_scores.get(node=node("1.1.1")).value
    assert 'class="appraise-form"' in page(client_for(secretariat), appraisal_overdue)
