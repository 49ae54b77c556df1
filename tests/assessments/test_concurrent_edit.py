"""Two people editing the same criterion: the later save, based on an old version, is refused."""
from decimal import Decimal

import pytest

from assessments.errors import AssessmentError
from assessments.services import self_score_save


def test_a_save_based_on_an_old_version_is_refused_and_shows_the_newer_value(assessment, leaf, ward_staff, ward_head):
    # Given both opened the page when the criterion had no score
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0.5")
    # When the head saves from the page loaded before that
    with pytest.raises(AssessmentError) as error:
        self_score_save(assessment=assessment, node=leaf, by=ward_head, expected_version=None, value="0.25")
    # Then the save is refused, naming who changed it and the value now stored
    assert "vừa được Alice cập nhật (điểm hiện tại: 0,5)" in str(error.value)
    assert assessment.self_scores.get(node=leaf).value == Decimal("0.5")


def test_saving_from_the_current_version_succeeds(assessment, leaf, ward_staff, ward_head):
    first = self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0.5")
    second = self_score_save(assessment=assessment, node=leaf, by=ward_head, expected_version=first.version, value="0.25")
    assert (second.version, second.value) == (2, Decimal("0.25"))


def test_two_people_editing_different_criteria_both_keep_their_work(assessment, ward_framework, ward_staff, ward_head):
    a = ward_framework.nodes.get(code="1.1.1")
    b = ward_framework.nodes.get(code="1.1.2")
    self_score_save(assessment=assessment, node=a, by=ward_staff, expected_version=None, value="0.5")
    self_score_save(assessment=assessment, node=b, by=ward_head, expected_version=None, value="0.25")
    assert dict(assessment.self_scores.values_list("node__code", "value")) == {"1.1.1": Decimal("0.5"), "1.1.2": Decimal("0.25")}
