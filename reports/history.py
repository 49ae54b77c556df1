"""Results of years ParIndex did not run, imported from Excel or from the seeds: all or nothing, every
problem named by its row.

A row names its year as ``KEY/YEAR`` (a framework key: its criterion scores are checked against that
tree) or ``FAMILY/YEAR`` (a framework family, or the family a unit follows without a tree in ParIndex,
such as Phú La's ``hadong-phuong``). Any figure may be empty, as long as the row states an index or a
rank: the sources print some years only by rank ("giảm 9 bậc"). An imported year is replaced as a
whole by a later import of the same family, year and unit.
"""
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.access import Actor, is_office
from assessments.errors import EXCEL_NO_HEADER as NO_HEADER
from assessments.errors import EXCEL_ROW as ROW
from config.excel import BadCell, ExcelRefused, cell_points, cell_text, header_index, read_sheet
from config.text import echoed
from frameworks.models import Framework
from frameworks.points import format_points, quantize_points
from frameworks.selectors import tree_for
from operations.jobs import no_progress
from organizations.hierarchy import home_affairs_office
from organizations.models import Unit

from .index import index_pct
from .models import ImportedResult, ImportedScore

HEADER = PERIOD, UNIT, TOTAL, MAX, INDEX, RANK, COUNT = (
    "Kỳ", "Mã đơn vị", "Tổng điểm", "Điểm tối đa", "Chỉ số (%)", "Xếp hạng", "Số đơn vị")
# A column per criterion of the largest tree (Hải Phòng: 107 nodes) beside the seven fixed ones.
MAX_COLUMNS = 200
CRITERION_CODE = re.compile(r"^\d+(\.\d+)*$")
# Two printed indexes of the same points may differ by a rounding step of the source.
INDEX_TOLERANCE = Decimal("0.01")
PROGRESS_EVERY = 100  # rows: a city's years are thousands

NO_PERMISSION = _("Chỉ %(office)s nhập kết quả các năm trước.")  # the refused user's own office
UNKNOWN_COLUMN = _("Cột “%(column)s” không phải cột của mẫu nhập, cũng không phải mã tiêu chí.")
REJECTED = _("Tệp có %(count)s lỗi, chưa nhập kết quả nào")
IMPORTED = _("Đã nhập %(count)s kết quả năm trước.")
NO_ROWS = _("Tệp không có dòng kết quả nào dưới dòng tiêu đề.")
BAD_PERIOD = _("“%(name)s” phải có dạng MÃ/NĂM (mã bộ chỉ số hoặc họ bộ chỉ số và năm, "
               "ví dụ hanoi-province-2020/2019), không phải “%(value)s”.")
UNKNOWN_FAMILY = _("“%(value)s” không phải mã bộ chỉ số hay họ bộ chỉ số nào.")
UNKNOWN_UNIT = _("không có đơn vị “%(code)s”.")
WRONG_FAMILY = _("đơn vị “%(code)s” không áp dụng họ bộ chỉ số “%(family)s”.")
NOT_WHOLE = _("“%(name)s” phải là số nguyên dương.")
PAIR = _("“%(first)s” và “%(second)s” phải cùng có hoặc cùng để trống.")
ABOVE = _("“%(first)s” (%(value)s) lớn hơn “%(second)s” (%(limit)s).")
NOT_A_PERCENT = _("“%(name)s” phải từ 0 đến 100.")
INDEX_MISMATCH = _("“%(name)s” ghi %(value)s nhưng %(total)s ÷ %(max)s là %(computed)s %%.")
NOTHING_STATED = _("cần ít nhất “%(index)s” hoặc “%(rank)s”.")
DUPLICATE = _("đơn vị “%(code)s” năm %(year)s đã có ở dòng %(first)s.")
UNKNOWN_CRITERION = _("mã tiêu chí “%(code)s” không có trong bộ chỉ số %(key)s.")
CRITERION_ABOVE_MAX = _("điểm tiêu chí “%(code)s” (%(value)s) lớn hơn điểm tối đa %(max)s.")


class HistoryImportRejected(ValueError):
    """The import was refused as a whole; ``problems`` lists every one, each naming its row."""

    def __init__(self, problems: list[str]):
        super().__init__(str(REJECTED % {"count": len(problems)}))
        self.problems = problems


@dataclass(frozen=True)
class HistoryRow:
    """One row as read, values still raw; ``scores`` maps a criterion code to (value, line)."""

    line: int
    values: dict  # column name -> raw value
    scores: dict = field(default_factory=dict)
    notes: str = ""
    figure_lines: dict = field(default_factory=dict)  # {"total": 274}: a figure printed on another line


