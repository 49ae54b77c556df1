"""Malformed uploads cost no more than a normal one: both imports refuse, with a clear message, a file
too large packed or unpacked, or a sheet past the row and column caps, before reading its cells.

The malformed files are built by editing the sheet XML inside the zip: openpyxl itself would allocate
every cell up to a far corner.
"""
import io
import re
import unicodedata
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from appraisal.excel import AppraisalImportRejected, appraisal_import, appraisal_workbook
from assessments.excel import ImportRejected, self_score_template_xlsx, self_scores_import_xlsx
from config import excel
from config.excel import workbook_bytes

SHEET = "xl/worksheets/sheet1.xml"
TOO_LARGE_SHEET = (
    "Bảng tính dùng đến dòng {rows}, cột {column}; tệp nhập được tối đa {max_rows} dòng và 20 cột. "
    "Xoá các dòng, cột thừa rồi nhập lại."
)


def edited(content: bytes, edit) -> io.BytesIO:
    """``content`` (an xlsx) with its first sheet's XML passed through ``edit``."""
    source, target = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item)
            archive.writestr(item, edit(data.decode()).encode() if item.filename == SHEET else data)
    target.seek(0)
    return target


def with_far_cell(address: str, *, declared: bool):
    """An edit adding one text cell at ``address``, the sheet's declared size stretched to it or left as it was."""
    row = re.sub(r"[A-Z]+", "", address)

    def edit(xml: str) -> str:
        xml = xml.replace("</sheetData>", f'<row r="{row}"><c r="{address}" t="inlineStr"><is><t>x</t></is></c>'
                                          f"</row></sheetData>")
        return re.sub(r'<dimension ref="A1:[A-Z]+\d+"', f'<dimension ref="A1:{address}"', xml) if declared else xml
    return edit


def self_score_problems(assessment, file, by) -> list[str]:
    with pytest.raises(ImportRejected) as rejected:
        self_scores_import_xlsx(assessment=assessment, file=file, by=by)
    assert not assessment.self_scores.exists()
    return rejected.value.problems


def appraisal_problems(period, file, by) -> list[str]:
    with pytest.raises(AppraisalImportRejected) as rejected:
        appraisal_import(period=period, file=file, by=by)
    return rejected.value.problems


@pytest.fixture
def assessment(period, ward):
    return period.assessments.get(unit=ward)


# -- a sheet past the caps is refused before a cell is read, whatever size it declares ------------


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
@pytest.mark.parametrize("address", ["E1048576", "XFD1048576", "XFD5"])
def test_a_self_score_sheet_reaching_a_far_corner_is_refused(assessment, ward_staff, address, declared):
    file = edited(self_score_template_xlsx(assessment=assessment), with_far_cell(address, declared=declared))
    column, row = re.fullmatch(r"([A-Z]+)(\d+)", address).groups()
    assert self_score_problems(assessment, file, ward_staff) == [
        TOO_LARGE_SHEET.format(rows=row, column=column, max_rows=10000)]


def test_an_appraisal_sheet_reaching_a_far_corner_is_refused(period, secretariat):
    file = edited(appraisal_workbook(period=period), with_far_cell("XFD1048576", declared=False))
    assert appraisal_problems(period, file, secretariat) == [
        TOO_LARGE_SHEET.format(rows=1048576, column="XFD", max_rows=10000)]


@pytest.mark.parametrize("cell", ["<c><v>1</v></c>", '<c r="A200"><v>1</v></c>'], ids=["unaddressed", "repeated"])
def test_a_row_of_more_cells_than_columns_is_refused(assessment, ward_staff, cell):
    # Given a row of 21 cells that do not say where they are, or all say A200
    cells = cell * 21
    file = edited(self_score_template_xlsx(assessment=assessment),
                  lambda xml: xml.replace("</sheetData>", f'<row r="200">{cells}</row></sheetData>'))
    assert self_score_problems(assessment, file, ward_staff) == [
        TOO_LARGE_SHEET.format(rows=200, column="U", max_rows=10000)]


