"""Who scores the district offices' assessment, when, and what a score changes (seed 004).

The period's Nội vụ office scores every criterion of the part, a seated council member (an office's head)
the criteria assigned to them; nobody else. Only while the file is under appraisal: locked once appraised
and published, open again through a phúc tra, whose republication carries the new points.
"""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.access import Actor, may_score_office_review
from accounts.models import Role, User
from appraisal import errors
from appraisal.errors import AppraisalError
from appraisal.models import OfficeReviewScore
from appraisal.services import appraisal_finish, period_publish, reappraisal_publish
from appraisal.services_office_review import office_review_save
from assessments import actions
from assessments.models import AssessmentResult
from frameworks.rules import RuleInputError


def stored_part(assessment):
    return AssessmentResult.objects.get(assessment=assessment).parts[0]


@pytest.fixture
def unseated(district):
    return User.objects.create(username="dave", role=Role.COUNCIL_MEMBER, unit=district)


# -- the predicate, pure ---------------------------------------------------------------------------

LINE = (7, 1)  # the period's organiser (7) under the city (1)


@pytest.mark.parametrize(("actor", "seated", "assigned", "allowed"), [
    (Actor(Role.SECRETARIAT, 70, 7), False, False, True),  # the organiser's office: any criterion
    (Actor(Role.SECRETARIAT, 80, 8), False, False, False),  # another organiser's office
    (Actor(Role.COUNCIL_MEMBER, 71, 7), True, True, True),  # seated, assigned
    (Actor(Role.COUNCIL_MEMBER, 71, 7), True, False, False),  # seated, another office's criterion
    (Actor(Role.COUNCIL_MEMBER, 71, 7), False, True, False),  # not on this period's council
    (Actor(Role.LEADERSHIP, 70, 7), True, True, False),  # the chair reads only
    (Actor(Role.UNIT_HEAD, 90, 7), False, False, False),
    (Actor(Role.UNIT_STAFF, 90, 7), False, True, False),
    (Actor(Role.CONTRIBUTOR, 90, 7), False, True, False),
    (Actor(Role.ADMIN), False, False, True),
])
def test_who_may_score_a_criterion(actor, seated, assigned, allowed):
    assert may_score_office_review(actor, seated=seated, assigned=assigned, organiser_line=LINE) is allowed


# -- the service -------------------------------------------------------------------------------------

def test_the_office_scores_any_criterion_and_the_result_follows(office_review, under_appraisal, secretariat, node):
    score = office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="0,75",
                               reason="Đối thoại 1 lần/năm")
    assert (score.points, score.reason, score.office, score.scored_by) == (
        Decimal("0.750"), "Đối thoại 1 lần/năm", secretariat.unit, secretariat)
    # 0,75 of the criteria's 1,75, in a part of 7
    assert stored_part(under_appraisal) == ["office_review", "3", "7"]
    office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points="0.5")
    assert stored_part(under_appraisal) == ["office_review", "5", "7"]
    # the result: the appraisal's 0,75 (self-scored, not yet decided) + 5 of 70 + 7
    result = AssessmentResult.objects.get(assessment=under_appraisal)
    assert (result.combined_total, result.appraisal_max) == (Decimal("0.750"), Decimal("70.000"))


def test_a_score_is_changed_in_place_and_every_change_kept(office_review, under_appraisal, secretariat, node):
    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="0,5")
    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="1", reason="Đủ")
    score = OfficeReviewScore.objects.get()
    assert score.points == Decimal("1.000")
    assert [(h.points, h.history_user) for h in score.history.order_by("history_date")] == [
        (Decimal("0.500"), secretariat), (Decimal("1.000"), secretariat)]


def test_the_council_keeps_its_own_appraisal_of_the_same_criterion(office_review, under_appraisal, secretariat,
                                                                   node):
    from appraisal.services import appraisal_save

    appraisal_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, value="0,25", reason="Thiếu",
                   expected_version=None)
    office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points="0,5")
    assert under_appraisal.appraised_scores.get(node__code="1.1.3").value == Decimal("0.250")
    assert OfficeReviewScore.objects.get().points == Decimal("0.500")


