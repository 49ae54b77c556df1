"""The office's Excel list of accounts: all created, or none with every problem named by its row."""
import io

import pytest
from openpyxl import Workbook, load_workbook

from accounts.excel import HEADER, ImportRejected, users_import_xlsx, users_template_xlsx
from accounts.models import Role, User

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(*rows, header=HEADER) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


GOOD = [
    ("Đỗ Văn Nam", "truong.yenso", "nam@example.gov.vn", "HM-W-YENSO", "Thủ trưởng đơn vị"),
    ("Hoàng Văn Tú", "canbo.yenso", "", "HM-W-YENSO", "unit_staff"),
    ("Trần Văn Minh", "hoidong2", None, "HM", "THÀNH VIÊN HỘI ĐỒNG THẨM ĐỊNH"),
]


def test_every_row_becomes_an_account_with_a_one_time_password(secretariat, other_ward):
    issued = users_import_xlsx(file=workbook(*GOOD), by=secretariat)

    assert [(i.user.username, i.user.role, i.user.unit.code) for i in issued] == [
        ("truong.yenso", Role.UNIT_HEAD, "HM-W-YENSO"), ("canbo.yenso", Role.UNIT_STAFF, "HM-W-YENSO"),
        ("hoidong2", Role.COUNCIL_MEMBER, "HM")]
    head = User.objects.get(username="truong.yenso")
    assert head.check_password(issued[0].password) and head.must_change_password
    assert (head.display_name, head.email) == ("Đỗ Văn Nam", "nam@example.gov.vn")
    assert head.history.get().history_user == secretariat


def test_a_list_with_errors_creates_nobody_and_names_every_row(secretariat, other_ward, ward_staff):
    rows = [
        GOOD[0],
        ("Vũ Thị Mai", "canbo.mai", "mai@@example", "HM-W-KHONGCO", "Cán bộ đơn vị"),
        ("Lê Quang Huy", "alice", "", "HM-W-YENSO", "Giám đốc"),
        ("Đỗ Văn Nam", "TRUONG.YENSO", "", "HM-W-YENSO", "unit_head"),
        (None, None, None, None, None),
        ("Quản Trị", "quantri", "", "", "admin"),
    ]
    with pytest.raises(ImportRejected) as rejected:
        users_import_xlsx(file=workbook(*rows), by=secretariat)

    assert str(rejected.value) == "Danh sách có 6 lỗi, chưa tạo tài khoản nào"
    assert rejected.value.rows == [
        "Dòng 3: Email “mai@@example” không hợp lệ.",
        "Dòng 3: Mã đơn vị “HM-W-KHONGCO” không có.",
        "Dòng 4: Tên đăng nhập “alice” đã có.",
        "Dòng 4: Vai trò “Giám đốc” không có (ghi tên vai trò, ví dụ “Cán bộ đơn vị”, hoặc mã, ví dụ unit_staff).",
        "Dòng 5: Tên đăng nhập “TRUONG.YENSO” đã có ở dòng 2.",
        "Dòng 7: Không được cấp vai trò “Quản trị hệ thống” ở đây.",
    ]
    assert not User.objects.filter(username__in=["truong.yenso", "canbo.mai", "quantri"]).exists()


def test_a_value_longer_than_its_column_is_refused_naming_the_row(secretariat, other_ward):
    # Found by the property tests (tests/properties/): the database refused it with an error page.
    rows = [("Nguyễn " * 30 + "Hà", "u" * 151, "a" * 250 + "@x.vn", "HM-W-YENSO", "unit_staff")]
    with pytest.raises(ImportRejected) as rejected:
        users_import_xlsx(file=workbook(*rows), by=secretariat)

    assert rejected.value.rows == [
        "Dòng 2: “Họ và tên” dài 212 ký tự; tối đa 150 ký tự.",
        "Dòng 2: “Tên đăng nhập” dài 151 ký tự; tối đa 150 ký tự.",
        "Dòng 2: “Email” dài 255 ký tự; tối đa 254 ký tự.",
    ]
    assert not User.objects.filter(unit=other_ward).exists()


def test_a_sheet_without_the_header_or_rows_is_refused(secretariat):
    with pytest.raises(ImportRejected) as rejected:
        users_import_xlsx(file=workbook(GOOD[0], header=("Họ tên", "Tài khoản")), by=secretariat)
    assert rejected.value.rows == [
        "Không tìm thấy dòng tiêu đề có đủ các cột: Họ và tên, Tên đăng nhập, Email, Mã đơn vị, Vai trò."]
    with pytest.raises(ImportRejected) as rejected:
        users_import_xlsx(file=workbook(), by=secretariat)
    assert rejected.value.rows == ["Tệp không có dòng tài khoản nào."]
    with pytest.raises(ImportRejected) as rejected:
        users_import_xlsx(file=io.BytesIO(b"not a workbook"), by=secretariat)
    assert rejected.value.rows == ["Tệp không phải Excel (.xlsx) hợp lệ."]


def test_the_secretariat_is_read_under_its_label_and_as_each_office_names_it(secretariat):
    # "Thường trực Phòng Nội vụ" was the only label before cities were named after their Sở Nội vụ: lists
    # written then still import.
    rows = [("Nguyễn Văn An", "noivu1", "", "HM", "Thường trực Phòng Nội vụ"),
            ("Trần Thị Bình", "noivu2", "", "HM", "thường trực  sở nội vụ"),
            ("Lê Văn Cường", "noivu3", "", "HM", "Thường trực cơ quan Nội vụ")]
    issued = users_import_xlsx(file=workbook(*rows), by=secretariat)
    assert [(i.user.username, i.user.role) for i in issued] == [
        ("noivu1", Role.SECRETARIAT), ("noivu2", Role.SECRETARIAT), ("noivu3", Role.SECRETARIAT)]


def test_the_template_reads_back_as_a_valid_list(secretariat, other_ward):
    book = load_workbook(io.BytesIO(users_template_xlsx()))
    assert [cell.value for cell in book.active[1]] == list(HEADER)

    [issued] = users_import_xlsx(file=io.BytesIO(users_template_xlsx()), by=secretariat)
    assert (issued.user.username, issued.user.role) == ("canbo.yenso", Role.UNIT_STAFF)


# -- the page -----------------------------------------------------------------------------------


# The page's list is created by a background job: tests/operations/test_accounts_import_job.py.


def test_the_import_page_asks_for_a_file(client_for, secretariat):
    response = client_for(secretariat).post("/tai-khoan/nhap-excel/", {})
    assert response.context["form"].errors == {"file": ["Chọn tệp Excel (.xlsx) để nhập."]}


def test_the_template_downloads(client_for, secretariat):
    response = client_for(secretariat).get("/tai-khoan/nhap-excel/mau.xlsx")
    assert response["Content-Type"] == XLSX
    assert load_workbook(io.BytesIO(response.content)).active["B1"].value == "Tên đăng nhập"
