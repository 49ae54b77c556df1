"""A version's responsible offices in Excel: the filled template out, and back in all or nothing.

Columns, under a header row naming them: ``Mã`` and ``Đơn vị phụ trách`` (several offices separated by
";"); the template adds ``Nội dung`` to read by, which the import ignores. A row sets its criterion's
offices (an empty cell: none); criteria the file does not list keep theirs.
"""
from config.excel import ExcelRefused, new_sheet, rows_under_header, workbook_bytes, write_header

from . import errors
from .errors import OfficesRejected
from .models import Framework
from .selectors import tree_for
from .services import offices_read, responsible_offices_set

CODE, OFFICES, TITLE = "Mã", "Đơn vị phụ trách", "Nội dung"
HEADER = (CODE, OFFICES)


def offices_template_xlsx(framework: Framework) -> bytes:
    """Every node in document order with its own offices, ready to edit and import."""
    workbook, sheet = new_sheet("Đơn vị phụ trách")
    write_header(sheet, 1, (CODE, OFFICES, TITLE))
    for node in tree_for(framework).nodes:
        sheet.append([node.code, "; ".join(node.responsible_offices), node.title])
    for letter, width in zip("ABC", (10, 45, 90)):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(workbook)


def offices_import_xlsx(*, framework: Framework, file, by, reason: str = "") -> int:
    """Set the offices ``file`` lists, or none (``OfficesRejected``); returns how many criteria changed."""
    offices = offices_read(framework=framework, entries=_rows(file))
    return responsible_offices_set(framework=framework, offices=offices, by=by, reason=reason)


def _rows(file) -> list[tuple[int, str, str]]:
    """``(Excel row, code, offices)`` of every non-empty row under the header."""
    try:
        found = rows_under_header(file, title="Đơn vị phụ trách", header=HEADER)
    except ExcelRefused as error:
        raise OfficesRejected([error]) from None
    if found is None:
        raise OfficesRejected([errors.OFFICES_NO_HEADER % {"columns": ", ".join(HEADER)}])
    if not found:
        raise OfficesRejected([errors.OFFICES_EMPTY])
    return [(row, texts[CODE], texts[OFFICES]) for row, texts in found]
