"""The council asks for explanations on chosen criteria; the unit answers; the conversation is kept."""
import unicodedata

import pytest

from accounts.models import Notification
from appraisal.errors import AppraisalError
from appraisal.models import ExplanationMessage
from appraisal.services import explanation_answer, explanation_request
from assessments import actions
from assessments.workflow import Status, TransitionError


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


# -- every question answered or left with a reason; the askers and the office told -------------

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def asked(under_appraisal, member, node):
    """Carol asked about 1.1.1 and 1.1.2."""
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1"), node("1.1.2")], by=member,
                        question="Bổ sung kế hoạch đã ký")
    return under_appraisal


def test_answers_cannot_be_sent_while_a_question_is_open(asked, ward_staff, node):
    explanation_answer(assessment=asked, node=node("1.1.1"), by=ward_staff, text="Đã tải lên")
    with pytest.raises(TransitionError, match="còn đề nghị chưa trả lời hoặc chưa nêu lý do không giải trình: 1.1.2."):
        actions.assessment_answer_explanation(assessment=asked, by=ward_staff)
    asked.refresh_from_db()
    assert asked.status == Status.EXPLANATION_REQUESTED


def test_a_question_left_with_a_reason_counts_as_handled(asked, ward_staff, node):
    with pytest.raises(AppraisalError, match="Cần nêu lý do không giải trình tiêu chí “1.1.2”."):
        explanation_answer(assessment=asked, node=node("1.1.2"), by=ward_staff, text=" ", leave=True)
    explanation_answer(assessment=asked, node=node("1.1.1"), by=ward_staff, text="Đã tải lên")
    explanation_answer(assessment=asked, node=node("1.1.2"), by=ward_staff, text="Văn bản đang chờ ký", leave=True)
    actions.assessment_answer_explanation(assessment=asked, by=ward_staff)
    assert asked.status == Status.UNDER_APPRAISAL
    assert ExplanationMessage.objects.filter(node=node("1.1.2")).last().kind == "left"


def test_a_new_question_on_an_answered_criterion_opens_it_again(asked, member, ward_staff, node):
    for code in ("1.1.1", "1.1.2"):
        explanation_answer(assessment=asked, node=node(code), by=ward_staff, text="Đã tải lên")
    explanation_request(assessment=asked, nodes=[node("1.1.1")], by=member, question="Bản đã tải lên chưa có dấu")
    with pytest.raises(TransitionError, match=": 1.1.1.$"):
        actions.assessment_answer_explanation(assessment=asked, by=ward_staff)


def test_the_asking_member_and_the_office_are_told_when_the_unit_answers(asked, ward_staff, secretariat, member, node,
                                                                       leadership, django_user_model):
    other_member = django_user_model.objects.create(username="dan", role="council_member", unit=member.unit)
    for code in ("1.1.1", "1.1.2"):
        explanation_answer(assessment=asked, node=node(code), by=ward_staff, text="Đã tải lên")
    actions.assessment_answer_explanation(assessment=asked, by=ward_staff)
    told = Notification.objects.filter(message="Phường Hoàng Liệt đã gửi giải trình hoangmai-phuong-2024/2024.")
    assert sorted(told.values_list("recipient__username", flat=True)) == sorted([member.username, secretariat.username])
    assert told.first().url == f"/tham-dinh/{asked.pk}/"
    assert not Notification.objects.filter(recipient__in=[other_member, leadership]).exists()


def test_the_unit_adds_evidence_with_its_answer(client_for, asked, ward_staff, node):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(ward_staff).post(f"/tham-dinh/{asked.pk}/giai-trinh/1.1.1/", {
        "text": "Kế hoạch đã ký, đính kèm", "file": SimpleUploadedFile("ke-hoach-da-ky.pdf", PDF)}, follow=True)
    assert "Đã lưu giải trình tiêu chí 1.1.1." in response.content.decode()
    evidence = asked.evidence.get()
    assert (evidence.original_name, list(evidence.nodes.all())) == ("ke-hoach-da-ky.pdf", [node("1.1.1")])
    assert "ke-hoach-da-ky.pdf" in response.content.decode()  # listed with the criterion at once


def test_a_bad_file_with_an_answer_keeps_nothing(asked, ward_staff, node):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(AppraisalError, match="không phải PDF"):
        explanation_answer(assessment=asked, node=node("1.1.1"), by=ward_staff, text="x",
                           uploaded=SimpleUploadedFile("virus.pdf", b"MZ"))
    assert not asked.evidence.exists()
    assert not ExplanationMessage.objects.filter(kind="answer").exists()