def test_the_row_cap_applies_to_rows_the_sheet_does_not_declare(assessment, ward_staff, monkeypatch):
    monkeypatch.setattr(excel, "MAX_ROWS", 100)
    file = edited(self_score_template_xlsx(assessment=assessment), lambda xml: with_far_cell(
        "A101", declared=False)(re.sub(r"<dimension [^>]*/>", "", xml)))
    assert self_score_problems(assessment, file, ward_staff) == [
        TOO_LARGE_SHEET.format(rows=101, column="A", max_rows=100)]


def test_an_empty_far_row_is_not_read(assessment, ward_staff):
    # Given the template with 1.1.1 (row 7) scored, and an empty row at the sheet's last row
    def score_and_empty_row(xml):
        # an empty cell is written <c …/> or <c …></c> depending on openpyxl's XML library
        xml = re.sub(r'<c r="D7"([^>/]*)(?:/>|></c>)', r'<c r="D7"\1><v>0.5</v></c>', xml, count=1)
        return xml.replace("</sheetData>", '<row r="1048576"/></sheetData>')
    file = edited(self_score_template_xlsx(assessment=assessment), score_and_empty_row)
    # When it is imported, then it is read up to its last cell
    report = self_scores_import_xlsx(assessment=assessment, file=file, by=ward_staff)
    assert report.saved == 1 and assessment.self_scores.get().node.code == "1.1.1"


# -- size caps, for uploads and commands alike ---------------------------------------------------


def test_a_file_unpacking_past_the_cap_is_refused_before_it_is_opened(assessment, period, ward_staff, secretariat,
                                                                       settings):
    # Given a 1 MB cap on the unpacked size and a template carrying 2 MB of highly compressible text
    settings.EXCEL_MAX_UNPACKED_BYTES = 1024 * 1024
    file = edited(self_score_template_xlsx(assessment=assessment),
                  lambda xml: xml.replace("</worksheet>", f"<!--{'a' * 2 * 1024 * 1024}--></worksheet>"))
    assert len(file.getvalue()) < 100 * 1024
    file.name = "nho.xlsx"
    # Then both imports refuse it by its unpacked size
    message = "Tệp Excel “nho.xlsx” khi giải nén lớn hơn 1 MB."
    assert self_score_problems(assessment, file, ward_staff) == [message]
    assert appraisal_problems(period, file, secretariat) == [message]


def _big_file(tmp_path):
    path = tmp_path / "lon.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"0" * 4096)
    return path


def test_the_self_score_command_has_the_uploads_size_cap(assessment, ward_staff, tmp_path, settings):
    settings.EXCEL_MAX_BYTES = 2048
    with pytest.raises(CommandError) as error:
        call_command("import_self_scores", "hoangmai-phuong-2024/2024", "HM-W-HOANGLIET", str(_big_file(tmp_path)),
                     "--as", ward_staff.username)
    assert str(error.value).splitlines() == [
        "Tệp Excel có 1 lỗi, chưa nhập điểm nào:", "Tệp Excel “lon.xlsx” lớn hơn 0 MB."]


def test_the_appraisal_command_has_the_uploads_size_cap(period, tmp_path, settings):
    settings.EXCEL_MAX_BYTES = 2048
    with pytest.raises(CommandError) as error:
        call_command("import_appraisal", period.identifier, str(_big_file(tmp_path)))
    assert str(error.value).splitlines() == ["Không nhập gì. Các lỗi:", "Tệp Excel “lon.xlsx” lớn hơn 0 MB."]


# -- a long list of problems ---------------------------------------------------------------------


def _unknown_codes(tmp_path, header: list[str], row, count: int):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for number in range(count):
        sheet.append(row(number))
    path = tmp_path / "ma-la.xlsx"
    workbook.save(path)
    return path


