"""The Excel round trip from the command line: export a unit's template, import it filled in."""
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from assessments.models import SelfScore

PERIOD = "hoangmai-phuong-2024/2024"
UNIT = "HM-W-HOANGLIET"


@pytest.fixture
def template_path(assessment, tmp_path):
    path = tmp_path / "mau.xlsx"
    call_command("export_self_score_template", PERIOD, UNIT, "-o", str(path))
    return path


def type_into(path, **cells):
    workbook = load_workbook(path)
    for address, value in cells.items():
        workbook.active[address] = value
    workbook.save(path)


def test_the_export_writes_the_units_template(assessment, tmp_path, capsys):
    path = tmp_path / "phuong.xlsx"
    call_command("export_self_score_template", PERIOD, UNIT, "-o", str(path))
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "Phường Hoàng Liệt"
    assert [cell.value for cell in sheet[4]] == ["Mã", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình"]
    assert f"Đã ghi {path}." in capsys.readouterr().out


def test_the_export_names_the_file_after_the_unit_and_period_by_default(assessment, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("export_self_score_template", PERIOD, UNIT)
    assert (tmp_path / "tu-cham-diem-HM-W-HOANGLIET-hoangmai-phuong-2024-2024.xlsx").is_file()


def test_the_export_refuses_an_unknown_period(db):
    with pytest.raises(CommandError, match="Không có kỳ đánh giá “khong-co/2024”"):
        call_command("export_self_score_template", "khong-co/2024", UNIT, "-o", "x.xlsx")


@pytest.fixture(autouse=True)
def operator(settings, secretariat):
    """The office's operator account, which commands act as without --as, is Bob's."""
    settings.OPERATOR_USERNAME = secretariat.username
    return secretariat


def test_the_import_acts_as_the_operator_for_the_unit_by_default(template_path, secretariat, capsys):
    # Given the exported template with 1.1.1 (row 7) scored
    type_into(template_path, A7="1.1.1", D7=0.5, E7="Kế hoạch số 12/KH-UBND")
    # When it is imported without --as
    call_command("import_self_scores", PERIOD, UNIT, str(template_path))
    # Then Bob typed it in for the unit, the history says so with the file's name, and the count is printed
    score = SelfScore.objects.get()
    assert (score.node.code, score.value, score.updated_by) == ("1.1.1", Decimal("0.5"), secretariat)
    assert score.history.first().history_change_reason == (
        f"Phòng Nội vụ nhập thay Phường Hoàng Liệt: nhập từ tệp {template_path.name}")
    assert "Đã nhập 1 điểm tự chấm." in capsys.readouterr().out


def test_without_the_operator_account_the_import_asks_for_as(template_path, settings):
    settings.OPERATOR_USERNAME = "khong-co"
    type_into(template_path, D7=0.5)
    with pytest.raises(CommandError, match="“khong-co”; chỉ rõ người thực hiện bằng --as"):
        call_command("import_self_scores", PERIOD, UNIT, str(template_path))
    assert not SelfScore.objects.exists()


def test_the_import_acts_as_the_user_named_with_as(template_path, ward_staff, ward_head):
    type_into(template_path, D7=0.5)
    call_command("import_self_scores", PERIOD, UNIT, str(template_path), "--as", "alice")
    assert SelfScore.objects.get().updated_by == ward_staff


def test_a_rejected_file_exits_non_zero_with_every_problem_on_its_own_line(template_path, ward_staff):
    type_into(template_path, D5=20, D7="x", D8=0.5)
    with pytest.raises(CommandError) as error:
        call_command("import_self_scores", PERIOD, UNIT, str(template_path))
    assert error.value.returncode == 1  # the shell sees a failure
    assert str(error.value).splitlines() == [
        "Tệp Excel có 2 lỗi, chưa nhập điểm nào:",
        "Dòng 5: “1” là tiêu chí tổng hợp, không nhập điểm.",
        "Dòng 7: “Điểm tự chấm” phải là một số.",
    ]
    assert not SelfScore.objects.exists()


def test_a_user_of_another_unit_is_refused(template_path, other_ward_staff):
    type_into(template_path, D7=0.5)
    with pytest.raises(CommandError, match="không có quyền"):
        call_command("import_self_scores", PERIOD, UNIT, str(template_path), "--as", "charlie")
    assert not SelfScore.objects.exists()


def test_a_missing_file_is_refused(assessment, ward_staff, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_self_scores", PERIOD, UNIT, str(tmp_path / "khong-co.xlsx"))
