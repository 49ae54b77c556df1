"""``import_survey KEY/YEAR FILE.csv|.xlsx``: responses to points, all or nothing, every problem by row.

The design is issue 13's (S1 20 points, S2 10; citizens CD weigh 2, ward civil servants CC 1). Hand-computed:
Hoàng Liệt S1: CD 1 of 2 favourable, CC 1 of 1 → (2·½ + 1·1) ÷ 3 × 20 = 13,333; S2: CD 1 of 2 → 5; total 18,333.
Yên Sở S1: no answer → 0, flagged; S2: 1 of 1 → 10; total 10.
"""
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from assessments.models import AssessmentResult
from surveys.models import SurveyPart, SurveyResponse, SurveyResult
from surveys.services import survey_design_set

from support import SURVEY_DESIGN, SURVEY_ROWS, csv_file, import_survey

ROWS = SURVEY_ROWS


@pytest.fixture
def designed(period, secretariat):
    survey_design_set(period=period, data=SURVEY_DESIGN, by=secretariat)
    return period


def xlsx_file(tmp_path, rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append([int(c) if c.isdigit() else (c or None) for c in row])
    path = tmp_path / "phieu.xlsx"
    workbook.save(path)
    return path


run = import_survey


def refused(period, path, *args) -> list[str]:
    with pytest.raises(CommandError) as error:
        run(period, path, *args)
    lines = str(error.value).split("\n")
    assert lines[0] == "Không nhập dòng nào:"
    return lines[1:]


def survey_points(period) -> dict:
    return {r.assessment.unit.code: (r.points, r.criteria, r.respondents)
            for r in SurveyResult.objects.filter(part__period=period).select_related("assessment__unit")}


EXPECTED = {"HM-W-HOANGLIET": (Decimal("18.333"), {"S1": "13.333", "S2": "5"}, 3),
            "HM-W-YENSO": (Decimal("10.000"), {"S1": "0", "S2": "10"}, 1)}


def test_responses_become_points_per_criterion_and_the_index_counts_them(designed, tmp_path):
    output = run(designed, csv_file(tmp_path, ROWS))
    assert output.startswith("Đã nhập 4 dòng của 2 đơn vị vào kỳ hoangmai-phuong-2024/2024 (SHA-256 ")
    assert survey_points(designed) == EXPECTED
    assert SurveyResponse.objects.count() == 4
    # index_report: survey_total as the aggregation gives it, max_total 100
    out = io.StringIO()
    call_command("index_report", designed.identifier, stdout=out)
    rows = {row["unit_code"]: row for row in json.loads(out.getvalue())}
    assert (rows["HM-W-HOANGLIET"]["survey_total"], rows["HM-W-HOANGLIET"]["max_total"],
            rows["HM-W-HOANGLIET"]["index_pct"]) == ("18.333", "100", "18.33")
    assert (rows["HM-W-YENSO"]["survey_total"], rows["HM-W-YENSO"]["max_total"]) == ("10", "100")


@pytest.mark.parametrize("make", [
    lambda tmp_path: csv_file(tmp_path, ROWS, delimiter=";"),
    lambda tmp_path: csv_file(tmp_path, ROWS, bom=True),
    lambda tmp_path: xlsx_file(tmp_path, ROWS),
])
def test_semicolons_a_bom_and_xlsx_read_the_same(designed, tmp_path, make):
    run(designed, make(tmp_path))
    assert survey_points(designed) == EXPECTED


def test_a_column_map_renames_the_files_columns(designed, tmp_path):
    kobo = [["Mã đơn vị", "Nhóm", "hai_long", "cong_khai"], *ROWS[1:]]
    mapping = tmp_path / "cot.json"
    mapping.write_text(json.dumps({"unit": "Mã đơn vị", "group": "Nhóm", "Q1": "hai_long", "Q2": "cong_khai"}))
    run(designed, csv_file(tmp_path, kobo), "--columns", str(mapping))
    assert survey_points(designed) == EXPECTED


def test_every_problem_is_listed_by_row_and_nothing_is_saved(designed, tmp_path):
    run(designed, csv_file(tmp_path, ROWS))  # a first import stays whole when the second is refused
    bad = [ROWS[0],
           ["HM-W-KHONGCO", "CD", "5", "1"],  # unknown unit
           ["HM-W-YENSO", "XX", "5", ""],  # unknown group
           ["HM-W-YENSO", "CD", "4,5", "1"],  # not a whole number
           ["HM-W-YENSO", "CD", "6", "2"],  # outside the scale, twice
           ["HM-W-YENSO", "CC", "4", "1"],  # Q2 is not asked of CC
           ["HM-W-YENSO", "CD", "", ""],  # no answer at all
           ["HM-W-YENSO", "CD", "năm", ""]]
    assert refused(designed, csv_file(tmp_path, bad, delimiter=";", name="lan-2.csv")) == [
        "Dòng 2: đơn vị “HM-W-KHONGCO” không có trong kỳ.",
        "Dòng 3: nhóm “XX” không có trong thiết kế.",
        "Dòng 4, câu Q1: “4,5” không phải số nguyên.",
        "Dòng 5, câu Q1: 6 nằm ngoài thang 1–5.",
        "Dòng 5, câu Q2: 2 nằm ngoài thang 0–1.",
        "Dòng 6, câu Q2: câu này không hỏi nhóm CC.",
        "Dòng 7: không có câu trả lời nào.",
        "Dòng 8, câu Q1: “năm” không phải số nguyên.",
    ]
    assert survey_points(designed) == EXPECTED and SurveyResponse.objects.count() == 4
    assert SurveyPart.objects.get().responses_file == "phieu.csv"


def test_a_header_without_unit_or_with_a_stranger_column_is_refused(designed, tmp_path):
    assert refused(designed, csv_file(tmp_path, [["group", "Q1", "Q9"], ["CD", "5", "1"]])) == [
        "Cột “Q9” không phải câu hỏi nào của thiết kế.", "Thiếu cột “unit”."]
    assert not SurveyResponse.objects.exists()


def test_a_file_that_is_not_utf8_or_not_csv_is_refused(designed, tmp_path):
    latin = tmp_path / "phieu.csv"
    latin.write_bytes("unit,group,Q1\nHM-W-YENSO,CD,5\n".encode("utf-16"))
    assert refused(designed, latin) == ["Tệp CSV không phải UTF-8."]
    other = tmp_path / "phieu.txt"
    other.write_text("unit,group,Q1")
    assert refused(designed, other) == ["Tệp “phieu.txt” phải là .csv hoặc .xlsx."]


def test_importing_again_replaces_the_responses_and_the_history_keeps_each_file(designed, tmp_path, secretariat):
    first = csv_file(tmp_path, ROWS)
    run(designed, first)
    run(designed, csv_file(tmp_path, [ROWS[0], ["HM-W-HOANGLIET", "CC", "5", ""]], name="lan-2.csv"))
    assert survey_points(designed) == {"HM-W-HOANGLIET": (Decimal("20.000"), {"S1": "20", "S2": "0"}, 1)}
    assert SurveyResponse.objects.count() == 1
    # Yên Sở lost its survey points with the first file: flagged again, still counted on 100
    assert AssessmentResult.objects.get(assessment__unit__code="HM-W-YENSO").parts == [["dtxhh", None, "30"]]
    import hashlib
    reasons = list(SurveyPart.history.filter(history_change_reason__startswith="Nhập tệp")
                   .order_by("history_date").values_list("history_change_reason", "history_user"))
    assert reasons[0] == (f"Nhập tệp phieu.csv (SHA-256 {hashlib.sha256(first.read_bytes()).hexdigest()}): 4 dòng.",
                          secretariat.pk)
    assert reasons[1][0].startswith("Nhập tệp lan-2.csv (SHA-256 ")


def test_responses_lock_the_design(designed, tmp_path, secretariat):
    from surveys.services import SurveyError

    run(designed, csv_file(tmp_path, ROWS))
    with pytest.raises(SurveyError):
        survey_design_set(period=designed, data=SURVEY_DESIGN, by=secretariat)


def test_a_period_without_a_design_takes_no_responses(period, tmp_path, secretariat):
    with pytest.raises(CommandError) as error:
        run(period, csv_file(tmp_path, ROWS))
    assert str(error.value) == "Phần “Điều tra xã hội học” chưa có thiết kế phiếu: chạy setup_survey trước."


# -- a contractor's aggregated table -------------------------------------------------------------

def test_an_aggregated_table_gives_points_per_criterion(designed, tmp_path):
    table = [["unit", "criterion", "points"], ["HM-W-HOANGLIET", "S1", "15,5"], ["HM-W-HOANGLIET", "S2", "7.25"],
             ["HM-W-YENSO", "S2", "10"]]
    assert run(designed, csv_file(tmp_path, table, delimiter=";"), "--aggregated").startswith("Đã nhập 3 dòng của 2 đơn vị")
    assert survey_points(designed) == {"HM-W-HOANGLIET": (Decimal("22.750"), {"S1": "15.5", "S2": "7.25"}, None),
                                       "HM-W-YENSO": (Decimal("10.000"), {"S2": "10"}, None)}


def test_an_aggregated_table_is_checked_row_by_row(designed, tmp_path):
    table = [["unit", "criterion", "points"], ["HM-W-HOANGLIET", "S1", "20,5"], ["HM-W-HOANGLIET", "S9", "1"],
             ["HM-W-YENSO", "S2", "-1"], ["HM-W-YENSO", "S1", "2"], ["HM-W-YENSO", "S1", "3"], ["HM-W-X", "S1", "1"]]
    assert refused(designed, csv_file(tmp_path, table, delimiter=";"), "--aggregated") == [
        "Dòng 2: điểm 20,5 của tiêu chí S1 lớn hơn điểm tối đa 20.",
        "Dòng 3: tiêu chí “S9” không có trong thiết kế.",
        "Dòng 4: điểm “-1” không phải số không âm có tối đa 3 chữ số thập phân.",
        "Dòng 6: tiêu chí S1 của đơn vị HM-W-YENSO đã có ở dòng 5.",
        "Dòng 7: đơn vị “HM-W-X” không có trong kỳ.",
    ]
    assert not SurveyResult.objects.exists()


def test_only_the_office_imports(designed, tmp_path, leadership):
    from surveys.imports import survey_responses_import
    from surveys.services import SurveyError

    with open(csv_file(tmp_path, ROWS), "rb") as handle, pytest.raises(SurveyError):
        survey_responses_import(period=designed, file=handle, name="phieu.csv", by=leadership)
    assert not SurveyResponse.objects.exists()


def test_a_column_map_that_is_not_an_object_and_a_repeated_column_are_refused(designed, tmp_path):
    mapping = tmp_path / "cot.json"
    mapping.write_text('["unit", "group"]')
    assert refused(designed, csv_file(tmp_path, ROWS), "--columns", str(mapping)) == [
        "Bảng tên cột (--columns) phải là đối tượng JSON {\"tên trong ParIndex\": \"tên cột trong tệp\"}."]
    assert refused(designed, csv_file(tmp_path, [["unit", "group", "Q1", "Q1"], ["HM-W-YENSO", "CD", "4", "5"]])) == [
        "Cột “Q1” xuất hiện hai lần."]
    assert not SurveyResponse.objects.exists()
