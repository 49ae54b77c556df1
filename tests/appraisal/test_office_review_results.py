"""The offices' assessment in the results, side by side with the council's appraisal and the survey (seed 004).

Given the 2024 ward period with an offices' part of 7 on 1.1.3, 1.2.1 and 1.3.2 (worth 1,75 together) and a
SIPAS part of 10: Hoàng Liệt, under appraisal, self-scored 0,75, has 0,75 from the offices (3 of the part's 7)
and 8,5 SIPAS points: 12,25 of 87, 14,08 %. Yên Sở has nothing yet: 0 of 87, its missing parts flagged.
"""
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from appraisal.services_office_review import office_review_save
from assessments.models import Assessment
from assessments.results import results_refresh
from organizations.models import Unit, UnitKind
from reports.documents import period_results_pdf, unit_scored_pdf
from reports.selectors import period_results
from surveys.services import survey_part_set, survey_result_save

from support import pdf_text


@pytest.fixture
def three_parts(office_review, under_appraisal, secretariat, node):
    survey_part_set(period=under_appraisal.period, method="sipas", max_points="10", by=secretariat)
    survey_result_save(assessment=under_appraisal, points="8,5", by=secretariat, method="sipas")
    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="0,75")
    return under_appraisal.period


def test_the_index_report_lists_the_part_between_the_appraisal_and_the_survey(three_parts):
    out = io.StringIO()
    call_command("index_report", three_parts.identifier, stdout=out)
    rows = {row["unit_code"]: row for row in json.loads(out.getvalue())}

    hoang_liet, yen_so = rows["HM-W-HOANGLIET"], rows["HM-W-YENSO"]
    assert hoang_liet["parts"] == [{"part": "appraisal", "points": "0.75", "max_points": "70"},
                                   {"part": "office_review", "points": "3", "max_points": "7"},
                                   {"part": "sipas", "points": "8.5", "max_points": "10"}]
    assert (hoang_liet["max_total"], hoang_liet["index_pct"]) == ("87", "14.08")
    assert hoang_liet["survey_total"] == "8.5"  # the survey's own total leaves the offices' part out
    assert hoang_liet["survey_missing"] is False
    assert (yen_so["parts"][1], yen_so["max_total"], yen_so["survey_missing"]) == (
        {"part": "office_review", "points": None, "max_points": "7"}, "87", True)


def test_the_results_workbook_gives_the_part_a_last_column(three_parts, tmp_path):
    target = tmp_path / "ket-qua.xlsx"
    call_command("index_report", three_parts.identifier, "--format", "xlsx", "-o", str(target), stdout=io.StringIO())
    header, *rows = list(load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert header[-2:] == ("Phúc tra", "Điểm đánh giá của các phòng")
    by_unit = {row[0]: row for row in rows}
    assert by_unit["HM-W-HOANGLIET"][-1] == Decimal("3") and by_unit["HM-W-YENSO"][-1] is None


def test_the_dashboard_and_the_unit_report_show_the_part_labelled(three_parts, under_appraisal, leadership,
                                                                 client_for):
    client = client_for(leadership)
    response = client.get(reverse("dashboard:period", args=[three_parts.pk]))
    html = response.content.decode()
    # The appraisal column is the appraisal alone, on its 70: the other parts have their own columns
    assert [(row.result.unit_code, row.points, row.points_max) for row in response.context["ranking"]] == [
        ("HM-W-HOANGLIET", Decimal("0.750"), Decimal("70.000")), ("HM-W-YENSO", Decimal("0"), Decimal("70.000"))]
    assert '<th class="num">Đánh giá của các phòng</th><th class="num">SIPAS</th>' in html
    assert "<td class=\"num\">3 / 7</td><td class=\"num\">8,5 / 10</td>" in html
    assert 'data-testid="part-missing">chưa có</span> / 7' in html  # Yên Sở

    report = client.get(reverse("reports:unit_report", args=[under_appraisal.pk])).content.decode()
    assert '<dt data-testid="part">Đánh giá của các phòng</dt><dd>3 / 7</dd>' in report


def test_the_pdfs_show_the_part_beside_the_others(three_parts):
    text = pdf_text(period_results_pdf(period=three_parts, results=period_results(period=three_parts)))
    assert "Đánhgiácủacácphòng" in "".join(text.split())
    assert "1 Phường Hoàng Liệt (*) 0,75 — 3 8,5 87 14,08 1" in text
    assert "2 Phường Yên Sở (*) 0 — — — 87 0,00 2" in text
    assert "thẩm định, Đánh giá của các phòng, SIPAS" in text

    unit = pdf_text(unit_scored_pdf(period=three_parts, unit_code="HM-W-HOANGLIET"))
    assert "Đánh giá của các phòng: 3/7 SIPAS: 8,5/10 Chỉ số CCHC: 14,08% (12,25/87 điểm)" in unit
    assert "kỳ này không điều tra" not in unit


def test_the_progress_page_shows_every_unit_in_a_fixed_number_of_queries(
        office_review, under_appraisal, secretariat, node, client_for, django_assert_max_num_queries):
    office_review_save(assessment=under_appraisal, node=node("1.1.3"), by=secretariat, points="0,5")
    office_review_save(assessment=under_appraisal, node=node("1.3.2"), by=secretariat, points="1")
    client = client_for(secretariat)
    url = reverse("appraisal:office_review", args=[under_appraisal.period_id])

    with django_assert_max_num_queries(12) as few:
        html = client.get(url).content.decode()

    assert 'data-testid="part-summary">Tối đa 7 điểm, trên 3 tiêu chí: 1.1.3, 1.2.1, 1.3.2' in html
    hoang_liet = html.split('data-unit="Phường Hoàng Liệt"')[1].split("</tr>")[0]
    yen_so = html.split('data-unit="Phường Yên Sở"')[1].split("</tr>")[0]
    # 1,5 of 1,75 in a part of 7 = 6
    assert '<td class="num" data-testid="scored">2 / 3</td>' in hoang_liet and "6 / 7" in hoang_liet
    assert '<td class="num" data-testid="scored">0 / 3</td>' in yen_so and "chưa có</span> / 7" in yen_so
    # Under appraisal, Hoàng Liệt is scored from here; Yên Sở, still drafting, has nothing to score yet
    assert f'<a href="{reverse("appraisal:office_review_unit", args=[under_appraisal.pk])}">Chấm điểm</a>' in hoang_liet
    assert "Chưa nộp" in yen_so and "office_review_unit" not in yen_so and "/danh-gia-cua-phong/" not in yen_so

    # With five more wards in the period, no more queries
    district = Unit.objects.get(code="HM")
    extra = [Assessment.objects.create(period=under_appraisal.period, unit=Unit.objects.create(
        code=f"HM-W-EXTRA{n}", name=f"Phường Thêm {n}", kind=UnitKind.WARD, parent=district,
        framework_family="hoangmai-phuong", order=10 + n)) for n in range(5)]
    results_refresh(extra)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('data-testid="scored">0 / 3</td>') == 6


def test_the_progress_page_is_paginated(office_review, under_appraisal, secretariat, client_for, monkeypatch):
    monkeypatch.setattr("appraisal.selectors_office_review.PROGRESS_PAGE_SIZE", 1)
    client = client_for(secretariat)
    url = reverse("appraisal:office_review", args=[under_appraisal.period_id])
    first, second = client.get(url).content.decode(), client.get(f"{url}?trang=2").content.decode()
    assert 'data-unit="Phường Hoàng Liệt"' in first and 'data-unit="Phường Yên Sở"' not in first
    assert 'data-unit="Phường Yên Sở"' in second and "Trang 2/2" in second
