"""Saving one criterion's self-score: values, rules, validation and the audit trail."""
from decimal import Decimal

import pytest

from assessments.errors import AssessmentError
from assessments.services import self_score_save
from frameworks.rules import RuleInputError


@pytest.mark.parametrize("typed", ["0,25", "0.25", " 0,25 "])
def test_a_manual_score_accepts_comma_and_dot(assessment, leaf, ward_staff, typed):
    score = self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None,
                            value=typed, explanation="Kế hoạch số 12/KH-UBND")
    assert score.value == Decimal("0.25")
    assert score.version == 1
    assert score.explanation == "Kế hoạch số 12/KH-UBND"


@pytest.mark.parametrize("typed, message", [
    ("0,75", "“Điểm” không được lớn hơn điểm tối đa 0,5."),
    ("-1", "“Điểm” phải là số không âm."),
    ("abc", "“Điểm” phải là một số."),
    ("", "Thiếu giá trị cho “Điểm”."),
    ("1,2,3", "“Điểm” phải là một số."),
])
def test_a_bad_manual_score_is_refused_with_a_vietnamese_message(assessment, leaf, ward_staff, typed, message):
    with pytest.raises(RuleInputError) as error:
        self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value=typed)
    assert str(error.value) == message
    assert not assessment.self_scores.exists()


def test_a_parent_is_computed_never_typed(assessment, ward_framework, ward_staff):
    parent = ward_framework.nodes.get(code="1.1")
    with pytest.raises(AssessmentError, match="được tính tổng từ các tiêu chí con"):
        self_score_save(assessment=assessment, node=parent, by=ward_staff, expected_version=None, value="1")


def test_another_units_staff_cannot_save(assessment, leaf, other_ward_staff):
    with pytest.raises(AssessmentError, match="không có quyền"):
        self_score_save(assessment=assessment, node=leaf, by=other_ward_staff, expected_version=None, value="0.5")


def test_the_secretariat_cannot_type_self_scores(assessment, leaf, secretariat):
    with pytest.raises(AssessmentError, match="không có quyền"):
        self_score_save(assessment=assessment, node=leaf, by=secretariat, expected_version=None, value="0.5")


def test_every_change_is_in_the_history_with_who_and_old_and_new(assessment, leaf, ward_staff, ward_head):
    first = self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0.25")
    self_score_save(assessment=assessment, node=leaf, by=ward_head, expected_version=first.version, value="0.5")
    newest, previous = first.history.all()[:2]
    assert newest.history_user == ward_head and previous.history_user == ward_staff
    assert (previous.value, newest.value) == (Decimal("0.250"), Decimal("0.500"))


def test_a_rule_criterion_is_scored_from_its_inputs(city_department, rules_framework):
    assessment, staff = city_department
    node = rules_framework.nodes.get(code="1.1")
    score = self_score_save(assessment=assessment, node=node, by=staff, expected_version=None,
                            inputs={"a": "10", "b": "8"})
    assert score.value == Decimal("1.2")
    assert score.inputs == {"a": "10", "b": "8"}


def test_a_rule_input_error_names_the_input(city_department, rules_framework):
    assessment, staff = city_department
    with pytest.raises(RuleInputError) as error:
        self_score_save(assessment=assessment, node=rules_framework.nodes.get(code="1.1"), by=staff,
                        expected_version=None, inputs={"a": "8", "b": "10"})
    assert error.value.input_name == "b"
