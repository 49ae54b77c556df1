"""Importing earlier years' results: every figure with its source, all or nothing, every problem by row."""
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command

from reports.history import (
    HEADER, HistoryImportRejected, history_import, history_rows_from_xlsx,
)
from reports.models import ImportedResult

from support import xlsx_upload


def xlsx(*rows, header=HEADER) -> BytesIO:
    return xlsx_upload(header, rows, name="ket-qua-cac-nam.xlsx", title_row="Kết quả Chỉ số CCHC các năm trước")


def imported(file, by):
    return history_import(rows=history_rows_from_xlsx(file), source="ket-qua-cac-nam.xlsx", by=by)


def test_a_row_per_unit_and_year_is_stored_with_its_file_and_row(ward, other_ward, secretariat):
    count = imported(xlsx(
        ("hoangmai-phuong/2023", "HM-W-HOANGLIET", "85,5", 100, "85.5", 2, 14),
        ("hoangmai-phuong/2023", "HM-W-YENSO", None, None, 90, 1, 14),
    ), secretariat)

    assert count == 2
    hoang_liet = ImportedResult.objects.get(unit=ward)
    assert (hoang_liet.family, hoang_liet.year, hoang_liet.total, hoang_liet.max_total, hoang_liet.index_pct,
            hoang_liet.rank, hoang_liet.unit_count) == ("hoangmai-phuong", 2023, Decimal("85.5"), Decimal(100),
                                                        Decimal("85.50"), 2, 14)
    assert (hoang_liet.source, hoang_liet.source_line, hoang_liet.imported_by) == ("ket-qua-cac-nam.xlsx", 3, secretariat)
    assert ImportedResult.objects.get(unit=other_ward).index_pct == Decimal(90)


def test_the_index_is_computed_from_the_points_when_left_empty(ward, secretariat):
    imported(xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", "59,5", 70, None, None, None)), secretariat)
    assert ImportedResult.objects.get().index_pct == Decimal("85.00")


def test_criterion_columns_are_checked_against_the_framework_the_row_names(ward, ward_framework, secretariat):
    header = (*HEADER, "1.1.1", "1.1.2")
    imported(xlsx(("hoangmai-phuong-2024/2023", "HM-W-HOANGLIET", 60, 70, None, 3, 14, "0,5", None),
                  header=header), secretariat)
    result = ImportedResult.objects.get()
    assert result.framework == ward_framework
    assert [(s.code, s.points, s.source_line) for s in result.scores.all()] == [("1.1.1", Decimal("0.5"), 3)]


def test_a_file_with_problems_saves_nothing_and_names_every_row(ward, ward_framework, secretariat):
    header = (*HEADER, "1.1.1", "9.9")
    file = xlsx(
        ("hoangmai-phuong/2023", "HM-W-HOANGLIET", 60, 70, None, 3, 14, None, None),  # fine
        ("hoangmai-phuong", "HM-W-HOANGLIET", 60, 70, None, None, None, None, None),
        ("khong-co/2023", "HM-W-HOANGLIET", 60, 70, None, None, None, None, None),
        ("hoangmai-phuong/2023", "HM-W-KHONGCO", None, None, 80, None, None, None, None),
        ("hoangmai-phuong/2022", "HM-W-HOANGLIET", 80, 70, None, None, None, None, None),
        ("hoangmai-phuong/2016", "HM-W-HOANGLIET", None, None, 120, None, None, None, None),
        ("hoangmai-phuong/2021", "HM-W-HOANGLIET", None, None, None, 15, 14, None, None),
        ("hoangmai-phuong/2020", "HM-W-HOANGLIET", 60, 70, 80, None, None, None, None),
        ("hoangmai-phuong/2019", "HM-W-HOANGLIET", None, None, None, None, None, None, None),
        ("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, None, None, None, None),
        ("hoangmai-phuong-2024/2018", "HM-W-HOANGLIET", None, None, 80, None, None, "0,75", 1),
        ("hoangmai-phuong/2017", "HM-W-HOANGLIET", "năm mươi", 70, None, "2,5", 14, None, None),
        header=header,
    )
    with pytest.raises(HistoryImportRejected) as rejected:
        imported(file, secretariat)

    assert rejected.value.problems == [
        "Dòng 4: “Kỳ” phải có dạng MÃ/NĂM (mã bộ chỉ số hoặc họ bộ chỉ số và năm, ví dụ "
        "hanoi-province-2020/2019), không phải “hoangmai-phuong”.",
        "Dòng 5: “khong-co” không phải mã bộ chỉ số hay họ bộ chỉ số nào.",
        "Dòng 6: không có đơn vị “HM-W-KHONGCO”.",
        "Dòng 7: “Tổng điểm” (80) lớn hơn “Điểm tối đa” (70).",
        "Dòng 8: “Chỉ số (%)” phải từ 0 đến 100.",
        "Dòng 9: “Xếp hạng” (15) lớn hơn “Số đơn vị” (14).",
        "Dòng 10: “Chỉ số (%)” ghi 80 nhưng 60 ÷ 70 là 85,71 %.",
        "Dòng 11: cần ít nhất “Chỉ số (%)” hoặc “Xếp hạng”.",
        "Dòng 12: đơn vị “HM-W-HOANGLIET” năm 2023 đã có ở dòng 3.",
        "Dòng 13: điểm tiêu chí “1.1.1” (0,75) lớn hơn điểm tối đa 0,5.",
        "Dòng 13: mã tiêu chí “9.9” không có trong bộ chỉ số hoangmai-phuong-2024.",
        "Dòng 14: “Tổng điểm” phải là một số.",
    ]
    assert str(rejected.value) == "Tệp có 12 lỗi, chưa nhập kết quả nào"
    assert not ImportedResult.objects.exists()


def test_a_column_that_is_neither_in_the_layout_nor_a_criterion_code_is_refused(ward, secretariat):
    with pytest.raises(HistoryImportRejected) as rejected:
        imported(xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, None, None, "x"),
                      header=(*HEADER, "Ghi chú")), secretariat)
    assert rejected.value.problems == ["Cột “Ghi chú” không phải cột của mẫu nhập, cũng không phải mã tiêu chí."]


