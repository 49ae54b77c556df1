"""The management commands' shared helpers: one Vietnamese line on failure, never a traceback."""
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from config.commands import framework_or_error, period_or_error, write_output


def test_text_without_output_goes_to_stdout():
    out = io.StringIO()
    write_output(BaseCommand(stdout=out), "[]", None)
    assert out.getvalue() == "[]\n"


def test_text_with_output_goes_to_the_file_with_a_final_newline(tmp_path):
    out = io.StringIO()
    write_output(BaseCommand(stdout=out), "Hoàng Mai", str(tmp_path / "out.json"))
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "Hoàng Mai\n"
    assert out.getvalue() == ""


def test_bytes_need_an_output_file():
    with pytest.raises(CommandError, match="cần -o TỆP"):
        write_output(BaseCommand(stdout=io.StringIO()), b"PK", None)


def test_a_file_that_cannot_be_written_is_named_with_the_reason(tmp_path):
    target = tmp_path / "khong-co" / "ket-qua.xlsx"
    with pytest.raises(CommandError) as error:
        write_output(BaseCommand(stdout=io.StringIO()), b"PK", str(target))
    assert str(error.value) == f"Không ghi được tệp {target}: No such file or directory"


def test_lookups_fail_with_the_existing_messages(db):
    with pytest.raises(CommandError, match="Không có kỳ đánh giá “khong-co/2024”"):
        period_or_error("khong-co/2024")
    with pytest.raises(CommandError, match="Không có bộ chỉ số “nope”"):
        framework_or_error("nope")


def test_export_framework_into_a_missing_folder_is_a_command_error(ward_framework, tmp_path):
    target = tmp_path / "khong-co" / "bo-chi-so.json"
    with pytest.raises(CommandError, match="Không ghi được tệp"):
        call_command("export_framework", ward_framework.key, "-o", str(target))


def test_import_appraisal_names_a_file_it_cannot_read(period, secretariat, tmp_path):
    # A folder exists but is no file: open() raises IsADirectoryError, not FileNotFoundError.
    with pytest.raises(CommandError, match=re.escape(f"Không đọc được tệp {tmp_path}: Is a directory")):
        call_command("import_appraisal", period.identifier, str(tmp_path))
