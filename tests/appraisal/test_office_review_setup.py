"""The office sets up the district offices' assessment of a period (seed 004): its maximum and criteria, by
command or on the period page; every unit's maximum takes the part in."""
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from appraisal.errors import AppraisalError
from appraisal.models import OfficeReviewPart, OfficeReviewScore
from appraisal.services_office_review import office_review_part_remove, office_review_part_set, office_review_save
from assessments.models import AssessmentResult

from support import publish_period


def index_report(period) -> dict:
    out = io.StringIO()
    call_command("index_report", period.identifier, stdout=out)
    return {row["unit_code"]: row for row in json.loads(out.getvalue())}


def stored_parts(assessment) -> list:
    return AssessmentResult.objects.get(assessment=assessment).parts


def test_the_command_holds_a_part_every_unit_counts_in_its_maximum(period, assessment, secretariat):
    out = io.StringIO()
    call_command("office_review_part", period.identifier, "--max", "7", "--criteria", "1.3.2, 1.1.3,1.2.1",
                 "--as", secretariat.username, stdout=out)

    assert out.getvalue().strip() == (
        "Kỳ hoangmai-phuong-2024/2024 có phần “Đánh giá của các phòng chuyên môn”, tối đa 7 điểm, "
        "trên 3 tiêu chí: 1.1.3, 1.2.1, 1.3.2.")
    part = OfficeReviewPart.objects.get(period=period)
    assert part.criteria == ["1.1.3", "1.2.1", "1.3.2"]  # the framework's order
    rows = index_report(period)
    # Nobody has scored yet: 0 of the part's 7, flagged as a missing survey part is
    assert [(row["max_total"], row["survey_missing"]) for row in rows.values()] == [("77", True), ("77", True)]
    assert rows["HM-W-HOANGLIET"]["parts"] == [{"part": "appraisal", "points": "0", "max_points": "70"},
                                               {"part": "office_review", "points": None, "max_points": "7"}]
    assert stored_parts(assessment) == [["office_review", None, "7"]]


def test_the_part_sits_before_the_survey_parts(period, assessment, secretariat):
    from surveys.services import survey_part_set

    survey_part_set(period=period, method="sipas", max_points="10", by=secretariat)
    office_review_part_set(period=period, max_points="7", codes=["1.1.3"], by=secretariat)
    assert stored_parts(assessment) == [["office_review", None, "7"], ["sipas", None, "10"]]
    assert index_report(period)["HM-W-HOANGLIET"]["max_total"] == "87"


def test_a_title_of_its_own(period, secretariat):
    call_command("office_review_part", period.identifier, "--max", "70", "--criteria", "1.1.3",
                 "--title", "Đánh giá của các phòng chuyên môn quận Hà Đông", "--as", secretariat.username,
                 stdout=io.StringIO())
    assert OfficeReviewPart.objects.get(period=period).title == "Đánh giá của các phòng chuyên môn quận Hà Đông"


@pytest.mark.parametrize(("maximum", "codes", "message"), [
    ("7", "1.1.3,9.9.9,8.8", "Không có tiêu chí “9.9.9, 8.8” trong bộ chỉ số của kỳ."),
    ("7", "1.1.3,1.2", "Tiêu chí “1.2” được tính tổng từ các tiêu chí con: chọn các tiêu chí thành phần của nó."),
    ("7", " , ", "Chọn ít nhất một tiêu chí cho phần đánh giá của các phòng."),
    ("0", "1.1.3", "Điểm tối đa của phần đánh giá của các phòng “0” phải là số lớn hơn 0, tối đa 3 chữ số thập phân."),
    ("-2", "1.1.3", "Điểm tối đa của phần đánh giá của các phòng “-2” phải là số lớn hơn 0"),
    ("bảy", "1.1.3", "Điểm tối đa của phần đánh giá của các phòng “bảy” phải là số lớn hơn 0"),
    ("7,0001", "1.1.3", "tối đa 3 chữ số thập phân"),
])
def test_a_bad_part_is_refused_naming_what_is_wrong(period, secretariat, maximum, codes, message):
    with pytest.raises(CommandError, match=message):
        call_command("office_review_part", period.identifier, "--max", maximum, "--criteria", codes,
                     "--as", secretariat.username)
    assert not OfficeReviewPart.objects.exists()


def test_the_command_needs_a_maximum_and_criteria_or_remove(period, secretariat):
    with pytest.raises(CommandError, match="Cần --max và --criteria để thiết lập phần, hoặc --remove để bỏ phần."):
        call_command("office_review_part", period.identifier, "--max", "7", "--remove", "--as", secretariat.username)


