"""Excel workbooks in and out, shared by the self-score import (``assessments/excel.py``) and the
appraisal import (``appraisal/excel.py``): reading an upload's rows, reading a cell, writing a header
and saving a workbook to bytes. What a sheet holds and how its rows are checked stays with each import.

An upload is untrusted: a 10 KB file can declare a cell at XFD1048576 or unpack to millions of
characters. The reader therefore checks the file's size, its unpacked size and the sheet's extent
before reading any cell, and then reads it in read-only (streaming) mode.
"""
import math
import os
import unicodedata
import zipfile
from decimal import Decimal, InvalidOperation
from io import BytesIO
from xml.etree import ElementTree

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import coordinate_to_tuple, get_column_letter
from openpyxl.worksheet import _reader

from frameworks.points import PointsParseError, parse_points
from frameworks.rules.messages import NEGATIVE, NOT_A_NUMBER

# Far above any real file (the largest appraisal export, about 30 units × 130 criteria, has under 4,000
# rows; both layouts have eight columns), and low enough that a full sheet reads in a few seconds.
MAX_ROWS = 10_000
MAX_COLUMNS = 20
_ROW, _CELL = (f"{{http://schemas.openxmlformats.org/spreadsheetml/2006/main}}{tag}" for tag in ("row", "c"))

# The one message for an upload openpyxl cannot read, whichever import it was meant for.
NOT_AN_EXCEL_FILE = _("Tệp không phải Excel (.xlsx) hợp lệ.")
TOO_LARGE = _("Tệp Excel “%(name)s” lớn hơn %(limit)s MB.")
UNPACKS_TOO_LARGE = _("Tệp Excel “%(name)s” khi giải nén lớn hơn %(limit)s MB.")
SHEET_TOO_LARGE = _(
    "Bảng tính dùng đến dòng %(rows)s, cột %(column)s; tệp nhập được tối đa %(max_rows)s dòng và "
    "%(max_columns)s cột. Xoá các dòng, cột thừa rồi nhập lại."
)
MORE_PROBLEMS = _("và %(count)s lỗi khác.")
SHOWN_PROBLEMS = 20

BOLD = Font(bold=True)

# A numeric cell whose text is no number Excel can hold reads as Excel's own error value, which every
# import refuses with its field's number message: openpyxl fails the whole file on "NaN" and takes
# "1e-400" as 0.
NUMBER_ERROR = "#NUM!"
_openpyxl_cast_number = _reader._cast_number


def _cast_number(text: str):
    try:
        value = _openpyxl_cast_number(text)
        if isinstance(value, float) and (not math.isfinite(value) or (value == 0 and Decimal(text) != 0)):
            return NUMBER_ERROR
    except (ValueError, InvalidOperation):
        return NUMBER_ERROR
    return value


_reader._cast_number = _cast_number


class ExcelRefused(ValueError):
    """The upload was refused before its rows were checked; the message says why."""


class NotAnExcelFile(ExcelRefused):
    """The upload is not a workbook openpyxl can read; the message is ``NOT_AN_EXCEL_FILE``."""

    def __init__(self):
        super().__init__(str(NOT_AN_EXCEL_FILE))


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


def _check_size(file, *, max_bytes: int | None = None, max_unpacked_bytes: int | None = None) -> None:
    """Refuse a file larger than ``max_bytes`` (``EXCEL_MAX_BYTES``), or unpacking to more than
    ``max_unpacked_bytes`` (``EXCEL_MAX_UNPACKED_BYTES``)."""
    max_bytes = max_bytes or settings.EXCEL_MAX_BYTES
    max_unpacked_bytes = max_unpacked_bytes or settings.EXCEL_MAX_UNPACKED_BYTES
    if isinstance(file, (str, os.PathLike)):
        name, size = os.path.basename(file), os.path.getsize(file)
    else:
        file.seek(0, os.SEEK_END)
        name, size = os.path.basename(getattr(file, "name", "") or ""), file.tell()
        file.seek(0)
    if size > max_bytes:
        raise ExcelRefused(str(TOO_LARGE % {"name": name, "limit": _megabytes(max_bytes)}))
    try:
        with zipfile.ZipFile(file) as archive:
            # Reading a member never yields more than its declared size, so the declared sizes bound the work.
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise NotAnExcelFile() from None
    finally:
        if not isinstance(file, (str, os.PathLike)):
            file.seek(0)
    if unpacked > max_unpacked_bytes:
        raise ExcelRefused(str(UNPACKS_TOO_LARGE % {"name": name, "limit": _megabytes(max_unpacked_bytes)}))


def _check_cells(source, *, max_rows: int | None = None, max_columns: int | None = None) -> int:
    """Refuse a sheet with a row or a cell past the caps, whatever size it declares (the declaration
    may be missing or lie): its XML is streamed once, each element dropped when read, up to the first
    row or cell too far, so a wide row or a far corner costs no more than the caps allow. Returns the
    number of the sheet's last row."""
    max_rows, max_columns = max_rows or MAX_ROWS, max_columns or MAX_COLUMNS  # read now: tests lower the caps
    row = column = cells = 0  # cells: in this row, counted as well, since addresses may repeat
    for event, element in ElementTree.iterparse(source, events=("start", "end")):
        if event == "end":
            if element.tag in (_CELL, _ROW):
                element.clear()
            continue
        if element.tag == _ROW:
            row, column, cells = int(element.get("r") or row + 1), 0, 0
        elif element.tag == _CELL:  # an empty row is never read: only a cell counts
            reference, cells = element.get("r"), cells + 1
            row, column = coordinate_to_tuple(reference) if reference else (row, column + 1)
            column = max(column, cells)
            if row > max_rows or column > max_columns:
                raise ExcelRefused(str(SHEET_TOO_LARGE % {
                    "rows": row, "column": get_column_letter(column), "max_rows": max_rows, "max_columns": max_columns,
                }))
    return row


