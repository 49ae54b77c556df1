"""Importing a survey part's responses (or a contractor's aggregated table): all or nothing, streamed.

One row per respondent: ``unit``, ``group``, then one column per question code (KoboToolbox and LimeSurvey
exports once renamed, or any names through a column map). UTF-8 CSV with or without BOM, comma or
semicolon separated, or the first sheet of an XLSX read in read-only mode. Rows are checked and counted
as they stream and saved in batches inside one transaction: any problem, listed by row, rolls all back.
``progress(rows read, rows in the file)`` is told after every batch (a background job's progress bar).
Importing again replaces the part's responses; the part's history keeps each file's name and SHA-256.
"""
import csv
import hashlib
import io
import os
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from assessments.results import result_changed, results_batch
from config.excel import cell_text, iter_first_sheet
from config.text import echoed
from frameworks.points import PointsParseError, format_points, parse_points, points_to_str, quantize_points
from operations.jobs import no_progress

from .aggregation import DEFAULT_MARGIN, Tally, aggregate
from .models import SamplePlan, SurveyMethod, SurveyPart, SurveyResponse, SurveyResult
from .services import SurveyError, check_office, part_design

BATCH = 5000
# A city's survey: tens of thousands of rows, a few dozen questions. Far above, and still bounded.
MAX_ROWS, MAX_COLUMNS = 500_000, 300
MAX_BYTES, MAX_UNPACKED_BYTES = 100 * 1024 * 1024, 400 * 1024 * 1024
UNIT, GROUP, CRITERION, POINTS = "unit", "group", "criterion", "points"

NO_DESIGN = _("Phần “%(part)s” chưa có thiết kế phiếu: chạy setup_survey trước.")
NOT_UTF8 = _("Tệp CSV không phải UTF-8.")
NOT_CSV_OR_XLSX = _("Tệp “%(name)s” phải là .csv hoặc .xlsx.")
EMPTY_FILE = _("Tệp không có dòng tiêu đề.")
MISSING_COLUMN = _("Thiếu cột “%(column)s”.")
UNKNOWN_COLUMN = _("Cột “%(column)s” không phải câu hỏi nào của thiết kế.")
REPEATED_COLUMN = _("Cột “%(column)s” xuất hiện hai lần.")
UNKNOWN_UNIT = _("Dòng %(row)s: đơn vị “%(value)s” không có trong kỳ.")
UNKNOWN_GROUP = _("Dòng %(row)s: nhóm “%(value)s” không có trong thiết kế.")
NOT_WHOLE = _("Dòng %(row)s, câu %(question)s: “%(value)s” không phải số nguyên.")
OUTSIDE_SCALE = _("Dòng %(row)s, câu %(question)s: %(value)s nằm ngoài thang %(low)s–%(high)s.")
NOT_ASKED = _("Dòng %(row)s, câu %(question)s: câu này không hỏi nhóm %(group)s.")
NO_ANSWER = _("Dòng %(row)s: không có câu trả lời nào.")
UNKNOWN_CRITERION = _("Dòng %(row)s: tiêu chí “%(value)s” không có trong thiết kế.")
BAD_POINTS = _("Dòng %(row)s: điểm “%(value)s” không phải số không âm có tối đa 3 chữ số thập phân.")
ABOVE_MAX = _("Dòng %(row)s: điểm %(value)s của tiêu chí %(criterion)s lớn hơn điểm tối đa %(max)s.")
REPEATED_CRITERION = _("Dòng %(row)s: tiêu chí %(criterion)s của đơn vị %(unit)s đã có ở dòng %(first)s.")
MAP_NOT_AN_OBJECT = _("Bảng tên cột (--columns) phải là đối tượng JSON {\"tên trong ParIndex\": \"tên cột trong tệp\"}.")
IMPORTED = _("Nhập tệp %(name)s (SHA-256 %(sha256)s): %(rows)s dòng.")


class SurveyImportRefused(ValueError):
    """Every problem of a refused file, in row order; ``problems`` lists them."""

    def __init__(self, problems: list):
        super().__init__(" ".join(str(p) for p in problems))
        self.problems = [str(p) for p in problems]


@dataclass(frozen=True)
class SurveyImported:
    rows: int
    units: int
    sha256: str


def sha256_of(file) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _lines(file) -> int:
    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1024 * 1024), b""))
    file.seek(0)
    return lines


def _csv_rows(file):
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        first = text.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        yield from csv.reader(io.StringIO(first), delimiter=delimiter)
        yield from csv.reader(text, delimiter=delimiter)
    except UnicodeDecodeError:
        raise SurveyImportRefused([NOT_UTF8]) from None
    finally:
        text.detach()