def test_the_self_score_command_lists_twenty_problems_then_how_many_more(assessment, ward_staff, tmp_path):
    path = _unknown_codes(tmp_path, ["Mã", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình"],
                          lambda number: [f"X.{number}"], 2000)
    with pytest.raises(CommandError) as error:
        call_command("import_self_scores", "hoangmai-phuong-2024/2024", "HM-W-HOANGLIET", str(path),
                     "--as", ward_staff.username)
    lines = str(error.value).splitlines()
    leaves = assessment.period.framework.nodes.filter(children__isnull=True).count()
    assert lines[:3] == [f"Tệp Excel có {2000 + leaves} lỗi, chưa nhập điểm nào:",
                         "Dòng 2: mã “X.0” không có trong bộ chỉ số.", "Dòng 3: mã “X.1” không có trong bộ chỉ số."]
    assert len(lines) == 1 + 20 + 1 and lines[-1] == f"và {2000 + leaves - 20} lỗi khác."


def test_the_appraisal_command_lists_twenty_problems_then_how_many_more(period, secretariat, tmp_path):
    header = ["Mã đơn vị", "Đơn vị", "Mã tiêu chí", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm",
              "Điểm thẩm định", "Lý do điều chỉnh"]
    path = _unknown_codes(tmp_path, header, lambda number: [f"DV-{number}", None, "1.1.1"], 2000)
    with pytest.raises(CommandError) as error:
        call_command("import_appraisal", period.identifier, str(path))
    lines = str(error.value).splitlines()
    assert lines[1] == "Dòng 2: đơn vị “DV-0” không có trong kỳ đánh giá."
    assert len(lines) == 1 + 20 + 1 and lines[-1] == "và 1980 lỗi khác."


# -- numbers Excel cannot hold, decomposed text ---------------------------------------------------


def _number_at(address: str, text: str):
    return lambda xml: re.sub(rf'<c r="{address}"([^>/]*)(?:/>|></c>)', rf'<c r="{address}"\1><v>{text}</v></c>', xml, count=1)


@pytest.mark.parametrize("text", ["NaN", "1e-400", "1e400", "INF"])
def test_a_numeric_cell_that_is_no_number_gets_the_fields_number_message(assessment, ward_staff, text):
    file = edited(self_score_template_xlsx(assessment=assessment), _number_at("D7", text))
    assert self_score_problems(assessment, file, ward_staff) == ["Dòng 7: “Điểm tự chấm” phải là một số."]


def test_an_appraised_cell_that_is_no_number_gets_the_fields_number_message(period, secretariat):
    workbook = load_workbook(io.BytesIO(appraisal_workbook(period=period)))
    workbook.active["G2"] = 12345.678  # a marker, replaced in the XML
    file = edited(workbook_bytes(workbook), lambda xml: xml.replace("<v>12345.678</v>", "<v>1e-400</v>"))
    assert appraisal_problems(period, file, secretariat) == ["Dòng 2: “Điểm thẩm định” phải là một số."]


def test_a_decomposed_header_and_explanation_are_read_composed(assessment, ward_staff):
    # Given a template whose every text was saved decomposed (NFD), as some Mac tools do
    workbook = load_workbook(io.BytesIO(self_score_template_xlsx(assessment=assessment)))
    sheet = workbook.active
    for cell in sheet[4]:
        cell.value = unicodedata.normalize("NFD", cell.value)
    sheet["D7"], sheet["E7"] = 0.5, unicodedata.normalize("NFD", "Kế hoạch số 12")
    # When it is imported, then the header is found and the explanation is stored composed (NFC)
    self_scores_import_xlsx(assessment=assessment, file=io.BytesIO(workbook_bytes(workbook)), by=ward_staff)
    assert assessment.self_scores.get().explanation == unicodedata.normalize("NFC", "Kế hoạch số 12")
