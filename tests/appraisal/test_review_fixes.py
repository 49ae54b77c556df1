"""Holes a review found, each closed: who may write, stale states and confirmations after a return."""
from decimal import Decimal

import pytest

from appraisal.errors import AppraisalError
from appraisal.models import AppraisedScore, Assignment
from appraisal.services import appraisal_finish, appraisal_save, council_member_add, explanation_request
from assessments import actions
from assessments.errors import AssessmentError
from assessments.models import Assessment
from assessments.services import self_score_save
from assessments.workflow import Status


def test_leadership_on_the_council_still_cannot_write_an_appraised_score(under_appraisal, leadership, period, node):
    Assignment.objects.create(member=council_member_add(period=period, user=leadership), node=node("1.1.1"))
    with pytest.raises(AppraisalError, match="không được phân công cho bạn"):
        appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=leadership, value="0", reason="x",
                       expected_version=None)
    assert not AppraisedScore.objects.exists()


def test_a_question_without_criteria_is_refused_and_changes_nothing(under_appraisal, council_member):
    with pytest.raises(AppraisalError, match="Chọn ít nhất một tiêu chí cần giải trình."):
        explanation_request(assessment=under_appraisal, nodes=[], by=council_member, question="?")
    under_appraisal.refresh_from_db()
    assert under_appraisal.status == Status.UNDER_APPRAISAL


def test_a_confirmation_follows_a_self_score_changed_after_a_return(under_appraisal, member, ward_staff, ward_head,
                                                                   secretariat, node):
    # Given the council confirmed 1.1.1 at 0,5 and adjusted 1.1.2 with a reason
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,5", expected_version=None)
    appraisal_save(assessment=under_appraisal, node=node("1.1.2"), by=member, value="0", reason="Không có kế hoạch",
                   expected_version=None)
    # When the file is returned and the ward lowers 1.1.1 to 0, resubmits, and the appraisal finishes
    actions.assessment_return(assessment=under_appraisal, by=secretariat, reason="Bổ sung tài liệu")
    own = under_appraisal.self_scores.get(node=node("1.1.1"))
    self_score_save(assessment=under_appraisal, node=node("1.1.1"), by=ward_staff, expected_version=own.version, value="0")
    actions.assessment_submit(assessment=under_appraisal, by=ward_head)
    actions.assessment_start_appraisal(assessment=under_appraisal, by=secretariat)
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    # Then the confirmation follows the new self-score and the reasoned adjustment stands
    decided = dict(under_appraisal.appraised_scores.values_list("node__code", "value"))
    assert decided == {"1.1.1": Decimal("0"), "1.1.2": Decimal("0")}


def test_confirmations_written_at_the_finish_have_history(under_appraisal, secretariat):
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    records = AppraisedScore.history.all()
    assert records.count() == 2
    assert {(r.history_user, r.history_change_reason) for r in records} == {(secretariat, "Công nhận")}


def test_a_save_from_a_page_loaded_before_the_submission_is_refused(period, ward, ward_staff, ward_head, node):
    stale = period.assessments.get(unit=ward)  # the page was loaded while the file was a draft
    actions.assessment_submit(assessment=Assessment.objects.get(pk=stale.pk), by=ward_head)
    with pytest.raises(AssessmentError, match="trạng thái “Đã nộp”"):
        self_score_save(assessment=stale, node=node("1.2.1"), by=ward_staff, expected_version=None, value="0")
    assert not stale.self_scores.filter(node=node("1.2.1")).exists()


def test_a_version_for_a_criterion_never_scored_is_a_stale_save_not_a_crash(period, ward, ward_staff, node):
    with pytest.raises(AssessmentError, match="vừa được — cập nhật"):
        self_score_save(assessment=period.assessments.get(unit=ward), node=node("1.2.1"), by=ward_staff,
                        expected_version=3, value="0")


def test_a_council_member_reads_other_units_only_when_seated_and_submitted(client_for, council_member, period, ward,
                                                                          other_ward, ward_head, secretariat):
    client = client_for(council_member)
    draft = period.assessments.get(unit=other_ward)
    assert client.get(f"/danh-gia/{draft.pk}/").status_code == 404
    submitted = period.assessments.get(unit=ward)
    actions.assessment_submit(assessment=submitted, by=ward_head)
    assert client.get(f"/danh-gia/{submitted.pk}/").status_code == 404  # not on this period's council
    council_member_add(period=period, user=council_member)
    assert client.get(f"/danh-gia/{submitted.pk}/").status_code == 200
    assert client.get(f"/danh-gia/{draft.pk}/").status_code == 404  # still a draft


def test_the_page_offers_only_what_the_services_accept(client_for, under_appraisal, leadership, council_member,
                                                     period, node, ward, ward_staff):
    # Leadership seated as chair and assigned a criterion sees no appraisal form: it only reads.
    Assignment.objects.create(member=council_member_add(period=period, user=leadership), node=node("1.1.1"))
    html = client_for(leadership).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode()
    assert 'class="appraise-form"' not in html and 'id="explain-form"' not in html
    # A council member from the appraised unit itself gets no answer form; the unit's staff do.
    council_member.unit = ward
    council_member.save(update_fields=["unit"])
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")],
                        by=period.created_by, question="Bổ sung kế hoạch")
    assert 'class="answer-form"' not in client_for(council_member).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode()
    assert 'class="answer-form"' in client_for(ward_staff).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode()
