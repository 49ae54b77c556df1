"""A harness for the property tests of every Excel import: hostile files, and what must hold for each.

An import is described once, as an ``Importer`` (see ``tests/properties/conftest.py``, where adding one is a
few lines): how to make a valid file, run the import, recognise its refusal, count the rows it writes, and
post a file to its page. ``hostile_files`` then draws files from that valid one, and ``attempt`` checks the
outcome: a refusal whose every problem is Vietnamese text (naming a row that exists when it names one) with
no row written, or a success. Each attempt runs in a savepoint rolled back afterwards, so examples do not
see each other's writes.
"""
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from hypothesis import strategies as st
from openpyxl import load_workbook

from config.excel import workbook_bytes


@dataclass(frozen=True)
class Importer:
    name: str
    valid: Callable[[], bytes]  # a workbook the import accepts
    run: Callable[[io.BytesIO], object]  # the service, as the page and the command call it
    rejected: type[Exception]
    problems: Callable[[Exception], list[str]]
    rows: Callable[[], int]  # every row the import may write (scores, their history, accounts…)
    url: str  # the upload page, posted to by ``user``
    user: object
    data_rows: range  # rows of ``valid()`` under the header
    # In ``bad_rows``, these cells refuse these values, naming the row: {column letter: strategy of bad values}.
    bad_rows: list[int] = field(default_factory=list)
    bad_cells: dict = field(default_factory=dict)


# -- values a cell may hold --------------------------------------------------------------------

VIETNAMESE = "Phường Hoàng Liệt, Nguyễn Thị Thu Hà, Lĩnh vực cải cách hành chính, Đánh giá tự chấm điểm"
# Text openpyxl can write: no control characters or lone surrogates.
_TEXT = st.characters(exclude_categories=("Cc", "Cs"))
decomposed = st.sampled_from(VIETNAMESE.split(", ")).map(lambda text: unicodedata.normalize("NFD", text))
# Excel's own limit for one cell is 32,767 characters: longer text is what a script, not Excel, writes.
huge_text = st.sampled_from([5_001, 32_767, 100_000]).flatmap(lambda size: st.sampled_from(["a", "ệ", "9"]).map(
    lambda char: char * size))
formulas = st.sampled_from(["=1/0", "=D7*2", "=SUM(D5:D200)", '=HYPERLINK("http://x","0,5")', "=NA()", "=1+"])
# Numbers written straight into the XML, where openpyxl would never put them.
RAW_NUMBERS = ["NaN", "1e309", "-1e309", "INF", "1e-400", "0x1F", "1,5", ""]
raw_numbers = st.sampled_from(RAW_NUMBERS).map(lambda token: _Raw(token))
cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False), st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.text(_TEXT, max_size=30), decomposed, huge_text, formulas, raw_numbers,
    st.dates(), st.sampled_from(["0,5", "0.5", "1,5.2", " 0,25 ", "-0", "½", "１"]),
)


@dataclass(frozen=True)
class _Raw:
    token: str


def _with_raw_numbers(content: bytes, raws: dict[float, str]) -> bytes:
    """``content`` with each marker number's ``<v>`` in the sheet replaced by its raw token."""
    source, target, replaced = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO(), 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode()
                for marker, token in raws.items():
                    replaced += text.count(f"<v>{marker!r}</v>")
                    text = text.replace(f"<v>{marker!r}</v>", f"<v>{token}</v>")
                data = text.encode()
            archive.writestr(item, data)
    assert replaced == len(raws), "a raw number was not written into the sheet"
    return target.getvalue()


def workbook_with(content: bytes, cells: dict[str, object]) -> bytes:
    """``content`` (an xlsx) with ``cells`` ({"D7": value}) written into its first sheet."""
    workbook = load_workbook(io.BytesIO(content))
    sheet, raws = workbook.worksheets[0], {}
    for address, value in cells.items():
        if isinstance(value, _Raw):
            marker = 987654.5 + len(raws)  # a fraction, so that openpyxl writes it as repr() does
            raws[marker] = value.token
            value = marker
        sheet[address] = value
    return _with_raw_numbers(workbook_bytes(workbook), raws) if raws else workbook_bytes(workbook)


# -- whole files ---------------------------------------------------------------------------------


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def bomb(unpacked_mb: int = 200) -> bytes:
    """A valid-looking xlsx of about 200 KB whose sheet unpacks to ``unpacked_mb`` MB of blanks."""
    sheet = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b"<sheetData>" + b" " * (unpacked_mb * 1024 * 1024) + b"</sheetData></worksheet>")
    return zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                 "xl/worksheets/sheet1.xml": sheet})


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode()


not_workbooks = st.one_of(
    st.binary(max_size=2_000),
    st.lists(st.lists(st.text(_TEXT, max_size=12), max_size=6), max_size=20).map(_csv),  # a CSV saved as .xlsx
    st.just(_csv([["Mã", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình"], ["1.1.1", "", "0,5",
                                                                                         "0,5", ""]])),
    st.dictionaries(st.sampled_from(["a.txt", "xl/workbook.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml"]),
                    st.binary(max_size=200), min_size=1).map(zip_of),  # a zip that is no workbook
    st.just(b"PK\x03\x04" + b"\x00" * 100),  # a truncated zip
)


def hostile_files(importer: Importer):
    """A strategy of files for ``importer``: its valid file with hostile cells, or no workbook at all."""
    valid = importer.valid()
    addresses = st.tuples(st.sampled_from("ABCDEFGHIJ"), st.integers(min_value=1, max_value=importer.data_rows.stop + 3))
    edited = st.dictionaries(addresses.map(lambda a: f"{a[0]}{a[1]}"), cell_values, min_size=1, max_size=6).map(
        lambda cells: workbook_with(valid, cells))
    return st.one_of(edited, edited, not_workbooks)


# -- what must hold ------------------------------------------------------------------------------

_VIETNAMESE_LETTER = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                                re.IGNORECASE)
_ROW = re.compile(r"^Dòng (\d+): ")
_UNFILLED = re.compile(r"%\([a-z_]+\)[sd]")  # a placeholder left in a message (typed "%(" may be echoed)


class _RolledBack(Exception):
    pass


@dataclass(frozen=True)
class Outcome:
    problems: list[str] | None  # None: the import succeeded
    result: object = None


def attempt(importer: Importer, content: bytes, *, rows_in_file: int | None = None) -> Outcome:
    """Import ``content`` in a savepoint rolled back afterwards, checking the outcome on the way.

    A refusal writes nothing, and lists problems that are Vietnamese sentences with no placeholder left,
    each naming a row of the file if it names one. Anything else than a refusal or a success fails the test.
    """
    outcome = None
    try:
        with transaction.atomic():
            before = importer.rows()
            try:
                result = importer.run(io.BytesIO(content))
            except importer.rejected as rejected:
                assert importer.rows() == before, "a refused file wrote rows"
                problems = importer.problems(rejected)
                check_problems(problems, rows_in_file=rows_in_file)
                outcome = Outcome(problems)
            else:
                outcome = Outcome(None, result)
            raise _RolledBack
    except _RolledBack:
        pass
    return outcome


def check_problems(problems: list[str], *, rows_in_file: int | None = None) -> None:
    assert problems, "a refusal without a reason"
    for problem in problems:
        assert isinstance(problem, str) and problem.strip() and not _UNFILLED.search(problem), problem
        assert _VIETNAMESE_LETTER.search(problem), f"not Vietnamese: {problem!r}"
        row = _ROW.match(problem)
        if row and rows_in_file is not None:
            assert 1 <= int(row.group(1)) <= rows_in_file, problem