def test_an_office_head_scores_only_the_criteria_assigned_to_them(office_review, under_appraisal, office_head, node):
    office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=office_head, points="0,25")
    with pytest.raises(AppraisalError) as refused:
        office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=office_head, points="1")
    assert str(refused.value) == "Tiêu chí “1.3.2” không được phân công cho bạn hoặc phòng của bạn đánh giá."
    assert list(OfficeReviewScore.objects.values_list("node__code", "scored_by__username")) == [("1.1.3", "carol")]


def test_nobody_else_scores(office_review, under_appraisal, node, unseated, leadership, ward_staff, ward_head,
                            operator_elsewhere):
    for user in (unseated, leadership, ward_staff, ward_head, operator_elsewhere):
        with pytest.raises(AppraisalError, match=str(errors.OFFICE_REVIEW_NOT_ASSIGNED % {"code": "1.1.3"})):
            office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=user, points="0,5")
    assert not OfficeReviewScore.objects.exists()


@pytest.mark.parametrize(("points", "message"), [
    ("0,75", "“Điểm” không được lớn hơn điểm tối đa 0,5."),
    ("0,3", "“Điểm” phải là bội số của 0,25."),
    ("-1", "“Điểm” phải là số không âm."),
    ("nửa", "“Điểm” phải là một số."),
])
def test_points_are_on_the_leafs_scale(office_review, under_appraisal, secretariat, node, points, message):
    with pytest.raises(RuleInputError, match=message):
        office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points=points)
    assert not OfficeReviewScore.objects.exists()


def test_only_the_parts_criteria_are_scored(office_review, under_appraisal, secretariat, node):
    with pytest.raises(AppraisalError, match="Tiêu chí “1.1.1” không thuộc phần đánh giá của các phòng."):
        office_review_save(assessment=under_appraisal, node=node("1.1.1"), by=secretariat, points="0,5")


def test_a_period_without_the_part_takes_no_score(under_appraisal, secretariat, node):
    with pytest.raises(AppraisalError, match="Kỳ hoangmai-phuong-2024/2024 không có phần đánh giá của các phòng."):
        office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points="0,5")


def test_after_the_appraisal_deadline_only_the_office_scores(office_review, under_appraisal, office_head, secretariat,
                                                             node):
    under_appraisal.period.appraisal_deadline = timezone.localdate() - datetime.timedelta(days=1)
    under_appraisal.period.save(update_fields=["appraisal_deadline"])
    with pytest.raises(AppraisalError, match="Đã hết hạn thẩm định"):
        office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=office_head, points="0,5")
    office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points="0,5")


# -- the lock ------------------------------------------------------------------------------------------

def test_no_score_before_the_appraisal(office_review, assessment, secretariat, node):
    with pytest.raises(AppraisalError) as refused:
        office_review_save(assessment=assessment, node=node("1.1.3"), by=secretariat, points="0,5")
    assert str(refused.value) == (
        "Hồ sơ đang ở trạng thái “Đang tự đánh giá”: chỉ chấm điểm đánh giá của các phòng khi đang thẩm định.")


def test_locked_once_appraised_and_published_open_again_in_a_reappraisal(office_review, under_appraisal,
                                                                          other_assessment, secretariat, node):
    from support import submit_completed

    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="0,5")
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    with pytest.raises(AppraisalError, match="“Đã thẩm định”: chỉ chấm điểm đánh giá của các phòng khi đang thẩm định"):
        office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="1")
    head = User.objects.create(username="yenso.head", role=Role.UNIT_HEAD, unit=other_assessment.unit)
    submit_completed(assessment=other_assessment, by=head)
    actions.assessment_start_appraisal(assessment=other_assessment, by=secretariat)
    appraisal_finish(assessment=other_assessment, by=secretariat)
    period_publish(period=under_appraisal.period, by=secretariat)
    published = under_appraisal.publications.get()
    assert published.parts == [["office_review", "2", "7"]]
    with pytest.raises(AppraisalError, match="“Đã công bố”"):
        office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="1")

    # A phúc tra reopens the appraisal; its republication carries the new points, the first version stays.
    actions.assessment_reappraise(assessment=under_appraisal, by=secretariat, reason="Phòng Văn hóa chấm lại")
    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="1")
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    reappraisal_publish(assessment=under_appraisal, by=secretariat, reason="Phòng Văn hóa chấm lại 1.3.2")
    assert [(p.version, p.parts) for p in under_appraisal.publications.order_by("version")] == [
        (1, [["office_review", "2", "7"]]), (2, [["office_review", "4", "7"]])]