def test_a_missing_column_is_named(ward, secretariat):
    with pytest.raises(HistoryImportRejected) as rejected:
        imported(xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", 80), header=HEADER[:3]), secretariat)
    assert rejected.value.problems == [
        "Không tìm thấy dòng tiêu đề có đủ các cột: Kỳ, Mã đơn vị, Tổng điểm, Điểm tối đa, Chỉ số (%), "
        "Xếp hạng, Số đơn vị."]


def test_only_the_office_imports(ward, ward_staff, leadership):
    for user in (ward_staff, leadership):
        with pytest.raises(HistoryImportRejected) as rejected:
            imported(xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, None, None)), user)
        assert rejected.value.problems == ["Chỉ Phòng Nội vụ nhập kết quả các năm trước."]
    assert not ImportedResult.objects.exists()


def test_importing_the_same_year_again_replaces_it(ward, secretariat):
    imported(xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, 5, 14)), secretariat)
    imported(xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 81, 4, 14)), secretariat)
    assert list(ImportedResult.objects.values_list("index_pct", "rank")) == [(Decimal(81), 4)]


def test_the_command_imports_or_exits_with_every_problem(ward, secretariat, tmp_path, capsys):
    good, bad = tmp_path / "tot.xlsx", tmp_path / "loi.xlsx"
    good.write_bytes(xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, 5, 14)).getvalue())
    bad.write_bytes(xlsx(("hoangmai-phuong/2022", "HM-W-KHONGCO", None, None, 80, 5, 14)).getvalue())

    call_command("import_results", str(good), "--as", secretariat.username)
    assert "Đã nhập 1 kết quả năm trước." in capsys.readouterr().out
    assert ImportedResult.objects.get().source == "tot.xlsx"

    with pytest.raises(CommandError) as failed:
        call_command("import_results", str(bad), "--as", secretariat.username)
    assert str(failed.value) == "Tệp có 1 lỗi, chưa nhập kết quả nào:\nDòng 3: không có đơn vị “HM-W-KHONGCO”."
    assert ImportedResult.objects.count() == 1
