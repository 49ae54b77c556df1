"""Every Excel import, whatever it is sent, refuses clearly and saves nothing, or imports correctly.

The imports are listed in ``conftest.py`` (``IMPORTERS``); the hostile files and the checks are in
``importers.py``. Memory is measured with tracemalloc on an XLSX bomb and on a file at the size cap.
"""
import io
import time
import tracemalloc

import pytest
from django.db import transaction
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from config.excel import MAX_ROWS, NOT_AN_EXCEL_FILE, workbook_bytes

from properties.importers import attempt, bomb, hostile_files, workbook_with, zip_of

pytestmark = pytest.mark.django_db

# A normal import takes well under a second here; ten is a hang.
SLOWEST_SECONDS = 10


@given(data=st.data())
def test_any_file_is_refused_with_problems_in_vietnamese_or_imported(importer, data):
    content = data.draw(hostile_files(importer), label="file")
    started = time.monotonic()
    attempt(importer, content, rows_in_file=importer.data_rows.stop + 3)
    assert time.monotonic() - started < SLOWEST_SECONDS


@given(data=st.data())
def test_one_bad_cell_refuses_the_whole_file_naming_its_row(importer, data):
    row = data.draw(st.sampled_from(importer.bad_rows), label="row")
    column = data.draw(st.sampled_from(sorted(importer.bad_cells)), label="column")
    value = data.draw(importer.bad_cells[column], label="value")
    outcome = attempt(importer, workbook_with(importer.valid(), {f"{column}{row}": value}))
    assert outcome.problems is not None, "imported"
    assert any(problem.startswith(f"Dòng {row}: ") for problem in outcome.problems), outcome.problems


def test_the_valid_file_is_imported(importer):
    assert attempt(importer, importer.valid()).problems is None


@settings(max_examples=6)
@given(data=st.data())
def test_the_upload_page_answers_a_page_never_an_error(importer, client, data):
    content = data.draw(hostile_files(importer), label="file")
    client.force_login(importer.user)
    upload = io.BytesIO(content)
    upload.name = "tai-len.xlsx"
    with transaction.atomic():
        response = client.post(importer.url, {"file": upload})
        transaction.set_rollback(True)
    assert response.status_code in (200, 302)


def test_a_zip_that_is_no_workbook_is_refused_as_not_excel(importer):
    outcome = attempt(importer, zip_of({"mimetype": b"application/epub+zip", "noi-dung.txt": b"x" * 1000}))
    assert outcome.problems == [str(NOT_AN_EXCEL_FILE)]


def _peak_mb(run) -> tuple[object, float]:
    tracemalloc.start()
    try:
        result = run()
        return result, tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()


def test_an_xlsx_bomb_is_refused_by_its_unpacked_size_in_little_memory(importer, capsys):
    content = bomb(unpacked_mb=200)
    outcome, peak = _peak_mb(lambda: attempt(importer, content))
    with capsys.disabled():
        print(f"\n[memory] {importer.name}: {len(content) // 1024} KB bomb unpacking to 200 MB: "
              f"peak {peak:.2f} MB")
    assert len(outcome.problems) == 1 and outcome.problems[0].endswith("khi giải nén lớn hơn 20 MB.")
    assert peak < 20


@pytest.fixture(scope="module")
def full_sheet() -> bytes:
    """A workbook at the row cap, every row eight cells of 30 characters, under the unpacked size cap."""
    workbook = Workbook()
    sheet = workbook.active
    for row in range(MAX_ROWS):
        sheet.append([f"{row}-{column}-" + "ệ" * 26 for column in range(8)])
    return workbook_bytes(workbook)


@pytest.mark.proof  # a minute or more each under tracemalloc: make proof, not make test
def test_a_file_at_the_row_cap_is_read_in_bounded_memory(importer, full_sheet, capsys):
    outcome, peak = _peak_mb(lambda: attempt(importer, full_sheet))
    with capsys.disabled():
        print(f"\n[memory] {importer.name}: {len(full_sheet) // 1024} KB file, {MAX_ROWS} rows × 8 cells: "
              f"peak {peak:.2f} MB")
    assert outcome.problems
    assert peak < 200
