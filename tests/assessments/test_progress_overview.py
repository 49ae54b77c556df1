"""The office follows the year on one page: a row per unit, filters, sort, Excel, and its actions."""
import io
from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from assessments.models import Assessment, StatusChange
from assessments.results import results_refresh
from assessments.selectors import period_progress
from assessments.services import self_score_save
from organizations.models import Unit, UnitKind

from support import score_remaining_leaves


def progress_url(period, **query):
    url = reverse("periods:progress", args=[period.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_each_unit_shows_its_status_scores_evidence_and_deadline(period, assessment, leaf, ward_staff):
    period.self_assessment_deadline = date.today() + timedelta(days=5)
    period.save(update_fields=["self_assessment_deadline"])
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
    rows = {row.unit_code: row for row in period_progress(period=period)}
    hoang_liet = rows["HM-W-HOANGLIET"]
    assert (hoang_liet.status, hoang_liet.scored, hoang_liet.leaves, hoang_liet.self_total) == ("draft", 1, 67, Decimal("0.5"))
    assert (hoang_liet.evidence_missing, hoang_liet.days_left, hoang_liet.submitted_at) == (1, 5, None)
    assert hoang_liet.last_activity is not None
    assert rows["HM-W-YENSO"].scored == 0 and rows["HM-W-YENSO"].last_activity is None


def test_the_page_costs_the_same_queries_for_more_units(period, secretariat, client_for, django_assert_max_num_queries,
                                                        district):
    client = client_for(secretariat)
    with django_assert_max_num_queries(14):
        page = client.get(progress_url(period))
    assert [row.unit_code for row in page.context["rows"]] == ["HM-W-HOANGLIET", "HM-W-YENSO"]
    for n in range(5):
        unit = Unit.objects.create(code=f"HM-W-X{n}", name=f"Phường X{n}", kind=UnitKind.WARD, parent=district)
        results_refresh([Assessment.objects.create(period=period, unit=unit)])
    with django_assert_max_num_queries(14):
        page = client.get(progress_url(period))
    assert len(page.context["rows"]) == 7
    assert "Phường X4" in page.content.decode()


def test_filters_sorting_and_the_excel_file(period, assessment, leaf, ward_staff, ward_head, secretariat, client_for):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,5")
    client = client_for(secretariat)
    client.post(reverse("assessments:transition", args=[assessment.pk, "submit"]), {"reason": ""})  # refused: no reason
    assert Assessment.objects.get(pk=assessment.pk).status == "draft"
    by_status = client.get(progress_url(period, **{"trang-thai": "draft", "sap-xep": "tong-diem"}))
    assert [row.unit_code for row in by_status.context["rows"]] == ["HM-W-YENSO", "HM-W-HOANGLIET"]
    assert client.get(progress_url(period, **{"trang-thai": "submitted"})).context["rows"] == []
    sheet = load_workbook(io.BytesIO(client.get(progress_url(period, **{"dinh-dang": "xlsx"})).content)).active
    assert [cell.value for cell in sheet[3]][:6] == ["HM-W-HOANGLIET", "Phường Hoàng Liệt", "Đang tự đánh giá", 1, 67, 0.5]


def test_the_office_submits_for_a_unit_with_a_reason_and_leaves_one_out(period, assessment, other_assessment,
                                                                        secretariat, client_for):
    client = client_for(secretariat)
    back = progress_url(period)
    score_remaining_leaves(assessment, by=secretariat)  # the paper file, typed in
    client.post(reverse("assessments:transition", args=[assessment.pk, "submit"]),
                {"reason": "Đơn vị gửi hồ sơ giấy ngày 20/11", "next": back})
    assert Assessment.objects.get(pk=assessment.pk).status == "submitted"
    step = StatusChange.objects.get(assessment=assessment)
    assert (step.by, step.reason) == (secretariat, "Đơn vị gửi hồ sơ giấy ngày 20/11")

    refused = client.post(reverse("assessments:exclude", args=[other_assessment.pk]), {"reason": " "}, follow=True)
    assert "Cần nêu lý do đưa đơn vị ra khỏi kỳ đánh giá" in refused.content.decode()
    client.post(reverse("assessments:exclude", args=[other_assessment.pk]), {"reason": "Sáp nhập"})
    page = client.get(back)
    excluded = {row.unit_code: row.excluded for row in page.context["rows"]}
    assert excluded == {"HM-W-HOANGLIET": False, "HM-W-YENSO": True}
    assert [row.unit_code for row in client.get(progress_url(period, **{"trang-thai": "excluded"})).context["rows"]] == [
        "HM-W-YENSO"]


def test_units_and_leadership_may_not_act_for_units(period, assessment, other_assessment, ward_head, leadership,
                                                    client_for):
    client_for(ward_head).post(reverse("assessments:exclude", args=[assessment.pk]), {"reason": "x"})
    assert not Assessment.objects.get(pk=assessment.pk).excluded
    client = client_for(leadership)
    assert client.get(progress_url(period)).status_code == 200  # leadership reads the progress
    assert "Nộp thay đơn vị" not in client.get(progress_url(period)).content.decode()
    client.post(reverse("assessments:transition", args=[other_assessment.pk, "submit"]), {"reason": "x"})
    assert Assessment.objects.get(pk=other_assessment.pk).status == "draft"
    assert client_for(ward_head).get(progress_url(period)).status_code == 404


def test_the_office_home_starts_from_the_periods_progress(period, secretariat, client_for):
    page = client_for(secretariat).get("/").content.decode()
    assert reverse("periods:progress", args=[period.pk]) in page
    assert "0/2" in page
