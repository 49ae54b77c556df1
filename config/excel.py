"""Excel workbooks in and out, shared by the self-score import (``assessments/excel.py``) and the
appraisal import (``appraisal/excel.py``): opening an upload, reading a cell, writing a header and
saving a workbook to bytes. What a sheet holds and how its rows are checked stays with each import.
"""
from io import BytesIO

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

# The one message for an upload openpyxl cannot read, whichever import it was meant for.
NOT_AN_EXCEL_FILE = _("Tệp không phải Excel (.xlsx) hợp lệ.")

BOLD = Font(bold=True)


class NotAnExcelFile(ValueError):
    """The upload is not a workbook openpyxl can read; the message is ``NOT_AN_EXCEL_FILE``."""

    def __init__(self):
        super().__init__(str(NOT_AN_EXCEL_FILE))


def open_workbook(file, *, data_only: bool = False) -> Workbook:
    """The workbook in ``file`` (a path or a binary file); ``data_only`` reads formulas' cached values."""
    try:
        return load_workbook(file, data_only=data_only)
    except Exception:  # openpyxl fails in many ways on a damaged or foreign file: all mean the same here
        raise NotAnExcelFile() from None


def cell_text(value) -> str:
    """A cell as stripped text; an empty cell is ""."""
    return "" if value is None else str(value).strip()


def new_sheet(title: str) -> tuple[Workbook, object]:
    """A new workbook and its one sheet, named ``title``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    return workbook, sheet


def write_header(sheet, row: int, names) -> None:
    """``names`` in bold, one a column from A, on ``row``."""
    for column, name in enumerate(names, 1):
        sheet.cell(row, column, name).font = BOLD


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