@dataclass(frozen=True)
class _Checked:
    row: HistoryRow
    family: str
    year: int
    unit: Unit
    framework: Framework | None
    figures: dict
    scores: list  # (code, points, line)


def history_rows_from_xlsx(file) -> list[HistoryRow]:
    """The rows under the header of ``file``: the seven columns by name, any other column a criterion code."""
    try:
        rows = read_sheet(file, title="", max_columns=MAX_COLUMNS)
    except ExcelRefused as error:
        raise HistoryImportRejected([str(error)]) from None
    found = header_index(rows, HEADER)
    if found is None:
        raise HistoryImportRejected([str(NO_HEADER % {"columns": ", ".join(HEADER)})])
    number, names = found
    extra = {i: name for i, name in enumerate(names) if name and name not in HEADER}
    unknown = [name for name in extra.values() if not CRITERION_CODE.match(name)]
    if unknown:
        raise HistoryImportRejected([str(UNKNOWN_COLUMN % {"column": echoed(name)}) for name in unknown])
    index = {name: names.index(name) for name in HEADER}
    read = []
    for line, cells in enumerate(rows[number:], number + 1):
        if not any(cell_text(value) for value in cells):
            continue
        values = {name: cells[i] for name, i in index.items()}
        scores = {code: (cells[i], line) for i, code in extra.items() if cell_text(cells[i])}
        read.append(HistoryRow(line=line, values=values, scores=scores))
    return read


def history_import(*, rows: list[HistoryRow], source: str, by, progress=no_progress) -> int:
    """Store every row, or none; returns how many. ``by`` is the office (or None: the operator at the shell);
    ``progress(rows stored, rows)`` every ``PROGRESS_EVERY`` rows."""
    if by is not None and not is_office(Actor.of(by)):
        raise HistoryImportRejected([NO_PERMISSION % {"office": home_affairs_office(by.unit)}])
    if not rows:
        raise HistoryImportRejected([str(NO_ROWS)])
    checked = _check(rows)
    with transaction.atomic():
        for stored, item in enumerate(checked):
            if stored % PROGRESS_EVERY == 0:
                progress(stored, len(checked))
            result, _created = ImportedResult.objects.update_or_create(
                family=item.family, year=item.year, unit=item.unit,
                defaults={**item.figures, "framework": item.framework, "source": source[:200],
                          "source_line": item.row.line, "figure_lines": item.row.figure_lines,
                          "notes": item.row.notes, "imported_by": by},
            )
            result.scores.all().delete()
            ImportedScore.objects.bulk_create(
                ImportedScore(result=result, code=code, points=points, source_line=line)
                for code, points, line in item.scores)
    return len(checked)


def _check(rows: list[HistoryRow]) -> list[_Checked]:
    units = Unit.objects.in_bulk([cell_text(row.values[UNIT]) for row in rows], field_name="code")
    frameworks = Framework.objects.in_bulk(field_name="key")
    families = ({f.family for f in frameworks.values()}
                | set(Unit.objects.exclude(framework_family="").values_list("framework_family", flat=True)))
    problems, checked, first = [], [], {}
    for row in rows:
        row_problems = []
        try:
            family, year, framework = _period(row.values[PERIOD], frameworks, families)
        except _Bad as bad:
            row_problems.append(str(bad))
            family = year = framework = None
        code = cell_text(row.values[UNIT])
        unit = units.get(code)
        if unit is None:
            row_problems.append(str(UNKNOWN_UNIT % {"code": echoed(code)}))
        elif family and framework is None and unit.framework_family and unit.framework_family != family:
            row_problems.append(str(WRONG_FAMILY % {"code": code, "family": family}))
        try:
            figures = _figures(row.values)
        except _Bad as bad:
            row_problems.append(str(bad))
            figures = None
        scores = _scores(row, framework, row_problems)
        key = (family, year, code)
        if family and unit and key in first:
            row_problems.append(str(DUPLICATE % {"code": code, "year": year, "first": first[key]}))
        first.setdefault(key, row.line)
        problems += [str(ROW % {"row": row.line, "problem": problem}) for problem in row_problems]
        if not row_problems:
            checked.append(_Checked(row, family, year, unit, framework, figures, scores))
    if problems:
        raise HistoryImportRejected(problems)
    return checked


class _Bad(ValueError):
    pass


def _period(value, frameworks: dict, families: set) -> tuple[str, int, Framework | None]:
    text = cell_text(value)
    name, _slash, year = text.partition("/")
    if not name or not year.isdigit() or not 1990 <= int(year) <= 2100:
        raise _Bad(BAD_PERIOD % {"name": PERIOD, "value": echoed(text)})
    framework = frameworks.get(name)
    if framework is not None:
        return framework.family, int(year), framework
    if name in families:
        return name, int(year), None
    raise _Bad(UNKNOWN_FAMILY % {"value": echoed(name)})


