"""Results as JSON-ready rows and as Excel.

The workbooks are built in memory and returned as bytes; openpyxl's write-only mode keeps that memory low
for large periods (rows are serialised as they are appended, not held as cell objects).
"""
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from frameworks.points import points_to_str

from .index import OFFICE_REVIEW_PART, republication_text

# Excel shows "0.000" with a decimal comma under a Vietnamese locale; the value stays a Decimal.
POINTS_FORMAT = "0.000"
PERCENT_FORMAT = "0.00"

# ``republication``: "Phúc tra lần N, ngày …, lý do: …" when the figures come from a phúc tra, else null / empty.
RESULT_FIELDS = ["unit_code", "unit_name", "self_total", "appraised_total", "survey_total", "max_total",
                 "index_pct", "rank", "rank_change", "provisional", "republication"]
POINT_FIELDS = frozenset({"self_total", "appraised_total", "survey_total", "max_total"})
RESULT_HEADERS = ["Mã đơn vị", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm tối đa",
                  "Chỉ số CCHC (%)", "Xếp hạng", "Thay đổi thứ hạng", "Tạm tính", "Phúc tra"]


def _json_value(name: str, value):
    if value is None:
        return None
    if name == "republication":
        return str(republication_text(value))
    if name in POINT_FIELDS:
        return points_to_str(value)
    if name == "index_pct":
        return str(value)
    return value


def _part_json(part) -> dict:
    return {"part": part.code, "points": None if part.points is None else points_to_str(part.points),
            "max_points": points_to_str(part.max_points)}


def results_as_json(results) -> list[dict]:
    """Numbers as strings of Decimals, never floats; each unit's parts (appraisal, offices' assessment, survey parts) side by side."""
    return [{**{name: _json_value(name, getattr(result, name)) for name in RESULT_FIELDS},
             "survey_missing": result.survey_missing, "parts": [_part_json(part) for part in result.parts]}
            for result in results]


def outcome_as_json(outcome) -> dict:
    """``what_if``'s answer: ``{"unit_code", "total", "max_total", "index_pct", "rank", "unit_count"}``."""
    return {"unit_code": outcome.unit_code, "total": points_to_str(outcome.total),
            "max_total": points_to_str(outcome.max_total), "index_pct": str(outcome.index_pct),
            "rank": outcome.rank, "unit_count": outcome.unit_count}


def path_as_json(path) -> dict:
    """``cheapest_path``'s answer: ``{"criteria", "points_added", "index_pct", "rank", "reachable"}``."""
    return {"criteria": list(path.criteria), "points_added": points_to_str(path.points_added),
            "index_pct": str(path.outcome.index_pct), "rank": path.outcome.rank, "reachable": path.reachable}


def _sheet_with_header(title: str, headers: list[str]):
    """A write-only workbook whose one sheet starts with a bold title and a bold header row."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kết quả")
    heading = WriteOnlyCell(sheet, value=title)
    heading.font = Font(bold=True, size=13)
    sheet.append([heading])
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    return workbook, sheet


def _saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(name: str, result):
    if name == "provisional":
        return "Tạm tính" if result.provisional else ""
    if name == "republication":
        return str(republication_text(result.republication)) or None
    return getattr(result, name)


OFFICE_REVIEW_HEADER = "Điểm đánh giá của các phòng"


def _office_review_points(result):
    return next((part.points for part in result.parts if part.code == OFFICE_REVIEW_PART), None)


def results_xlsx(results, *, title: str) -> bytes:
    """One row per unit; a period holding the offices' assessment gets its points in a last column (the columns
    before it keep their places for whoever reads them)."""
    with_office_review = any(part.code == OFFICE_REVIEW_PART for result in results for part in result.parts)
    workbook, sheet = _sheet_with_header(title, RESULT_HEADERS + [OFFICE_REVIEW_HEADER] * with_office_review)
    for result in results:
        row = []
        for name in RESULT_FIELDS:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(name, result))
            if name in POINT_FIELDS:
                cell.number_format = POINTS_FORMAT
            elif name == "index_pct":
                cell.number_format = PERCENT_FORMAT
            row.append(cell)
        if with_office_review:
            cell = WriteOnlyCell(sheet, value=_office_review_points(result))
            cell.number_format = POINTS_FORMAT
            row.append(cell)
        sheet.append(row)
    return _saved(workbook)


UNIT_HEADERS = ["Mã", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Điểm bị trừ"]


def unit_results_xlsx(report: dict) -> bytes:
    """One unit's scored framework (``unit_result_context``), one row per criterion, areas in bold."""
    workbook, sheet = _sheet_with_header(
        f"Kết quả Chỉ số CCHC {report['period'].identifier} — {report['unit'].name}", UNIT_HEADERS)
    for row in report["rows"]:
        cells = [WriteOnlyCell(sheet, value=value) for value in (
            row.node.code, row.node.title, row.max_points, row.self_points, row.appraised_points, row.lost_points)]
        for cell in cells[2:]:
            cell.number_format = POINTS_FORMAT
        if row.node.parent_id is None:
            for cell in cells:
                cell.font = Font(bold=True)
        sheet.append(cells)
    totals = report["totals"]
    sheet.append(["", "TỔNG ĐIỂM", totals["max_points"], totals["self_points"], totals["appraised_points"],
                  totals["lost_points"]])
    return _saved(workbook)
