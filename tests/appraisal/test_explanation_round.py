"""The council asks for explanations on chosen criteria; the unit answers; the conversation is kept."""
import pytest

from accounts.models import Notification
from appraisal.errors import AppraisalError
from appraisal.models import ExplanationMessage
from appraisal.services import explanation_answer, explanation_request
from assessments import actions
from assessments.workflow import Status


def test_the_whole_round_is_kept_per_criterion(under_appraisal, member, ward_staff, node):
    # Given a member asks about 1.1.1
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")], by=member,
                        question="Bổ sung kế hoạch CCHC đã ký")
    assert under_appraisal.status == Status.EXPLANATION_REQUESTED
    assert Notification.objects.filter(recipient=ward_staff, message__contains="Bổ sung kế hoạch").exists()
    # When the unit answers and sends its answers back
    explanation_answer(assessment=under_appraisal, node=node("1.1.1"), by=ward_staff, text="Đã tải lên KH 12/KH-UBND")
    actions.assessment_answer_explanation(assessment=under_appraisal, by=ward_staff)
    # Then the council decides again, with the conversation on record
    assert under_appraisal.status == Status.UNDER_APPRAISAL
    thread = list(ExplanationMessage.objects.filter(node=node("1.1.1")).values_list("kind", "text"))
    assert thread == [("question", "Bổ sung kế hoạch CCHC đã ký"), ("answer", "Đã tải lên KH 12/KH-UBND")]


def test_a_question_needs_text_and_assigned_criteria(under_appraisal, member, node):
    with pytest.raises(AppraisalError, match="Cần nêu nội dung"):
        explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")], by=member, question=" ")
    with pytest.raises(AppraisalError, match="không được phân công"):
        explanation_request(assessment=under_appraisal, nodes=[node("2.1")], by=member, question="?")
    assert under_appraisal.status == Status.UNDER_APPRAISAL


def test_a_question_without_criteria_is_refused_and_changes_nothing(under_appraisal, council_member):
    with pytest.raises(AppraisalError, match="Chọn ít nhất một tiêu chí cần giải trình."):
        explanation_request(assessment=under_appraisal, nodes=[], by=council_member, question="?")
    under_appraisal.refresh_from_db()
    assert under_appraisal.status == Status.UNDER_APPRAISAL


def test_only_the_units_own_staff_answer_and_only_where_asked(under_appraisal, member, other_ward_staff, ward_staff, node):
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")], by=member, question="?")
    with pytest.raises(AppraisalError, match="Chỉ cán bộ của đơn vị"):
        explanation_answer(assessment=under_appraisal, node=node("1.1.1"), by=other_ward_staff, text="x")
    with pytest.raises(AppraisalError, match="không có đề nghị giải trình"):
        explanation_answer(assessment=under_appraisal, node=node("1.1.2"), by=ward_staff, text="x")


def test_an_answer_after_the_deadline_is_refused(under_appraisal, member, ward_staff, node):
    import datetime

    from django.utils import timezone

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")], by=member, question="?", answer_deadline=yesterday)
    with pytest.raises(AppraisalError, match=f"Đã hết hạn giải trình tiêu chí “1.1.1” \\({yesterday:%d/%m/%Y}\\)"):
        explanation_answer(assessment=under_appraisal, node=node("1.1.1"), by=ward_staff, text="Muộn")


def test_the_deadline_is_set_on_the_page_and_shown_with_the_question(client_for, member, under_appraisal):
    import datetime

    from django.utils import timezone

    client = client_for(member)
    past = (timezone.localdate() - datetime.timedelta(days=2)).strftime("%d/%m/%Y")
    response = client.post(f"/tham-dinh/{under_appraisal.pk}/giai-trinh/",
                           {"codes": ["1.1.1"], "question": "Bổ sung", "answer_deadline": past}, follow=True)
    assert "Hạn giải trình phải là một ngày dạng dd/mm/yyyy, từ hôm nay trở đi." in response.content.decode()
    assert not ExplanationMessage.objects.exists()
    future = (timezone.localdate() + datetime.timedelta(days=5)).strftime("%d/%m/%Y")
    response = client.post(f"/tham-dinh/{under_appraisal.pk}/giai-trinh/",
                           {"codes": ["1.1.1"], "question": "Bổ sung", "answer_deadline": future}, follow=True)
    assert f"hạn {future}" in response.content.decode()


def test_an_impossible_deadline_is_refused_with_the_message(client_for, member, under_appraisal):
    response = client_for(member).post(f"/tham-dinh/{under_appraisal.pk}/giai-trinh/",
                                       {"codes": ["1.1.1"], "question": "Bổ sung", "answer_deadline": "31/02/2030"},
                                       follow=True)
    assert "Hạn giải trình phải là một ngày dạng dd/mm/yyyy, từ hôm nay trở đi." in response.content.decode()
    assert not ExplanationMessage.objects.exists()