def _number(value, name: str) -> Decimal | None:
    if not cell_text(value):
        return None
    try:
        return cell_points(value, name=name)
    except BadCell as bad:
        raise _Bad(bad) from None


def _whole(value, name: str) -> int | None:
    number = _number(value, name)
    if number is None:
        return None
    if number != number.to_integral_value() or number < 1:
        raise _Bad(NOT_WHOLE % {"name": name})
    return int(number)


def _pair(first, second, first_name: str, second_name: str) -> None:
    if (first is None) != (second is None):
        raise _Bad(PAIR % {"first": first_name, "second": second_name})
    if first is not None and first > second:
        raise _Bad(ABOVE % {"first": first_name, "value": format_points(first), "second": second_name,
                            "limit": format_points(second)})


def _figures(values: dict) -> dict:
    total, maximum = _number(values[TOTAL], TOTAL), _number(values[MAX], MAX)
    _pair(total, maximum, TOTAL, MAX)
    pct = _number(values[INDEX], INDEX)
    if pct is not None and pct > 100:
        raise _Bad(NOT_A_PERCENT % {"name": INDEX})
    rank, count = _whole(values[RANK], RANK), _whole(values[COUNT], COUNT)
    _pair(rank, count, RANK, COUNT)
    if total is not None and maximum:
        computed = index_pct(achieved=total, maximum=maximum)
        if pct is None:
            pct = computed
        elif abs(pct - computed) > INDEX_TOLERANCE:
            raise _Bad(INDEX_MISMATCH % {"name": INDEX, "value": format_points(pct), "total": format_points(total),
                                         "max": format_points(maximum), "computed": format_points(computed)})
    if pct is None and rank is None:
        raise _Bad(NOTHING_STATED % {"index": INDEX, "rank": RANK})
    return {"total": None if total is None else quantize_points(total),
            "max_total": None if maximum is None else quantize_points(maximum),
            "index_pct": pct, "rank": rank, "unit_count": count}


def _scores(row: HistoryRow, framework: Framework | None, problems: list) -> list:
    """The row's criterion scores; checked against the tree when the row named a framework key."""
    nodes = tree_for(framework).by_code if framework is not None else None
    scores = []
    for code, (value, line) in row.scores.items():
        try:
            points = _number(value, code)
        except _Bad as bad:
            problems.append(str(bad))
            continue
        if points is None:
            continue
        if nodes is not None and code not in nodes:
            problems.append(str(UNKNOWN_CRITERION % {"code": code, "key": framework.key}))
        elif nodes is not None and points > nodes[code].max_points:
            problems.append(str(CRITERION_ABOVE_MAX % {"code": code, "value": format_points(points),
                                                       "max": format_points(nodes[code].max_points)}))
        else:
            scores.append((code, quantize_points(points), line))
    return scores


# -- the seeds' results, imported the same way (demo data) --------------------------------------

def seed_history_rows(data: dict, *, period: str, unit_code: str) -> list[HistoryRow]:
    """A ``fixtures/targets/*.json`` file's results as import rows, each figure on its seed line.

    The per-criterion scores of the year before the target year go with that year's row; a year the
    seed states only through a rank change ("giảm 9 bậc") becomes a row with that rank alone.
    """
    score_year = data["target_year"] - 1
    rows = []
    for result in data["results"]:
        values = {PERIOD: f"{period}/{result['year']}", UNIT: unit_code, TOTAL: None, MAX: None,
                  INDEX: result["index_pct"], RANK: result["rank"], COUNT: result["rank_of"]}
        scores, figure_lines = {}, {}
        if result["year"] == score_year:
            scores = {row["code"]: (row[f"score_{score_year}"], row["source_line"]) for row in data["rows"]}
            total = data.get("total")
            if total:
                values.update({TOTAL: total[f"score_{score_year}"], MAX: total["max_points"]})
                figure_lines = {"total": total["source_line"], "max_total": total["source_line"]}
        rows.append(HistoryRow(line=result["source_line"], values=values, scores=scores,
                               notes=result.get("notes", ""), figure_lines=figure_lines))
        if result.get("previous_rank_derived"):
            rows.append(HistoryRow(
                line=result["source_line"], notes=result.get("notes", ""),
                values={**dict.fromkeys(HEADER), PERIOD: f"{period}/{result['year'] - 1}", UNIT: unit_code,
                        RANK: result["previous_rank_derived"], COUNT: result["rank_of"]}))
    return rows
