"""Clearing a criterion's score by emptying its form, while the file is editable; the history keeps it."""
from decimal import Decimal

import pytest

from assessments import actions
from assessments.errors import AssessmentError
from assessments.models import SelfScore
from assessments.services import self_score_clear, self_score_save

from support import submit_completed


def save_url(assessment, code):
    return f"/danh-gia/{assessment.pk}/tieu-chi/{code}/"


@pytest.fixture
def scored(assessment, leaf, ward_staff):
    return self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5",
                           explanation="KH 12")


def test_emptying_the_score_clears_it_and_the_totals(client_for, ward_staff, assessment, scored):
    response = client_for(ward_staff).post(save_url(assessment, "1.1.1"), {"value": "", "version": scored.version},
                                           HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200, html
    assert "Đã xóa điểm." in html
    assert 'id="sub-1.1" class="subtotal" hx-swap-oob="true">0 / 1,5' in html
    assert not assessment.self_scores.exists()
    assessment.result.refresh_from_db()
    assert (assessment.result.self_total, assessment.result.scored) == (Decimal("0"), 0)


def test_the_clearing_is_in_the_history_with_who_cleared(client_for, ward_head, assessment, scored):
    client_for(ward_head).post(save_url(assessment, "1.1.1"), {"value": " ", "version": scored.version})

    newest = SelfScore.history.filter(id=scored.pk).first()
    assert (newest.history_type, newest.history_user, newest.value) == ("-", ward_head, Decimal("0.500"))


def test_a_cleared_criterion_can_be_scored_again(client_for, ward_staff, assessment, scored):
    client = client_for(ward_staff)
    client.post(save_url(assessment, "1.1.1"), {"value": "", "version": scored.version})

    response = client.post(save_url(assessment, "1.1.1"), {"value": "0,25", "version": ""}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert assessment.self_scores.get().value == Decimal("0.25")


def test_clearing_from_an_older_form_is_refused(assessment, leaf, ward_staff, scored):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=scored.version, value="0,25")

    with pytest.raises(AssessmentError, match="0,25"):
        self_score_clear(assessment=assessment, node=leaf, by=ward_staff, expected_version=scored.version)
    assert assessment.self_scores.get().value == Decimal("0.25")


def test_a_submitted_file_cannot_be_cleared(assessment, leaf, ward_head, scored):
    submit_completed(assessment=assessment, by=ward_head)

    with pytest.raises(AssessmentError, match="Đã nộp"):
        self_score_clear(assessment=assessment, node=leaf, by=ward_head, expected_version=scored.version)
    assert assessment.self_scores.exists()
