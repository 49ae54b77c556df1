"""Acceptance: an office account enrols its authenticator app in Chromium, under the Content-Security-Policy,
and proves a code at its next sign-in."""
import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.models import Role
from support import PASSWORD

pytestmark = pytest.mark.browser


def code_now(device):
    device.refresh_from_db()
    return f"{TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits).token():06d}"


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form").get_by_role("button", name="Đăng nhập").click()


def test_the_office_enrols_its_app_and_then_proves_a_code_at_sign_in(page, live_server, make_user, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = frozenset({"secretariat"})
    bob = make_user("bob", Role.SECRETARIAT)
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)

    sign_in(page, live_server, "bob")
    expect(page.locator("h1")).to_have_text("Bật xác thực hai bước")
    expect(page.get_by_test_id("qr").locator("svg path")).to_have_count(1)
    device = TOTPDevice.objects.get(user=bob)
    page.get_by_label("Mã xác thực").fill(code_now(device))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    page.get_by_role("link", name="Đã lưu, tiếp tục").click()
    expect(page.locator("h1")).to_contain_text("Xin chào")

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, live_server, "bob")
    expect(page.locator("h1")).to_have_text("Xác thực hai bước")
    device.last_t = -1  # enrolment used this time step's code a moment ago
    device.save(update_fields=["last_t"])
    page.get_by_label("Mã xác thực").fill(code_now(device))
    page.get_by_role("button", name="Xác thực").click()
    expect(page.locator("h1")).to_contain_text("Xin chào")
    assert refused == []