def test_the_maximum_may_change_and_the_points_follow(office_review, under_appraisal, secretariat, node):
    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="0,75")
    assert stored_parts(under_appraisal) == [["office_review", "3", "7"]]  # 0,75 × 7 ÷ 1,75

    office_review_part_set(period=under_appraisal.period, max_points="3,5", codes=["1.1.3", "1.2.1", "1.3.2"],
                           by=secretariat)
    assert stored_parts(under_appraisal) == [["office_review", "1.5", "3.5"]]


def test_a_scored_criterion_is_never_dropped_but_criteria_may_be_added(office_review, under_appraisal,
                                                                      secretariat, node):
    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="1")

    with pytest.raises(AppraisalError) as refused:
        office_review_part_set(period=under_appraisal.period, max_points="7", codes=["1.1.3"], by=secretariat)
    assert str(refused.value) == (
        "Không thể bỏ tiêu chí “1.3.2” khỏi phần đánh giá của các phòng: đã có 1 điểm các phòng chấm trên các "
        "tiêu chí này, bỏ đi sẽ mất điểm. Giữ các tiêu chí đó (có thể thêm tiêu chí, đổi điểm tối đa).")

    part = office_review_part_set(period=under_appraisal.period, max_points="7",
                                  codes=["1.1.3", "1.2.1", "1.3.2", "1.3.3"], by=secretariat)
    assert part.criteria == ["1.1.3", "1.2.1", "1.3.2", "1.3.3"]
    # 1 of 2,25 criteria points, in a part of 7
    assert stored_parts(under_appraisal) == [["office_review", "3.111", "7"]]


def test_a_scored_part_cannot_be_removed_an_unscored_one_can(office_review, under_appraisal, secretariat, node):
    office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points="0,5")
    with pytest.raises(CommandError, match="đã có 1 điểm các phòng chấm, bỏ phần sẽ mất các điểm đó"):
        call_command("office_review_part", under_appraisal.period.identifier, "--remove", "--as", secretariat.username)
    assert OfficeReviewScore.objects.count() == 1

    OfficeReviewScore.objects.all().delete()
    out = io.StringIO()
    call_command("office_review_part", under_appraisal.period.identifier, "--remove", "--as", secretariat.username,
                 stdout=out)
    assert out.getvalue().strip() == "Kỳ hoangmai-phuong-2024/2024 không còn phần đánh giá của các phòng."
    assert stored_parts(under_appraisal) == []
    # the history keeps the part as it was
    assert OfficeReviewPart.history.filter(history_type="-").get().max_points == 7


def test_a_published_period_keeps_its_parts(period, secretariat):
    publish_period(period, by=secretariat)
    with pytest.raises(AppraisalError, match="Kỳ hoangmai-phuong-2024/2024 đã công bố: không thể đổi phần"):
        office_review_part_set(period=period, max_points="7", codes=["1.1.3"], by=secretariat)


def test_only_the_periods_own_office_sets_it_up(period, leadership, council_member, ward_head, operator_elsewhere):
    refused = "Chỉ Phòng Nội vụ của Quận Hoàng Mai thiết lập phần đánh giá của các phòng."
    for user in (leadership, council_member, ward_head, operator_elsewhere):  # Hà Đông's office among them
        with pytest.raises(AppraisalError, match=refused):
            office_review_part_set(period=period, max_points="7", codes=["1.1.3"], by=user)
        with pytest.raises(AppraisalError, match=refused):
            office_review_part_remove(period=period, by=user)


def test_the_office_sets_it_up_on_the_period_page(period, secretariat, client_for):
    client = client_for(secretariat)
    url = reverse("appraisal:office_review_setup", args=[period.pk])

    refused = client.post(url, {"title": "Đánh giá của các phòng", "max_points": "7", "criteria": "1.1.3, 1.9.9"},
                          follow=True)
    assert "Không có tiêu chí “1.9.9” trong bộ chỉ số của kỳ." in refused.content.decode()

    saved = client.post(url, {"title": "Đánh giá của các phòng", "max_points": "6,5", "criteria": "1.2.1, 1.1.3"},
                        follow=True)
    page = saved.content.decode()
    assert saved.redirect_chain[-1][0] == reverse("appraisal:period", args=[period.pk]) + "#office-review"
    assert "Đã thiết lập phần “Đánh giá của các phòng” trên 2 tiêu chí." in page
    assert 'data-testid="office-review-part"><strong>Đánh giá của các phòng</strong> · tối đa 6,5 điểm, trên 2 tiêu chí: 1.1.3, 1.2.1' in page
    assert OfficeReviewPart.objects.get(period=period).max_points == 6.5


def test_other_organisers_and_other_roles_get_404_on_the_form(period, operator_elsewhere, leadership, ward_head,
                                                             client_for):
    url = reverse("appraisal:office_review_setup", args=[period.pk])
    for user in (operator_elsewhere, leadership, ward_head):
        assert client_for(user).post(url, {"max_points": "7", "criteria": "1.1.3"}).status_code == 404
    assert not OfficeReviewPart.objects.exists()
