"""The office's list of accounts in Excel: one row per account, created all together or not at all.

Columns (in any order, under a header row naming exactly these): ``Họ và tên``, ``Tên đăng nhập``,
``Email``, ``Mã đơn vị``, ``Vai trò``. A role is written either as its Vietnamese label
("Cán bộ đơn vị", "Thủ trưởng đơn vị", …) or as its code (``unit_staff``, ``unit_head``, …), in any
case. Email and unit may be empty where the role allows it. Empty rows are skipped. An optional
``Bộ phận`` column names a contributor's division (required for that role, see ``services``).
"""
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation

from config.excel import ExcelRefused, cell_text, new_sheet, read_sheet, workbook_bytes, write_header
from operations.jobs import no_progress
from organizations.hierarchy import ORGANISER_KINDS
from organizations.models import Unit

from . import errors, services
from .models import Role, User
from .roles import role_label

HEADER = FULL_NAME, USERNAME, EMAIL, UNIT, ROLE = ("Họ và tên", "Tên đăng nhập", "Email", "Mã đơn vị", "Vai trò")
_FIELD_OF = {FULL_NAME: "full_name", USERNAME: "username", EMAIL: "email", UNIT: "unit", ROLE: "role"}
DIVISION = "Bộ phận"  # optional: lists without contributors need not have it


class ImportRejected(errors.AccountError):
    """The list was refused as a whole; ``rows`` lists every problem, each naming its row."""

    def __init__(self, rows: list[str]):
        super().__init__({None: errors.EXCEL_REJECTED % {"count": len(rows)}})
        self.rows = rows


@dataclass(frozen=True)
class Issued:
    """An account created, with the one-time password to hand to its owner."""

    user: User
    password: str


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def _roles_by_name() -> dict[str, Role]:
    """Every role under its code and its Vietnamese label, whatever language is active; the secretariat also
    under each organiser's name for it ("Thường trực Phòng Nội vụ", its label in lists written before)."""
    with translation.override("vi"):
        names = {**{_key(role.value): role for role in Role}, **{_key(str(role.label)): role for role in Role}}
        for kind in ORGANISER_KINDS:  # an unsaved organiser of each kind names its office
            names[_key(role_label(Role.SECRETARIAT, Unit(kind=kind)))] = Role.SECRETARIAT
        return names


def users_template_xlsx() -> bytes:
    """An empty list to fill in, with one example row."""
    workbook, sheet = new_sheet("Tài khoản")
    write_header(sheet, 1, HEADER)
    with translation.override("vi"):
        sheet.append(["Nguyễn Thị Thu Hà", "canbo.yenso", "ha.ntt@example.gov.vn", "HM-W-YENSO",
                      str(Role.UNIT_STAFF.label)])
    for letter, width in zip("ABCDE", (28, 22, 30, 18, 28)):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(workbook)


def users_import_xlsx(*, file, by, progress=no_progress) -> list[Issued]:
    """Create every account listed in ``file`` (a path or a binary file), or none; ``ImportRejected`` otherwise.
    ``progress(accounts created, accounts listed)`` is told after each (its password hash takes a while)."""
    rows = _read(_rows(file), by=by)
    issued = []
    with transaction.atomic():
        for row in rows:
            issued.append(Issued(*services.user_create(**row, by=by)))
            progress(len(issued), len(rows))
    return issued


def issued_xlsx(issued: list[Issued]) -> bytes:
    """The accounts created with their one-time passwords, to hand out (the only copy of the passwords)."""
    workbook, sheet = new_sheet("Mật khẩu dùng một lần")
    write_header(sheet, 1, (USERNAME, FULL_NAME, "Đơn vị", "Mật khẩu dùng một lần"))
    for row in issued:
        sheet.append([row.user.username, row.user.display_name, row.user.unit.name if row.user.unit else "",
                      row.password])
    for letter, width in zip("ABCD", (24, 28, 36, 24)):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(workbook)


def _rows(file) -> list[tuple[int, dict]]:
    """``(Excel row number, {column: text})`` of every non-empty row under the header."""
    try:
        rows = iter(read_sheet(file, title="", data_only=True))  # the size and shape caps of every import
    except ExcelRefused as error:
        raise ImportRejected([str(error)]) from None
    for number, values in enumerate(rows, 1):
        names = [cell_text(value) for value in values]
        if set(HEADER) <= set(names):
            index = {name: names.index(name) for name in (*HEADER, DIVISION) if name in names}
            found = []
            for below, cells in enumerate(rows, number + 1):
                texts = {name: cell_text(cells[i]) if i < len(cells) else "" for name, i in index.items()}
                if any(texts.values()):
                    found.append((below, texts))
            if not found:
                raise ImportRejected([str(errors.EXCEL_EMPTY)])
            return found
    raise ImportRejected([str(errors.EXCEL_NO_HEADER % {"columns": ", ".join(HEADER)})])


def _read(rows: list[tuple[int, dict]], *, by) -> list[dict]:
    """The accounts' fields ready for ``services.user_create``; ``ImportRejected`` unless every row is in order."""
    roles = _roles_by_name()
    units = Unit.objects.select_related("parent__parent").in_bulk(
        [texts[UNIT] for _row, texts in rows if texts[UNIT]], field_name="code")
    problems, accounts, first_row = [], [], {}
    for row, texts in rows:
        username, role, unit = texts[USERNAME], roles.get(_key(texts[ROLE])), units.get(texts[UNIT])
        account = {"full_name": texts[FULL_NAME], "username": username, "email": texts[EMAIL],
                   "role": role, "unit": unit, "division": texts.get(DIVISION, "")}
        found = services.account_problems(**account, by=by)
        if role is None:
            found["role"] = errors.ROLE_UNKNOWN % {"role": texts[ROLE]}
        if texts[UNIT] and unit is None:
            found["unit"] = errors.UNIT_UNKNOWN % {"code": texts[UNIT]}
        earlier = first_row.setdefault(username.casefold(), row) if username else row
        if earlier != row:
            found["username"] = errors.EXCEL_DUPLICATE_USERNAME % {"username": username, "first": earlier}
        problems.extend(str(errors.EXCEL_ROW % {"row": row, "problem": problem}) for problem in found.values())
        accounts.append(account)
    if problems:
        raise ImportRejected(problems)
    return accounts
