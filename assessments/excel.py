"""Self-scores in Excel, both ways: a protected template to fill in, and an all-or-nothing import.

The template has one row per node in document order. A parent's "Điểm tự chấm" is an Excel SUM of
its children's cells; only the leaves' "Điểm tự chấm" and "Giải trình" cells are unlocked.

The import trusts nothing the protection promises: it reads every row, collects every problem with
the row number Excel shows, and saves only a file without any, in one transaction, through
``services.self_score_save`` (so versions, history and permissions are those of the entry page).

Decisions:

- A criterion scored by a rule (formula, bands, choice, …) takes the points the unit typed, checked
  like a hand-entered score (0 to the maximum; for a choice, one of its outcomes' scores); its rule
  is not evaluated and no inputs are saved.
  A spreadsheet cannot ask for every rule's inputs; the entry page remains the place for them.
- A row whose score and explanation equal the saved ones is not saved again: re-importing a file
  writes no empty history, and keeps the inputs a rule-driven score was computed from.
- An empty score cell leaves the criterion as it is (unscored, or its saved score kept). An explanation
  typed beside an empty score cell is a problem of its row: the entry page keeps no explanation without
  a score either (emptying the score there clears the criterion, explanation and all).
- "Không đánh giá" in the score cell (any case) marks a criterion the framework applies to some units
  only as not assessed; the "Giải trình" cell must say why, as on the entry page. The template writes
  it back for such a criterion already marked, and notes the possibility on those rows.
- A parent's cell holding a formula is ignored; any other value there is a problem.
"""
import copy
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter

from config.excel import (
    BOLD, ExcelRefused, cell_text, new_sheet, read_sheet, workbook_bytes, write_header,
)
from config.search import fold
from config.text import EXPLANATION_MAX, TextTooLong, bounded, echoed
from frameworks import rules
from frameworks.models import Node
from frameworks.points import PointsParseError, format_points, parse_points

from . import errors, services
from .errors import AssessmentError
from .models import Assessment, SelfScore
from .results import results_batch