def file_rows(file, name: str, counted: Callable[[int], None] | None = None):
    """(row number, cells as text) of a CSV or XLSX file, streamed; the header is row 1. ``counted(rows)``,
    if given, learns about how many rows there are (a CSV's lines) before the first is read."""
    extension = os.path.splitext(name)[1].lower()
    if extension == ".csv":
        if counted is not None:
            counted(_lines(file))
        rows = _csv_rows(file)
    elif extension == ".xlsx":
        rows = iter_first_sheet(file, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS, max_bytes=MAX_BYTES,
                                max_unpacked_bytes=MAX_UNPACKED_BYTES, counted=counted)
    else:
        raise SurveyImportRefused([NOT_CSV_OR_XLSX % {"name": name}])
    for number, row in enumerate(rows, start=1):
        # Numbers are most cells of a response sheet: they need no Unicode normalisation.
        yield number, [str(cell) if isinstance(cell, int) else cell_text(cell) for cell in row]


def _header(rows, *, expected: set, required: tuple, column_map: dict | None) -> dict:
    """Our name -> column index, from the header row; ``column_map``: our name -> the file's header."""
    if column_map is not None and not (isinstance(column_map, dict)
                                       and all(isinstance(v, str) for v in column_map.values())):
        raise SurveyImportRefused([MAP_NOT_AN_OBJECT])
    renamed = {their: ours for ours, their in (column_map or {}).items()}
    try:
        _number, header = next(rows)
    except StopIteration:
        raise SurveyImportRefused([EMPTY_FILE]) from None
    columns, problems = {}, []
    for index, title in enumerate(header):
        if not title:
            continue
        name = renamed.get(title, title)
        if name not in expected:
            problems.append(UNKNOWN_COLUMN % {"column": echoed(title)})
        elif name in columns:
            problems.append(REPEATED_COLUMN % {"column": echoed(title)})
        else:
            columns[name] = index
    problems += [MISSING_COLUMN % {"column": (column_map or {}).get(name, name)} for name in required if name not in columns]
    if problems:
        raise SurveyImportRefused(problems)
    return columns


