"""Targets from Excel: a header row with ``Mã tiêu chí`` and ``Chỉ tiêu`` (and, for a plan without a
tree, ``Nội dung`` and ``Điểm tối đa`` of a criterion it does not have yet); all or nothing."""
from config.excel import ExcelRefused, cell_text, header_index, read_sheet

from . import errors
from .errors import ImportRejected
from .services import TargetRow, targets_load

HEADER = CODE, TARGET = ("Mã tiêu chí", "Chỉ tiêu")
OPTIONAL = TITLE, MAX = ("Nội dung", "Điểm tối đa")


def target_rows_from_xlsx(file) -> list[TargetRow]:
    try:
        rows = read_sheet(file, title="")
    except ExcelRefused as error:
        raise ImportRejected([str(error)]) from None
    found = header_index(rows, HEADER)
    if found is None:
        raise ImportRejected([str(errors.NO_HEADER % {"columns": ", ".join(HEADER)})])
    number, names = found
    index = {name: names.index(name) for name in (*HEADER, *OPTIONAL) if name in names}
    read = []
    for line, cells in enumerate(rows[number:], number + 1):
        values = {name: cells[i] for name, i in index.items()}
        code = cell_text(values[CODE])
        if code:
            read.append(TargetRow(line=line, code=code, value=values[TARGET], title=cell_text(values.get(TITLE)),
                                  max_points=values.get(MAX), source_line=line))
    return read


def targets_import_xlsx(*, plan, file, name: str, by) -> int:
    return targets_load(plan=plan, rows=target_rows_from_xlsx(file), by=by, reason=f"nhập từ tệp {name}")
