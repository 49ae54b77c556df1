"""The council confirms or adjusts each criterion; adjustments need a reason."""
from decimal import Decimal

import pytest

from appraisal.errors import AppraisalError
from appraisal.selectors import assessment_score_table
from appraisal.services import appraisal_finish, appraisal_save
from assessments.workflow import Status


def test_undecided_criteria_stand_at_their_self_score(under_appraisal):
    table = assessment_score_table(assessment=under_appraisal)
    assert table.self_total.score == table.appraised_total.score == Decimal("0.75")
    assert table.difference == 0


def test_confirming_needs_no_reason(under_appraisal, member, node):
    score = appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,5", expected_version=None)
    assert (score.value, score.reason) == (Decimal("0.5"), "")


def test_adjusting_without_a_reason_is_refused(under_appraisal, member, node):
    with pytest.raises(AppraisalError, match=r"khác điểm tự chấm \(0,5\): cần nêu lý do điều chỉnh"):
        appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,25", expected_version=None)
    assert not under_appraisal.appraised_scores.exists()


def test_adjusting_with_a_reason_changes_the_totals_and_the_difference(under_appraisal, member, node):
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,25",
                   reason="Kế hoạch ban hành chậm", expected_version=None)
    table = assessment_score_table(assessment=under_appraisal)
    assert table.appraised_total.score == Decimal("0.5")
    assert table.difference == Decimal("-0.25")
    row = next(r for r in table.rows if r.node.code == "1.1")
    assert (row.self_subtotal.score, row.appraised_subtotal.score) == (Decimal("0.75"), Decimal("0.5"))


def test_an_appraised_score_above_the_maximum_is_refused(under_appraisal, member, node):
    with pytest.raises(Exception, match="không được lớn hơn điểm tối đa 0,5"):
        appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,75",
                       reason="x", expected_version=None)


def test_a_member_edits_only_the_criteria_assigned_to_them(under_appraisal, member, node):
    with pytest.raises(AppraisalError, match="không được phân công cho bạn"):
        appraisal_save(assessment=under_appraisal, node=node("1.2.1"), by=member, value="0", reason="x",
                       expected_version=None)


def test_the_secretariat_may_appraise_every_criterion(under_appraisal, secretariat, node):
    score = appraisal_save(assessment=under_appraisal, node=node("1.2.1"), by=secretariat, value="0",
                           reason="Không có báo cáo", expected_version=None)
    assert score.decided_by == secretariat


def test_nothing_can_be_appraised_before_the_appraisal_starts(period, ward, secretariat, node):
    with pytest.raises(AppraisalError, match="không thể nhập điểm thẩm định"):
        appraisal_save(assessment=period.assessments.get(unit=ward), node=node("1.1.1"), by=secretariat,
                       value="0", reason="x", expected_version=None)


def test_finishing_confirms_every_undecided_criterion_at_its_self_score(under_appraisal, secretariat, member, node):
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0", reason="Không có kế hoạch",
                   expected_version=None)
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    assert under_appraisal.status == Status.APPRAISED
    decided = dict(under_appraisal.appraised_scores.values_list("node__code", "value"))
    assert (decided.pop("1.1.1"), decided.pop("1.1.2")) == (Decimal("0"), Decimal("0.25"))
    assert len(decided) == 65 and set(decided.values()) == {Decimal(0)}  # the rest, self-scored 0


def test_every_decision_is_in_the_history_with_its_reason(under_appraisal, member, node):
    score = appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,25",
                           reason="Ban hành chậm", expected_version=None)
    record = score.history.first()
    assert (record.history_user, record.history_change_reason) == (member, "Ban hành chậm")


def test_a_long_reason_is_kept_whole_in_the_decision_and_the_history(under_appraisal, member, node):
    reason = "Kế hoạch CCHC năm 2024 ban hành ngày 15/3/2024, chậm hơn thời hạn quy định; " * 4
    score = appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,25",
                           reason=reason, expected_version=None)
    assert score.reason == reason.strip()
    assert score.history.first().history_change_reason == reason.strip()
