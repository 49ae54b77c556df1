"""``python manage.py import_users FILE.xlsx``: the same all-or-nothing import as the page."""
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import User

from .test_users_import import GOOD, workbook


@pytest.fixture
def list_file(tmp_path):
    def write(*rows):
        path = tmp_path / "ds.xlsx"
        path.write_bytes(workbook(*rows).read())
        return str(path)
    return write


def test_the_passwords_are_printed(list_file, other_ward):
    out = io.StringIO()
    call_command("import_users", list_file(*GOOD), stdout=out)

    lines = [line.split("\t") for line in out.getvalue().strip().splitlines()]
    assert lines[0] == ["Tên đăng nhập", "Mật khẩu dùng một lần", "Họ và tên", "Mã đơn vị"]
    assert [(row[0], row[2], row[3]) for row in lines[1:]] == [
        ("truong.yenso", "Đỗ Văn Nam", "HM-W-YENSO"), ("canbo.yenso", "Hoàng Văn Tú", "HM-W-YENSO"),
        ("hoidong2", "Trần Văn Minh", "HM")]
    head = User.objects.get(username="truong.yenso")
    assert head.check_password(lines[1][1]) and head.must_change_password
    assert head.history.get().history_user is None  # the operator at the shell


def test_with_o_the_passwords_go_to_the_file_and_the_history_names_as(list_file, other_ward, secretariat, tmp_path):
    out, target = io.StringIO(), tmp_path / "mat-khau.tsv"
    call_command("import_users", list_file(GOOD[1]), "-o", str(target), "--as", "bob", stdout=out)

    assert out.getvalue().strip() == "Đã tạo 1 tài khoản."
    [_header, row] = target.read_text(encoding="utf-8").strip().splitlines()
    username, password, *_rest = row.split("\t")
    assert User.objects.get(username=username).check_password(password)
    assert User.objects.get(username=username).history.get().history_user == secretariat


def test_a_bad_list_fails_with_every_row_and_creates_nobody(list_file, other_ward):
    with pytest.raises(CommandError) as failed:
        call_command("import_users", list_file(GOOD[0], ("Vũ Thị Mai", "canbo.mai", "", "HM-W-YENSO", "Giám đốc")))
    assert str(failed.value).splitlines() == [
        "Danh sách có 1 lỗi, chưa tạo tài khoản nào:",
        "Dòng 3: Vai trò “Giám đốc” không có (ghi tên vai trò, ví dụ “Cán bộ đơn vị”, hoặc mã, ví dụ unit_staff)."]
    assert not User.objects.filter(username="truong.yenso").exists()


def test_as_must_be_an_office_account(list_file, other_ward, ward_staff):
    with pytest.raises(CommandError, match="không có quyền quản lý tài khoản"):
        call_command("import_users", list_file(GOOD[1]), "--as", "alice")
    with pytest.raises(CommandError, match="Không có người dùng đang hoạt động “khongco”"):
        call_command("import_users", list_file(GOOD[1]), "--as", "khongco")
    assert not User.objects.filter(username="canbo.yenso").exists()