def test_the_send_button_is_where_the_questions_are(client_for, asked, ward_staff):
    client = client_for(ward_staff)
    entry = client.get(f"/danh-gia/{asked.pk}/").content.decode()
    assert 'data-action="answer_explanation"' not in entry
    assert f'<a href="/tham-dinh/{asked.pk}/">Xem đề nghị và trả lời tại trang Thẩm định, giải trình</a>' in entry
    page = client.get(f"/tham-dinh/{asked.pk}/").content.decode()
    assert 'data-action="answer_explanation">Gửi giải trình</button>' in page
    assert "Trả lời hoặc nêu lý do không giải trình trước khi gửi: 1.1.1, 1.1.2." in page


def test_finishing_warns_of_questions_left_without_an_explanation(client_for, asked, ward_staff, secretariat, node):
    explanation_answer(assessment=asked, node=node("1.1.1"), by=ward_staff, text="Đã tải lên")
    explanation_answer(assessment=asked, node=node("1.1.2"), by=ward_staff, text="Chờ ký", leave=True)
    actions.assessment_answer_explanation(assessment=asked, by=ward_staff)
    html = client_for(secretariat).get(f"/tham-dinh/{asked.pk}/").content.decode()
    assert ('<p class="flag small" data-testid="step-warning">Đơn vị không giải trình: 1.1.2 (Chờ ký).</p>'
            in html.split('data-confirm="finish_appraisal"')[1])


def test_a_question_past_its_deadline_no_longer_holds_the_round_but_is_warned_of(
        client_for, under_appraisal, member, ward_staff, secretariat, node):
    import datetime

    from django.utils import timezone

    # Given 1.1.1 asked with a deadline that has passed, and 1.1.2 answered
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")], by=member, question="?",
                        answer_deadline=timezone.localdate() + datetime.timedelta(days=1))
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.2")], by=member, question="?")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    ExplanationMessage.objects.filter(node=node("1.1.1")).update(answer_deadline=yesterday)
    explanation_answer(assessment=under_appraisal, node=node("1.1.2"), by=ward_staff, text="Đã bổ sung")
    # When the unit sends its answers, it may; and the finish warns that 1.1.1 was never answered
    actions.assessment_answer_explanation(assessment=under_appraisal, by=ward_staff)
    html = client_for(secretariat).get(f"/tham-dinh/{under_appraisal.pk}/").content.decode()
    assert "Đề nghị giải trình không được trả lời trước hạn: 1.1.1." in html.split('data-confirm="finish_appraisal"')[1]


def test_a_question_past_the_limit_is_refused_and_nothing_is_asked(under_appraisal, member, node):
    with pytest.raises(AppraisalError) as refused:
        explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")], by=member, question="x" * 2001)
    assert str(refused.value) == "“Nội dung đề nghị giải trình” dài 2001 ký tự; tối đa 2000 ký tự."
    assert under_appraisal.status == Status.UNDER_APPRAISAL
    assert not ExplanationMessage.objects.exists()


@pytest.mark.parametrize("leave, name, limit", [(False, "Nội dung giải trình", 5000),
                                                (True, "Lý do không giải trình", 2000)])
def test_an_answer_or_a_reason_past_its_limit_is_refused(asked, ward_staff, node, leave, name, limit):
    with pytest.raises(AppraisalError) as refused:
        explanation_answer(assessment=asked, node=node("1.1.1"), by=ward_staff, text="x" * (limit + 1), leave=leave)
    assert str(refused.value) == f"“{name}” dài {limit + 1} ký tự; tối đa {limit} ký tự."
    assert not ExplanationMessage.objects.exclude(kind=ExplanationMessage.Kind.QUESTION).exists()


@pytest.mark.parametrize("leave", [False, True])
def test_the_round_is_stored_composed(under_appraisal, member, ward_staff, node, leave):
    explanation_request(assessment=under_appraisal, nodes=[node("1.1.1")], by=member,
                        question=unicodedata.normalize("NFD", " Bổ sung quyết định "))
    explanation_answer(assessment=under_appraisal, node=node("1.1.1"), by=ward_staff, leave=leave,
                       text=unicodedata.normalize("NFD", "Đã tải lên quyết định"))
    texts = list(ExplanationMessage.objects.order_by("pk").values_list("text", flat=True))
    assert texts == [unicodedata.normalize("NFC", "Bổ sung quyết định"),
                     unicodedata.normalize("NFC", "Đã tải lên quyết định")]