# -- the pages -------------------------------------------------------------------------------------------

def test_the_unit_page_opens_to_those_who_score_and_404s_to_everyone_else(
        office_review, under_appraisal, secretariat, office_head, unseated, leadership, ward_staff, ward_head,
        operator_elsewhere, client_for):
    url = reverse("appraisal:office_review_unit", args=[under_appraisal.pk])
    period_url = reverse("appraisal:office_review", args=[under_appraisal.period_id])
    for user in (secretariat, office_head):
        assert client_for(user).get(url).status_code == 200
        assert client_for(user).get(period_url).status_code == 200
    for user in (unseated, leadership, ward_staff, ward_head, operator_elsewhere):
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).get(period_url).status_code == 404
        save = reverse("appraisal:office_review_score", args=[under_appraisal.pk, "1.1.3"])
        assert client_for(user).post(save, {"points": "0,5"}).status_code == 404
    assert not OfficeReviewScore.objects.exists()


def test_an_office_head_scores_on_the_unit_page(office_review, under_appraisal, office_head, client_for):
    client = client_for(office_head)
    url = reverse("appraisal:office_review_unit", args=[under_appraisal.pk])
    html = client.get(url).content.decode()
    # Only the criterion assigned to the office head takes an input; the others are read
    assert html.count('name="points"') == 1
    assert 'aria-label="Điểm của phòng 1.1.3"' in html
    assert "Bạn chấm các tiêu chí được phân công cho bạn hoặc phòng của bạn; các tiêu chí khác chỉ xem." in html

    saved = client.post(reverse("appraisal:office_review_score", args=[under_appraisal.pk, "1.1.3"]),
                        {"points": "0,25", "reason": "Hoàn thành một nửa kế hoạch"}, follow=True)
    html = saved.content.decode()
    assert saved.redirect_chain[-1][0] == f"{url}#row-1.1.3"
    assert "Đã lưu điểm đánh giá của phòng tiêu chí 1.1.3." in html
    # 0,25 of 1,75 in a part of 7
    assert '<strong data-testid="part-points">1</strong> / 7' in html
    assert 'value="Hoàn thành một nửa kế hoạch"' in html

    refused = client.post(reverse("appraisal:office_review_score", args=[under_appraisal.pk, "1.3.2"]),
                          {"points": "1"}, follow=True)
    assert "1.3.2: Tiêu chí “1.3.2” không được phân công cho bạn hoặc phòng của bạn đánh giá." in refused.content.decode()


def test_a_refused_score_comes_back_with_what_was_typed(office_review, under_appraisal, office_head, client_for):
    refused = client_for(office_head).post(
        reverse("appraisal:office_review_score", args=[under_appraisal.pk, "1.1.3"]),
        {"points": "1,5", "reason": "Vượt kế hoạch"})
    html = refused.content.decode()
    assert refused.status_code == 422
    assert "1.1.3: “Điểm” không được lớn hơn điểm tối đa" in html
    assert 'value="1,5"' in html and 'value="Vượt kế hoạch"' in html
    assert not under_appraisal.office_review_scores.exists()


def test_the_unit_page_takes_as_many_queries_for_ten_criteria_as_for_three(
        office_review, under_appraisal, secretariat, node, client_for, django_assert_max_num_queries):
    from appraisal.services_office_review import office_review_part_set

    office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points="0,5")
    client = client_for(secretariat)
    url = reverse("appraisal:office_review_unit", args=[under_appraisal.pk])
    with django_assert_max_num_queries(15) as three:
        html = client.get(url).content.decode()
    assert html.count('name="points"') == 3
    # The office scores every criterion: no word about the others being read only
    assert 'data-testid="scores-some-only"' not in html

    ten = ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.3.1", "1.3.2", "1.3.3"]
    office_review_part_set(period=under_appraisal.period, max_points="7", codes=ten, by=secretariat)
    with django_assert_max_num_queries(len(three.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('name="points"') == 10
    # 1.1.1 self-scored 0,5 by the unit, the council has not decided: its self score stands for the council's
    row = html.split('data-testid="criterion-1.1.1"')[1].split("</tr>")[0]
    assert row.count('<td class="num">0,5</td>') == 3  # maximum, self score, council
