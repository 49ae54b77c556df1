"""A plan's tasks in the official layout of seed 003's appendix 1, as PDF (to sign) and Excel (to edit)."""
from dataclasses import dataclass

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from config.excel import new_sheet, workbook_bytes, write_header
from organizations.models import UnitKind
from reports.documents import letterhead
from reports.pdf import render_pdf

from .models import Plan
from .selectors import plan_tasks

COLUMNS = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
           "Tiêu chí liên quan", "Trạng thái", "Tiến độ")
_WIDTHS = (6, 60, 28, 32, 18, 14, 16, 40)
_WRAPPED = Alignment(wrap_text=True, vertical="top")
_OVERDUE = "quá hạn"


@dataclass(frozen=True)
class TaskRow:
    cells: tuple  # in ``COLUMNS`` order
    overdue: bool


def issuer_of(plan: Plan) -> str:
    """Who issues the plan: the People's Committee of a city, district or ward, else the unit itself."""
    unit = plan.unit
    if unit.kind in (UnitKind.CITY, UnitKind.DISTRICT, UnitKind.WARD):
        return f"UBND {unit.name[:1].lower()}{unit.name[1:]}"
    return unit.name


def task_rows(*, plan: Plan) -> list[TaskRow]:
    rows = []
    for line in plan_tasks(plan=plan):
        task = line.task
        deadline = task.deadline_text or task.deadline.strftime("%d/%m/%Y")
        latest = line.notes[0] if line.notes else None
        rows.append(TaskRow((
            task.number, task.title, "\n".join([task.lead_agency, *task.co_lead_agencies]),
            "\n".join(task.cooperating_agencies), deadline + (f" ({_OVERDUE})" if line.overdue else ""),
            ", ".join(task.criteria), task.get_status_display(),
            f"{latest.on.strftime('%d/%m/%Y')}: {latest.text}" if latest else "",
        ), line.overdue))
    return rows


def _title(plan: Plan) -> str:
    return f"DANH MỤC NHIỆM VỤ CẢI THIỆN, NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {plan.year}"


def tasks_pdf(*, plan: Plan) -> bytes:
    return render_pdf(template_name="improvement/pdf/tasks.html", context={
        **letterhead(issuer=issuer_of(plan)), "plan": plan, "title": _title(plan), "columns": COLUMNS,
        "rows": task_rows(plan=plan)})


def tasks_xlsx(*, plan: Plan) -> bytes:
    workbook, sheet = new_sheet("Nhiệm vụ")
    sheet["A1"] = issuer_of(plan).upper()
    sheet["A2"] = _title(plan)
    sheet["A3"] = f"(Kèm theo {plan.document})" if plan.document else ""
    for cell in ("A1", "A2"):
        sheet[cell].font = Font(bold=True, size=13)
    write_header(sheet, 5, COLUMNS)
    for column, width in enumerate(_WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for number, row in enumerate(task_rows(plan=plan), 6):
        for column, value in enumerate(row.cells, 1):
            cell = sheet.cell(number, column, value)
            cell.alignment = _WRAPPED
            cell.data_type = "s"
            if row.overdue:
                cell.font = Font(color="B00020")
    sheet.freeze_panes = "A6"
    return workbook_bytes(workbook)
