"""The Excel reader and writer both imports share: one message for a file that is not a workbook."""
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from appraisal.excel import AppraisalImportRejected, appraisal_import
from assessments.excel import ImportRejected, self_scores_import_xlsx
from config.excel import (
    NOT_AN_EXCEL_FILE, NotAnExcelFile, cell_text, new_sheet, read_sheet, workbook_bytes, write_header,
)


def _problems(call, rejection) -> list[str]:
    with pytest.raises(rejection) as rejected:
        call(io.BytesIO(b"Ma;Diem\n1.1.1;0,5\n"))
    return rejected.value.problems


@pytest.mark.parametrize("language, expected", [
    ("vi", "Tệp không phải Excel (.xlsx) hợp lệ."), ("en", "The file is not a valid Excel (.xlsx) file."),
])
def test_both_imports_refuse_a_file_that_is_not_a_workbook_with_the_same_message(
        period, ward, ward_staff, secretariat, language, expected):
    assessment = period.assessments.get(unit=ward)
    with translation.override(language):
        self_scores = _problems(lambda file: self_scores_import_xlsx(assessment=assessment, file=file, by=ward_staff),
                                ImportRejected)
        appraised = _problems(lambda file: appraisal_import(period=period, file=file, by=secretariat),
                              AppraisalImportRejected)
    assert self_scores == appraised == [expected]


def test_a_written_workbook_reads_back_with_its_bold_header():
    workbook, sheet = new_sheet("Thẩm định")
    write_header(sheet, 2, ["Mã", "Điểm"])
    sheet.append(["1.1.1", 0.5])
    content = workbook_bytes(workbook)
    assert read_sheet(io.BytesIO(content), title="Thẩm định") == [(None, None), ("Mã", "Điểm"), ("1.1.1", 0.5)]
    sheet = load_workbook(io.BytesIO(content))["Thẩm định"]
    assert sheet["A2"].font.bold and sheet["B2"].font.bold and not sheet["A3"].font.bold


def test_an_unreadable_upload_raises_the_one_message():
    with pytest.raises(NotAnExcelFile) as error:
        read_sheet(io.BytesIO(b""), title="Thẩm định")
    assert str(error.value) == str(NOT_AN_EXCEL_FILE)


@pytest.mark.parametrize("value, text", [(None, ""), ("  1.1.1 ", "1.1.1"), (0.5, "0.5"), (3, "3")])
def test_a_cell_reads_as_stripped_text(value, text):
    assert cell_text(value) == text