def read_sheet(file, *, title: str, data_only: bool = False, max_columns: int = MAX_COLUMNS) -> list[tuple]:
    """The values of every row of the sheet named ``title`` (else the active one) in ``file`` (a path or
    a binary file), as wide as the sheet says it is; ``data_only`` reads formulas' cached values.
    ``max_columns`` widens the cap for a layout with a column per criterion (the history import).

    Raises ``ExcelRefused`` for a file too large or a sheet past the caps, ``NotAnExcelFile`` for a
    file openpyxl cannot read.
    """
    _check_size(file)
    try:
        workbook = load_workbook(file, read_only=True, data_only=data_only)
    except Exception:  # openpyxl fails in many ways on a damaged or foreign file: all mean the same here
        raise NotAnExcelFile() from None
    try:
        sheet = workbook[title] if title in workbook.sheetnames else workbook.active
        if sheet is None:  # a workbook without a worksheet
            raise NotAnExcelFile()
        with sheet._get_source() as source:  # openpyxl's own opener of the sheet's part of the zip
            _check_cells(source, max_columns=max_columns)
        columns = min(sheet.max_column or max_columns, max_columns)
        return list(sheet.iter_rows(max_row=MAX_ROWS, max_col=columns, values_only=True))
    except ExcelRefused:
        raise
    except Exception:  # cells are parsed only now, in read-only mode: a damaged sheet fails here
        raise NotAnExcelFile() from None
    finally:
        workbook.close()


def rows_under_header(file, *, title: str, header) -> list[tuple[int, dict]] | None:
    """``(Excel row number, {column: text})`` of every non-empty row under the first row that names every
    column of ``header`` (other columns are ignored); None when no row names them all. Raises what
    ``read_sheet`` raises."""
    rows = iter(read_sheet(file, title=title, data_only=True))
    for number, values in enumerate(rows, 1):
        names = [cell_text(value) for value in values]
        if set(header) <= set(names):
            index = {name: names.index(name) for name in header}
            found = []
            for below, cells in enumerate(rows, number + 1):
                texts = {name: cell_text(cells[i]) if i < len(cells) else "" for name, i in index.items()}
                if any(texts.values()):
                    found.append((below, texts))
            return found
    return None
def iter_first_sheet(file, *, max_rows: int, max_columns: int, max_bytes: int, max_unpacked_bytes: int,
                     counted=None):
    """The rows of the first sheet of ``file``, streamed (read-only openpyxl): for imports of many rows.

    The same checks as ``read_sheet``, with the caller's caps; the workbook is closed when the rows are.
    ``counted(rows)``, if given, learns how many rows there are before the first is read.
    """
    _check_size(file, max_bytes=max_bytes, max_unpacked_bytes=max_unpacked_bytes)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # as in read_sheet: every failure of a foreign file means the same
        raise NotAnExcelFile() from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise NotAnExcelFile()
        with sheet._get_source() as source:
            rows = _check_cells(source, max_rows=max_rows, max_columns=max_columns)
        if counted is not None:
            counted(rows)
        try:
            yield from sheet.iter_rows(max_row=max_rows, max_col=max_columns, values_only=True)
        except Exception:  # cells are parsed only now
            raise NotAnExcelFile() from None
    finally:
        workbook.close()


def problems_shown(problems: list) -> list[str]:
    """A rejected file's problems as shown: the first ``SHOWN_PROBLEMS``, then how many more there are."""
    shown = [str(problem) for problem in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        shown.append(str(MORE_PROBLEMS % {"count": len(problems) - SHOWN_PROBLEMS}))
    return shown


def cell_text(value) -> str:
    """A cell as stripped text in NFC (as typed on a Mac or pasted from a PDF, it may come decomposed);
    an empty cell is ""."""
    return "" if value is None else unicodedata.normalize("NFC", str(value)).strip()


class BadCell(ValueError):
    """A cell's value refused; the message names its column."""


def cell_points(value, *, name) -> Decimal:
    """A cell's non-negative number as typed, ``1,5``, ``1.5`` or a number cell (openpyxl reads those as
    floats, whose shortest text is what was typed); ``BadCell`` naming the column ``name`` otherwise."""
    try:
        number = parse_points(Decimal(str(value)) if isinstance(value, float) else value)
    except PointsParseError:
        raise BadCell(str(NOT_A_NUMBER % {"name": name})) from None
    if number < 0:
        raise BadCell(str(NEGATIVE % {"name": name}))
    return number


def header_index(rows: list[tuple], header) -> tuple[int, list[str]] | None:
    """(row number, cell texts) of the first row holding every name of ``header``; None if there is none."""
    for number, cells in enumerate(rows, 1):
        names = [cell_text(value) for value in cells]
        if set(header) <= set(names):
            return number, names
    return None


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