def _cell(row: list, index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _whole(text: str) -> int | None:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return int(value) if value.is_finite() and value == value.to_integral_value() else None


def _import_target(period, method: str, by) -> tuple:
    """(part, its design, the period's assessments by unit code) an import of the office writes to."""
    check_office(by, period)
    part = SurveyPart.objects.select_for_update().filter(period=period, method=method).first()
    if part is None or part.design is None:
        raise SurveyError(NO_DESIGN % {"part": SurveyMethod(method).label})
    assessments = {a.unit.code: a for a in period.assessments.filter(excluded=False).select_related("unit", "period")}
    return part, part_design(part), assessments


def _replace_results(part, assessments: dict, figures: dict, by) -> None:
    """The part's results are exactly ``figures`` (assessment id -> (points, criteria, respondents))."""
    SurveyResult.objects.filter(part=part).delete()
    SurveyResult.objects.bulk_create(
        SurveyResult(assessment_id=pk, part=part, points=points, criteria=criteria, respondents=respondents,
                     entered_by=by)
        for pk, (points, criteria, respondents) in figures.items())
    with results_batch():
        for assessment in assessments.values():
            result_changed(assessment)


def _record_file(part, *, name: str, sha256: str, rows: int, by) -> None:
    part.responses_file, part.responses_sha256, part.responses_count = name[:255], sha256, rows
    part._history_user = by
    part._change_reason = str(IMPORTED % {"name": name, "sha256": sha256, "rows": rows})
    part.save()


class _RowsRead:
    """``progress(rows read, rows in the file)`` of an import, the file's size learnt from ``file_rows``."""

    def __init__(self, progress: Callable[[int, int], None]):
        self.progress, self.rows = progress, 0

    def counted(self, rows: int) -> None:
        self.rows = rows

    def __call__(self, read: int) -> None:
        self.progress(read, max(self.rows, read))


def _responses_save(part, design, rows, assessments: dict, column_map, read: _RowsRead) -> tuple[dict, int]:
    """Check every row, save the valid ones in batches and count their answers: (tallies by assessment id, rows).

    Raises ``SurveyImportRefused`` with every problem once the whole file is read.
    """
    questions = {q.code: q for q in design.questions}
    groups = {g.code for g in design.groups}
    columns = _header(rows, expected={UNIT, GROUP, *questions}, required=(UNIT, GROUP), column_map=column_map)
    asked = [(code, index, questions[code]) for code, index in columns.items() if code in questions]
    SurveyResponse.objects.filter(part=part).delete()
    problems, batch, tallies, count = [], [], {}, 0
    for number, row in rows:
        if number % BATCH == 0:
            read(number)
        unit, group = _cell(row, columns[UNIT]), _cell(row, columns[GROUP])
        answers, row_problems = {}, []
        for code, index, question in asked:
            text = _cell(row, index)
            if not text:
                continue
            value = _whole(text)
            if value is None:
                row_problems.append(NOT_WHOLE % {"row": number, "question": code, "value": echoed(text)})
            elif not question.scale[0] <= value <= question.scale[1]:
                row_problems.append(OUTSIDE_SCALE % {"row": number, "question": code, "value": value,
                                                     "low": question.scale[0], "high": question.scale[1]})
            elif group in groups and group not in question.groups:
                row_problems.append(NOT_ASKED % {"row": number, "question": code, "group": group})
            else:
                answers[code] = value
        if not unit and not group and not answers and not row_problems:
            continue  # a blank line
        if unit not in assessments:
            row_problems.insert(0, UNKNOWN_UNIT % {"row": number, "value": echoed(unit)})
        if group not in groups:
            row_problems.insert(0 if unit in assessments else 1, UNKNOWN_GROUP % {"row": number, "value": echoed(group)})
        if not answers and not row_problems:
            row_problems.append(NO_ANSWER % {"row": number})
        if row_problems:
            problems += row_problems
            continue
        if problems:
            continue  # the file is refused anyway: only keep checking
        count += 1
        assessment = assessments[unit]
        tallies.setdefault(assessment.pk, Tally(design)).add(group, answers)
        batch.append(SurveyResponse(part=part, assessment_id=assessment.pk, group=group, answers=answers, row=number))
        if len(batch) >= BATCH:
            SurveyResponse.objects.bulk_create(batch)
            batch = []
    if problems:
        raise SurveyImportRefused(problems)
    SurveyResponse.objects.bulk_create(batch)
    return tallies, count


@transaction.atomic
def survey_responses_import(*, period, file, name: str, by, method: str = SurveyMethod.SOCIOLOGICAL,
                            column_map: dict | None = None, progress=no_progress) -> SurveyImported:
    """Replace the part's responses with the file's, one row per respondent; all or nothing."""
    part, design, assessments = _import_target(period, method, by)
    sha256 = sha256_of(file)
    read = _RowsRead(progress)
    with closing(file_rows(file, name, counted=read.counted)) as rows:
        tallies, count = _responses_save(part, design, rows, assessments, column_map, read)
    figures = {}
    for pk, tally in tallies.items():
        computed = aggregate(design, tally.counts)
        criteria = {c.code: points_to_str(c.points) for c in (*computed.criteria, *computed.leaves)}
        figures[pk] = (computed.total, criteria, sum(tally.respondents.values()))
    _replace_results(part, {a.pk: a for a in assessments.values()}, figures, by)
    _record_file(part, name=name, sha256=sha256, rows=count, by=by)
    return SurveyImported(rows=count, units=len(figures), sha256=sha256)


@transaction.atomic
def survey_aggregated_import(*, period, file, name: str, by, method: str = SurveyMethod.SOCIOLOGICAL,
                             column_map: dict | None = None, progress=no_progress) -> SurveyImported:
    """A contractor's table instead of responses: ``unit``, ``criterion``, ``points`` (≤ the criterion's max)."""
    part, design, assessments = _import_target(period, method, by)
    sha256 = sha256_of(file)
    maxima = {c.code: c.max_points for c in (*design.criteria, *design.leaves)}
    own = {c.code for c in design.criteria}
    read = _RowsRead(progress)
    with closing(file_rows(file, name, counted=read.counted)) as rows:
        given, count = _aggregated_read(rows, assessments, maxima, column_map, read)
    SurveyResponse.objects.filter(part=part).delete()
    figures = {pk: (sum((p for c, p in points.items() if c in own), quantize_points(0)),
                    {c: points_to_str(p) for c, p in points.items()}, None)
               for pk, points in given.items()}
    _replace_results(part, {a.pk: a for a in assessments.values()}, figures, by)
    _record_file(part, name=name, sha256=sha256, rows=count, by=by)
    return SurveyImported(rows=count, units=len(figures), sha256=sha256)


def _aggregated_read(rows, assessments: dict, maxima: dict, column_map, read: _RowsRead) -> tuple[dict, int]:
    """(points by assessment id and criterion, rows) of a checked aggregated table, or every problem."""
    columns = _header(rows, expected={UNIT, CRITERION, POINTS}, required=(UNIT, CRITERION, POINTS),
                      column_map=column_map)
    problems, given, first_row, count = [], {}, {}, 0
    for number, row in rows:
        if number % BATCH == 0:
            read(number)
        unit, code, text = (_cell(row, columns[key]) for key in (UNIT, CRITERION, POINTS))
        if not (unit or code or text):
            continue
        row_problems = []
        if unit not in assessments:
            row_problems.append(UNKNOWN_UNIT % {"row": number, "value": echoed(unit)})
        if code not in maxima:
            row_problems.append(UNKNOWN_CRITERION % {"row": number, "value": echoed(code)})
        try:
            points = parse_points(text)
        except PointsParseError:
            points = None
        if points is None or points < 0 or quantize_points(points) != points:
            row_problems.append(BAD_POINTS % {"row": number, "value": echoed(text)})
        elif code in maxima and points > maxima[code]:
            row_problems.append(ABOVE_MAX % {"row": number, "value": format_points(points), "criterion": code,
                                             "max": format_points(maxima[code])})
        if not row_problems and (unit, code) in first_row:
            row_problems.append(REPEATED_CRITERION % {"row": number, "criterion": code, "unit": unit,
                                                      "first": first_row[(unit, code)]})
        if row_problems:
            problems += row_problems
            continue
        first_row[(unit, code)] = number
        given.setdefault(assessments[unit].pk, {})[code] = quantize_points(points)
        count += 1
    if problems:
        raise SurveyImportRefused(problems)
    return given, count


# -- sample plans ------------------------------------------------------------------------------

POPULATION, MARGIN = "population", "margin"
BAD_POPULATION = _("Dòng %(row)s: số người “%(value)s” phải là số nguyên không âm.")
BAD_MARGIN = _("Dòng %(row)s: sai số “%(value)s” phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,05).")
REPEATED_PLAN = _("Dòng %(row)s: nhóm %(group)s của đơn vị %(unit)s đã có ở dòng %(first)s.")


def _plan_row(number, row, columns, assessments, groups, first_row) -> tuple[tuple | None, list]:
    unit, group, population_text = (_cell(row, columns[key]) for key in (UNIT, GROUP, POPULATION))
    margin_text = _cell(row, columns.get(MARGIN)) or str(DEFAULT_MARGIN)
    problems = []
    if unit not in assessments:
        problems.append(UNKNOWN_UNIT % {"row": number, "value": echoed(unit)})
    if group not in groups:
        problems.append(UNKNOWN_GROUP % {"row": number, "value": echoed(group)})
    population = _whole(population_text)
    if population is None or population < 0:
        problems.append(BAD_POPULATION % {"row": number, "value": echoed(population_text)})
    try:
        margin = parse_points(margin_text)
    except PointsParseError:
        margin = None
    if margin is None or not 0 < margin < 1 or quantize_points(margin) != margin:
        problems.append(BAD_MARGIN % {"row": number, "value": echoed(margin_text)})
    if not problems and (unit, group) in first_row:
        problems.append(REPEATED_PLAN % {"row": number, "group": group, "unit": unit, "first": first_row[(unit, group)]})
    if problems:
        return None, problems
    first_row[(unit, group)] = number
    return (assessments[unit].pk, group, population, margin), []


@transaction.atomic
def sample_plans_import(*, period, file, name: str, by, method: str = SurveyMethod.SOCIOLOGICAL) -> int:
    """Replace the part's sample plan: ``unit``, ``group``, ``population`` and optionally ``margin`` (5 %)."""
    part, design, assessments = _import_target(period, method, by)
    groups = {g.code for g in design.groups}
    plans, problems, first_row = [], [], {}
    with closing(file_rows(file, name)) as rows:
        columns = _header(rows, expected={UNIT, GROUP, POPULATION, MARGIN}, required=(UNIT, GROUP, POPULATION),
                          column_map=None)
        for number, row in rows:
            if not any(row):
                continue
            plan, row_problems = _plan_row(number, row, columns, assessments, groups, first_row)
            problems += row_problems
            if plan:
                plans.append(plan)
    if problems:
        raise SurveyImportRefused(problems)
    SamplePlan.objects.filter(part=part).delete()
    SamplePlan.objects.bulk_create(SamplePlan(part=part, assessment_id=pk, group=group, population=population,
                                              margin=margin) for pk, group, population, margin in plans)
    return len(plans)
