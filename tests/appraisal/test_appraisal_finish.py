"""Finishing the appraisal: the confirmations it writes follow the unit's latest self-score and have history."""
from decimal import Decimal

from appraisal.models import AppraisedScore
from appraisal.services import appraisal_finish, appraisal_save
from assessments import actions
from assessments.services import self_score_save
from support import SOON, submit_completed


def test_a_confirmation_follows_a_self_score_changed_after_a_return(under_appraisal, member, ward_staff, ward_head,
                                                                   secretariat, node):
    # Given the council confirmed 1.1.1 at 0,5 and adjusted 1.1.2 with a reason
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,5", expected_version=None)
    appraisal_save(assessment=under_appraisal, node=node("1.1.2"), by=member, value="0", reason="Không có kế hoạch",
                   expected_version=None)
    # When the file is returned and the ward lowers 1.1.1 to 0, resubmits, and the appraisal finishes
    actions.assessment_return(assessment=under_appraisal, by=secretariat, reason="Bổ sung tài liệu", until=SOON)
    own = under_appraisal.self_scores.get(node=node("1.1.1"))
    self_score_save(assessment=under_appraisal, node=node("1.1.1"), by=ward_staff, expected_version=own.version, value="0")
    submit_completed(assessment=under_appraisal, by=ward_head)
    actions.assessment_start_appraisal(assessment=under_appraisal, by=secretariat)
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    # Then the confirmation follows the new self-score and the reasoned adjustment stands
    decided = dict(under_appraisal.appraised_scores.values_list("node__code", "value"))
    assert (decided["1.1.1"], decided["1.1.2"]) == (Decimal("0"), Decimal("0"))


def test_confirmations_written_at_the_finish_have_history(under_appraisal, secretariat):
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    records = AppraisedScore.history.all()
    assert records.count() == under_appraisal.self_scores.count() == 67
    assert {(r.history_user, r.history_change_reason) for r in records} == {(secretariat, "Công nhận")}
