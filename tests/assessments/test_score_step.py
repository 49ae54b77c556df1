"""Each leaf has a step: 0,25 where the decision scores in quarters (Hoàng Mai), 0,01 otherwise (Hải Phòng)."""
from decimal import Decimal

import pytest

from assessments.services import self_score_save
from frameworks import rules
from frameworks.rules import RuleInputError


def test_the_frameworks_declare_their_step(ward_framework, rules_framework):
    assert (ward_framework.points_step, rules_framework.points_step) == (Decimal("0.25"), Decimal("0.01"))


@pytest.mark.parametrize("typed", ["0,3", "0,375"])
def test_a_hoang_mai_score_off_the_quarter_is_refused_naming_the_step(assessment, leaf, ward_staff, typed):
    with pytest.raises(RuleInputError) as error:
        self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value=typed)
    assert str(error.value) == "“Điểm” phải là bội số của 0,25."
    assert not assessment.self_scores.exists()


def test_a_hai_phong_hand_typed_score_keeps_two_places(city_department, rules_framework):
    assessment, staff = city_department
    node = rules_framework.nodes.get(code="1.4.1")
    with pytest.raises(RuleInputError, match="bội số của 0,01"):
        self_score_save(assessment=assessment, node=node, by=staff, expected_version=None, value="0,055")
    assert self_score_save(assessment=assessment, node=node, by=staff, expected_version=None,
                           value="0,05").value == Decimal("0.05")


def test_the_entry_page_tells_the_step_of_a_hand_typed_leaf(client_for, ward_staff, assessment):
    html = client_for(ward_staff).get(f"/danh-gia/{assessment.pk}/").content.decode()
    assert "Chấm trực tiếp từ 0 đến 0,5 điểm, bước 0,25" in html


def test_a_step_is_given_to_every_hand_typed_part_of_a_rule():
    rule = {"kind": "conditional", "condition": {"input": "x", "label": "X"},
            "if_true": {"kind": "manual", "step": "0.5"}, "if_false": {"kind": "manual"}}
    stepped = rules.with_step(rule, "0.25")
    assert (stepped["if_true"]["step"], stepped["if_false"]["step"]) == ("0.5", "0.25")
    assert rules.with_step(None, Decimal("0.25")) == {"kind": "manual", "step": "0.25"}
