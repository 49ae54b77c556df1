"""The whole period's self and appraised scores in one workbook, and appraised scores back in.

For councils that work on paper first: the secretariat exports, the council fills in the
“Điểm thẩm định” and “Lý do điều chỉnh” columns, the secretariat imports. The import is all or
nothing: every row is checked first; one bad row rejects the file, naming each bad row. Rows that
would change nothing are skipped, so a re-imported export leaves untouched units alone.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from assessments.models import SelfScore
from assessments.results import results_batch
from config.excel import (
    ExcelRefused, cell_text, new_sheet, read_sheet, workbook_bytes, write_header,
)
from config.text import REASON_MAX, TextTooLong, bounded, echoed
from frameworks import rules
from frameworks.points import PointsParseError, parse_points

from . import services
from .errors import AppraisalError
from .models import AppraisedScore

SHEET_TITLE = "Thẩm định"
HEADERS = ["Mã đơn vị", "Đơn vị", "Mã tiêu chí", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm",
           "Điểm thẩm định", "Lý do điều chỉnh"]
WRONG_HEADER = "Dòng tiêu đề phải là: " + ", ".join(HEADERS) + "."
UNKNOWN_UNIT = "Dòng %(row)d: đơn vị “%(code)s” không có trong kỳ đánh giá."
UNKNOWN_CODE = "Dòng %(row)d: mã “%(code)s” không phải tiêu chí chấm điểm của bộ chỉ số."
DUPLICATE = "Dòng %(row)d: tiêu chí “%(code)s” của đơn vị “%(unit)s” lặp lại."
REFUSED = "Dòng %(row)d: %(message)s"


class AppraisalImportRejected(AppraisalError):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _number(value) -> Decimal | None:
    if value is None or value == "":
        return None
    # openpyxl reads numeric cells as floats; go through their text so no float arithmetic happens.
    return parse_points(str(value) if isinstance(value, float) else value)


def appraisal_workbook(*, period) -> bytes:
    workbook, sheet = new_sheet(SHEET_TITLE)
    write_header(sheet, 1, HEADERS)
    leaves = list(period.framework.nodes.filter(children__isnull=True).order_by("order"))
    assessments = list(period.assessments.select_related("unit").order_by("unit__order", "unit__code"))
    self_scores = {(s.assessment_id, s.node_id): s.value for s in SelfScore.objects.filter(assessment__period=period)}
    appraised = {(a.assessment_id, a.node_id): a for a in AppraisedScore.objects.filter(assessment__period=period)}
    for assessment in assessments:
        for node in leaves:
            decided = appraised.get((assessment.pk, node.pk))
            sheet.append([
                assessment.unit.code, assessment.unit.name, node.code, node.title, node.max_points,
                self_scores.get((assessment.pk, node.pk)),
                decided.value if decided else None, decided.reason if decided else "",
            ])
    return workbook_bytes(workbook)


@dataclass(frozen=True)
class _Row:
    number: int
    assessment: object
    node: object
    value: Decimal
    reason: str

    @property
    def key(self) -> tuple[int, int]:
        return self.assessment.pk, self.node.pk


def _read_rows(period, file) -> tuple[list[_Row], list[str]]:
    try:
        rows = iter(read_sheet(file, title=SHEET_TITLE, data_only=True))
    except ExcelRefused as error:
        return [], [str(error)]
    header = [cell_text(cell) for cell in next(rows, ())]
    if header[: len(HEADERS)] != HEADERS:
        return [], [WRONG_HEADER]
    assessments = {a.unit.code: a for a in period.assessments.select_related("unit", "period")}
    leaves = {n.code: n for n in period.framework.nodes.filter(children__isnull=True)}
    parsed, problems, seen = [], [], set()
    for number, cells in enumerate(rows, start=2):
        unit_code, _name, code, _title, max_points, _self, appraised, reason = (list(cells) + [None] * 8)[:8]
        if unit_code is None and code is None:
            continue
        assessment, node = assessments.get(str(unit_code)), leaves.get(str(code))
        if assessment is None:
            problems.append(UNKNOWN_UNIT % {"row": number, "code": echoed(unit_code)})
            continue
        if node is None:
            problems.append(UNKNOWN_CODE % {"row": number, "code": echoed(code)})
            continue
        if (assessment.pk, node.pk) in seen:
            problems.append(DUPLICATE % {"row": number, "code": code, "unit": unit_code})
            continue
        seen.add((assessment.pk, node.pk))
        try:
            value = _number(appraised)
        except PointsParseError:
            problems.append(REFUSED % {"row": number, "message": "“Điểm thẩm định” phải là một số."})
            continue
        try:
            reason = bounded(reason, name=HEADERS[7], limit=REASON_MAX)
        except TextTooLong as error:
            problems.append(REFUSED % {"row": number, "message": error})
            continue
        if value is not None:
            parsed.append(_Row(number, assessment, node, value, reason))
    return parsed, problems


def _changes_nothing(row: _Row, saved: AppraisedScore | None, self_value: Decimal | None) -> bool:
    """Whether saving ``row`` would leave the appraisal as it is.

    An exported file comes back with every decided row filled in; saving those again would bump
    versions, write history, and fail on units no longer under appraisal (already published).
    Nothing decided yet and the self-score with no reason is a plain confirmation, which finishing
    the appraisal records anyway.
    """
    if saved is not None:
        return row.value == saved.value and row.reason == saved.reason
    return row.value == self_value and not row.reason


@transaction.atomic
@results_batch()
def appraisal_import(*, period, file, by) -> int:
    """Save every appraised score of the file that changes something, or none; returns how many were saved."""
    rows, problems = _read_rows(period, file)
    if problems:
        raise AppraisalImportRejected(problems)
    saved = {(a.assessment_id, a.node_id): a for a in AppraisedScore.objects.filter(assessment__period=period)}
    self_values = {(s.assessment_id, s.node_id): s.value for s in SelfScore.objects.filter(assessment__period=period)}
    changed = [row for row in rows if not _changes_nothing(row, saved.get(row.key), self_values.get(row.key))]
    for row in changed:
        previous = saved.get(row.key)
        try:
            services.appraisal_save(
                assessment=row.assessment, node=row.node, by=by, value=row.value, reason=row.reason,
                expected_version=previous.version if previous else None,
            )
        except (AppraisalError, rules.RuleInputError) as error:
            problems.append(REFUSED % {"row": row.number, "message": error})
    if problems:
        # Raising leaves the atomic block: the rows saved before the bad ones are rolled back too.
        raise AppraisalImportRejected(problems)
    return len(changed)


