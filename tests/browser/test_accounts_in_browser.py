"""Acceptance: the Nội vụ office creates an account in Chromium, and its owner must change the one-time
password at first login before reaching any page."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role, User
from organizations.models import Unit, UnitKind

pytestmark = pytest.mark.browser


@pytest.fixture
def ward(make_user, transactional_db):
    district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT)
    make_user("bob", Role.SECRETARIAT, district, first_name="Bob")
    return Unit.objects.create(code="HM-W-DINHCONG", name="Phường Định Công", kind=UnitKind.WARD, parent=district)


def test_the_office_creates_an_account_whose_owner_must_change_the_password(page, live_server, login, ward):
    # Given the office signed in, when it creates an officer of Định Công
    login(page, live_server, "bob")
    page.get_by_role("navigation").get_by_role("link", name="Tài khoản").click()
    page.get_by_role("link", name="Tạo tài khoản").click()
    page.get_by_label("Họ và tên").fill("Phạm Thị Lan")
    page.get_by_label("Tên đăng nhập").fill("canbo.dinhcong")
    page.get_by_label("Email").fill("lan@example.gov.vn")
    page.get_by_label("Đơn vị").select_option(label="Phường Định Công")
    page.get_by_label("Vai trò").select_option(label="Cán bộ đơn vị")
    page.locator("main form").get_by_role("button", name="Tạo tài khoản").click()

    # then the one-time password is shown once
    expect(page.locator("h1")).to_have_text("Đã tạo tài khoản")
    password = page.get_by_test_id("password").inner_text()
    assert User.objects.get(username="canbo.dinhcong").check_password(password)
    page.locator("header form").get_by_role("button", name="Đăng xuất").click()

    # When the new officer signs in with it, every page leads to the password change
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "canbo.dinhcong")
    page.fill("#id_password", password)
    page.locator("main form").get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/doi-mat-khau/")
    expect(page.get_by_role("status")).to_contain_text("mật khẩu dùng một lần")
    page.goto(f"{live_server.url}/danh-gia/")
    page.wait_for_url(f"{live_server.url}/doi-mat-khau/")

    # and once changed, the home page opens
    page.fill("#id_old_password", password)
    page.fill("#id_new_password1", "Hoa-Sen-Vang-2024")
    page.fill("#id_new_password2", "Hoa-Sen-Vang-2024")
    page.locator("main form").get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_have_text("Xin chào, Phạm Thị Lan")
    expect(page.locator(".messages")).to_contain_text("Đã đổi mật khẩu.")
    assert not User.objects.get(username="canbo.dinhcong").must_change_password


def test_the_office_imports_a_list_and_downloads_its_passwords_once(page, live_server, login, ward, tmp_path):
    from openpyxl import load_workbook

    from accounts.excel import HEADER
    from support import xlsx_upload

    listed = tmp_path / "ds.xlsx"
    listed.write_bytes(xlsx_upload(HEADER, [("Phạm Thị Lan", "canbo.dinhcong", "", "HM-W-DINHCONG",
                                             "Cán bộ đơn vị")]).getvalue())
    # Given the office signed in, when it sends a list of accounts
    login(page, live_server, "bob")
    page.goto(f"{live_server.url}/tai-khoan/nhap-excel/")
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(listed))
    page.locator("main form").get_by_role("button", name="Nhập").click()

    # then its job page shows the accounts made and offers the passwords' file, once
    expect(page.locator("#job")).to_have_attribute("data-status", "succeeded")
    expect(page.locator("#job")).to_contain_text("Đã tạo 1 tài khoản.")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về mat-khau-dung-mot-lan.xlsx").click()
    with open(download.value.path(), "rb") as file:
        sheet = load_workbook(file).active
    assert User.objects.get(username="canbo.dinhcong").check_password(sheet["D2"].value)

    # and once downloaded, the page says so and the file is gone
    page.reload()
    expect(page.get_by_test_id("downloaded")).to_contain_text("không còn được lưu")
    expect(page.get_by_role("link", name="Tải về mat-khau-dung-mot-lan.xlsx")).to_have_count(0)
