"""Logging in through the real login page in Chromium."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role
from support import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(make_user):
    return make_user("alice", Role.UNIT_STAFF, first_name="Alice")


def test_a_wrong_password_shows_the_vietnamese_error(page, live_server, officer):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "sai-mat-khau")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("p.error[role=alert]")).to_have_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    expect(page.locator("#id_username")).to_have_value("alice")
    assert page.url == f"{live_server.url}/dang-nhap/"


def test_the_right_password_lands_on_the_home_page(page, live_server, officer, login):
    login(page, live_server, "alice", PASSWORD)
    expect(page.locator("h1")).to_have_text("Xin chào, Alice")
    expect(page.locator("header .who")).to_contain_text("Cán bộ đơn vị")