SHEET_TITLE = "Tự chấm điểm"
HEADER = CODE, TITLE, MAX, SCORE, EXPLANATION = ("Mã", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình")
POINTS_FORMAT = "0.###"  # Excel shows a decimal comma under a Vietnamese locale

_HEADER_ROW = 4  # below the unit's name, the period and a blank row
_COLUMN = {name: index for index, name in enumerate(HEADER, 1)}
_WIDTHS = {CODE: 10, TITLE: 70, MAX: 12, SCORE: 14, EXPLANATION: 50}
_WRAPPED = Alignment(wrap_text=True, vertical="top")
NOT_ASSESSED = "Không đánh giá"  # typed in the score cell, in any case


class ImportRejected(AssessmentError):
    """The file was refused as a whole; ``problems`` lists every one, each naming its row."""

    def __init__(self, problems: list[str]):
        super().__init__(errors.EXCEL_REJECTED % {"count": len(problems)})
        self.problems = problems


@dataclass(frozen=True)
class ImportReport:
    saved: int


def template_filename(assessment: Assessment) -> str:
    period = assessment.period
    return f"tu-cham-diem-{assessment.unit.code}-{period.framework.key}-{period.year}.xlsx"


def _nodes(assessment: Assessment) -> list[Node]:
    return list(Node.objects.filter(framework_id=assessment.period.framework_id).order_by("order"))


def _scores(assessment: Assessment) -> dict[int, SelfScore]:
    return {score.node_id: score for score in SelfScore.objects.filter(assessment=assessment)}


def _rule_driven(node: Node) -> bool:
    return node.rule is not None and node.rule.get("kind") != "manual"


# -- the template ------------------------------------------------------------------------------


def self_score_template_xlsx(*, assessment: Assessment) -> bytes:
    """The unit's workbook to fill in, prefilled with its saved self-scores."""
    nodes, scores = _nodes(assessment), _scores(assessment)
    row_of = {node.pk: _HEADER_ROW + 1 + index for index, node in enumerate(nodes)}
    child_rows = defaultdict(list)
    for node in nodes:
        child_rows[node.parent_id].append(row_of[node.pk])

    workbook, sheet = new_sheet(SHEET_TITLE)
    sheet["A1"] = assessment.unit.name
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"{assessment.period.identifier} — {assessment.period.framework.name}"
    write_header(sheet, _HEADER_ROW, HEADER)
    for name, column in _COLUMN.items():
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[name]
    if any(_rule_driven(node) for node in nodes):
        note = Comment(str(errors.EXCEL_RULE_DRIVEN_NOTE), "ParIndex", height=150, width=320)
        sheet.cell(_HEADER_ROW, _COLUMN[EXPLANATION]).comment = note

    score_letter = get_column_letter(_COLUMN[SCORE])
    for node in nodes:
        score = scores.get(node.pk)
        if node.pk in child_rows:
            points = "=SUM({})".format(",".join(f"{score_letter}{row}" for row in child_rows[node.pk]))
        elif score and score.not_assessed:
            points = NOT_ASSESSED
        else:
            points = score.value if score else None
        values = {CODE: node.code, TITLE: node.title, MAX: node.max_points, SCORE: points,
                  EXPLANATION: score.explanation if score else None}
        cells = {name: sheet.cell(row_of[node.pk], _COLUMN[name], value) for name, value in values.items()}
        cells[MAX].number_format = cells[SCORE].number_format = POINTS_FORMAT
        for text in (cells[TITLE], cells[EXPLANATION]):
            text.alignment = _WRAPPED
            if text.value:
                text.data_type = "s"  # an explanation such as "=> đã ban hành" is text, not a formula
        if node.level == 1:
            for cell in cells.values():
                cell.font = BOLD
        if node.pk not in child_rows:
            cells[SCORE].protection = cells[EXPLANATION].protection = Protection(locked=False)
        if rules.applies_only(node.rule):
            cells[SCORE].comment = Comment(str(errors.EXCEL_NOT_ASSESSED_NOTE % {
                "applies_only": rules.applies_only(node.rule), "mark": NOT_ASSESSED, "field": EXPLANATION}), "ParIndex")

    sheet.freeze_panes = f"A{_HEADER_ROW + 1}"
    sheet.protection.sheet = True  # no password: the import checks everything anyway
    return workbook_bytes(workbook)


# -- the import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Typed:
    node: Node  # as the save must see it: a rule-driven one without its rule (``_hand_entered``)
    value: Decimal | None
    explanation: str
    not_assessed: bool = False


class _BadScore(Exception):
    pass


def self_scores_import_xlsx(*, assessment: Assessment, file, by, on_behalf_reason: str = "") -> ImportReport:
    """Save every score typed in ``file`` (a path or a binary file), or none.

    Raises ``AssessmentError`` when ``by`` may not edit now, ``ImportRejected`` listing every problem
    of the file otherwise.
    """
    services.ensure_self_editable(assessment=assessment, by=by, on_behalf_reason=on_behalf_reason)
    typed = _read(_rows(file), _nodes(assessment))
    scores = _scores(assessment)
    changed = [row for row in typed if not _unchanged(scores.get(row.node.pk), row)]
    with transaction.atomic(), results_batch():
        for row in changed:
            score = scores.get(row.node.pk)
            services.self_score_save(
                assessment=assessment, node=row.node, by=by, expected_version=score.version if score else None,
                value=row.value, explanation=row.explanation, on_behalf_reason=on_behalf_reason,
                not_assessed=row.not_assessed,
            )
    return ImportReport(saved=len(changed))


def _rows(file) -> list[tuple[int, dict]]:
    """``(Excel row number, {column: value})`` of every row under the header."""
    try:
        rows = read_sheet(file, title=SHEET_TITLE)
    except ExcelRefused as error:
        raise ImportRejected([str(error)]) from None
    for number, values in enumerate(rows, 1):
        names = [cell_text(value) for value in values]
        if set(HEADER) <= set(names):
            index = {name: names.index(name) for name in HEADER}
            return [
                (below, {name: cells[i] for name, i in index.items()})
                for below, cells in enumerate(rows[number:], number + 1)
            ]
    raise ImportRejected([errors.EXCEL_NO_HEADER % {"columns": ", ".join(HEADER)}])


def _read(rows: list[tuple[int, dict]], nodes: list[Node]) -> list[_Typed]:
    """The leaves' typed scores; ``ImportRejected`` unless every row and every leaf is in order."""
    by_code = {node.code: node for node in nodes}
    parent_ids = {node.parent_id for node in nodes}
    problems, typed, first_row = [], [], {}

    def refuse(row, problem):
        problems.append(errors.EXCEL_ROW % {"row": row, "problem": problem})

    for row, cells in rows:
        code, points = cell_text(cells[CODE]), cells[SCORE]
        entered = cell_text(points)
        if not code:
            continue
        node = by_code.get(code)
        if node is None:
            refuse(row, errors.EXCEL_UNKNOWN_CODE % {"code": echoed(code)})
        elif code in first_row:
            refuse(row, errors.EXCEL_DUPLICATE_CODE % {"code": code, "first": first_row[code]})
        elif node.pk in parent_ids:
            if entered and not entered.startswith("="):  # a formula is ignored
                refuse(row, errors.EXCEL_PARENT_TYPED % {"code": code})
        elif entered:
            try:
                explanation = bounded(cells[EXPLANATION], name=EXPLANATION, limit=EXPLANATION_MAX)
                if fold(entered) == fold(NOT_ASSESSED):
                    typed.append(_not_assessed(node, explanation))
                else:
                    hand = _hand_entered(node)
                    typed.append(_Typed(hand, _score(hand, points), explanation))
            except (_BadScore, TextTooLong) as problem:
                refuse(row, str(problem))
        elif cell_text(cells[EXPLANATION]):
            refuse(row, errors.EXCEL_EXPLANATION_WITHOUT_SCORE % {"code": code, "score": SCORE})
        first_row.setdefault(code, row)
    problems += [
        errors.EXCEL_MISSING_LEAF % {"code": node.code}
        for node in nodes if node.pk not in parent_ids and node.code not in first_row
    ]
    if problems:
        raise ImportRejected(problems)
    return typed


def _not_assessed(node: Node, explanation: str) -> _Typed:
    """A leaf marked "Không đánh giá": only one the framework applies to some units only, and with a reason."""
    try:
        services.ensure_may_skip(node)
    except AssessmentError as refused:
        raise _BadScore(str(refused)) from None
    if not explanation:
        raise _BadScore(errors.NOT_ASSESSED_REASON_REQUIRED % {"code": node.code, "field": EXPLANATION})
    return _Typed(node, None, explanation, not_assessed=True)


def _hand_entered(node: Node) -> Node:
    """The node as this import scores it: a rule-driven one drops its rule, on an in-memory copy only.

    A choice among listed outcomes keeps what it can check in a spreadsheet: the typed points must
    be one of the outcomes' scores.
    """
    node = copy.copy(node)
    node.choice_scores = None
    if _rule_driven(node):
        if node.rule["kind"] == "choice":
            node.choice_scores = sorted({parse_points(o["score"]) for o in node.rule["options"]}, reverse=True)
        node.rule = None
    return node


def _score(node: Node, points) -> Decimal:
    """A leaf's typed points, checked as a hand-entered score (see the module's decisions)."""
    name = {"name": SCORE}
    try:
        # openpyxl reads numbers as floats: their shortest text is what was typed.
        value = parse_points(Decimal(str(points)) if isinstance(points, float) else points)
    except PointsParseError:
        raise _BadScore(rules.NOT_A_NUMBER % name) from None
    if value < 0:
        raise _BadScore(rules.NEGATIVE % name)
    if value > node.max_points:
        raise _BadScore(rules.ABOVE_MAX % {**name, "max": format_points(node.max_points)})
    if node.choice_scores is not None and value not in node.choice_scores:
        raise _BadScore(errors.EXCEL_NOT_AN_OUTCOME % {
            **name, "scores": "; ".join(format_points(score) for score in node.choice_scores)})
    try:
        return services.score_node(node=node, value=value)
    except rules.RuleInputError as error:  # a manual rule's step
        raise _BadScore(str(error)) from None


def _unchanged(score: SelfScore | None, row: _Typed) -> bool:
    return (score is not None and score.value == row.value and score.not_assessed == row.not_assessed
            and score.explanation == row.explanation)
