"""Headless Chromium (Debian's, through Playwright's sync API) against Django's live server.

Playwright's sync API keeps an asyncio loop running on the main thread from the moment it starts
until it stops, and Django refuses ORM calls while a loop runs. The relaxation below therefore lives
exactly as long as Playwright, and browser tests are moved after every other test of the run, so no
other test (e.g. ``manage.py check --deploy`` in a subprocess, which rejects the variable with
async.E001) ever sees the loop or the variable.
"""
import os

import pytest
from playwright.sync_api import expect, sync_playwright

from accounts.models import Role, User
from assessments.services import period_open
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind
from support import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
TIMEOUT_MS = 10_000
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"

expect.set_options(timeout=TIMEOUT_MS)  # expect() waits as long as actions do


def pytest_collection_modifyitems(config, items):
    """Run browser tests last (stable order otherwise): Playwright's loop then outlives no other test."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser():
    previous = os.environ.get(ASYNC_UNSAFE)
    # Playwright's sync API runs an asyncio loop on this thread, so Django's async-safety check must be relaxed while it lives.
    os.environ[ASYNC_UNSAFE] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def make_user(transactional_db):
    """Create a user who logs in with the shared test password.

    The live server answers from another thread, so data must be committed: hence transactional_db.
    """
    def make(username, role, unit=None, first_name=""):
        user = User(username=username, role=role, unit=unit, first_name=first_name or username.title())
        user.set_password(PASSWORD)
        user.save()
        return user
    return make


@pytest.fixture
def login():
    """``login(page, live_server, username, password)``: fill the login form and wait for the home page."""
    def log_in(page, live_server, username, password=PASSWORD):
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("main form").get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/")
        expect(page.locator("h1")).to_contain_text("Xin chào")
        return page
    return log_in


@pytest.fixture
def ward_assessment(transactional_db, make_user):
    """Hoàng Liệt's draft in the 2024 ward period, opened by Bob of the secretariat."""
    city = Unit.objects.create(code="HN", name="Thành phố Hà Nội", kind=UnitKind.CITY)
    district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT, parent=city)
    ward = Unit.objects.create(code="HM-W-HL", name="Phường Hoàng Liệt", kind=UnitKind.WARD, parent=district,
                               framework_family="hoangmai-phuong")
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    period = period_open(framework=Framework.objects.get(key="hoangmai-phuong-2024"), year=2024,
                         by=make_user("bob", Role.SECRETARIAT, district))
    return period.assessments.get(unit=ward)
