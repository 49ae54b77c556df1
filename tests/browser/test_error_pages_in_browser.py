"""Acceptance: a wrong address and a stale form each show a Vietnamese page in Chromium."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role

pytestmark = pytest.mark.browser


def test_a_wrong_address_shows_the_vietnamese_404_with_a_way_home(page, live_server, login, make_user):
    make_user("alice", Role.UNIT_STAFF)
    login(page, live_server, "alice")

    response = page.goto(f"{live_server.url}/khong-co-trang-nay/")

    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Không tìm thấy trang")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()  # still inside the site
    page.get_by_role("link", name="Về trang chủ").click()
    expect(page.locator("h1")).to_contain_text("Xin chào")


def test_a_form_sent_after_its_cookie_is_gone_shows_the_vietnamese_csrf_page(page, live_server, make_user):
    make_user("alice", Role.UNIT_STAFF)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.context.clear_cookies()  # as when the session and its token have expired in another tab

    page.fill("#id_username", "alice")
    page.fill("#id_password", "sai")
    page.locator("main form").get_by_role("button", name="Đăng nhập").click()

    expect(page.locator("h1")).to_have_text("Phiên làm việc đã hết hạn")
    expect(page.locator("main")).to_contain_text("Hãy tải lại trang")
    expect(page.locator("body")).not_to_contain_text("CSRF")
