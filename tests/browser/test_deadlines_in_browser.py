"""Acceptance: the unit sees its deadline and the days left, a passed deadline is said at once, and a
reopening shows the new date — on the file and on the unit's home, in Chromium."""
import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role, User
from assessments.services import assessment_reopen

pytestmark = pytest.mark.browser
DAY = datetime.timedelta(days=1)


def test_a_passed_deadline_then_a_reopening(page, live_server, login, make_user, ward_assessment):
    make_user("alice", Role.UNIT_STAFF, ward_assessment.unit)
    today = timezone.localdate()
    period = ward_assessment.period
    period.self_assessment_deadline, period.appraisal_deadline = today + 6 * DAY, today + 30 * DAY
    period.save(update_fields=["self_assessment_deadline", "appraisal_deadline"])

    # Before the deadline, the home page and the file count the days left
    login(page, live_server, "alice")
    expect(page.locator("#work")).to_contain_text(f"Hạn tự đánh giá: {today + 6 * DAY:%d/%m/%Y} · còn 6 ngày")
    page.goto(f"{live_server.url}/danh-gia/{ward_assessment.pk}/")
    expect(page.locator('[data-testid="deadline"]').first).to_have_text(
        f"Hạn tự đánh giá: {today + 6 * DAY:%d/%m/%Y} · còn 6 ngày")
    expect(page.locator('[data-testid="deadline"]').nth(1)).to_have_text(f"Hạn thẩm định: {today + 30 * DAY:%d/%m/%Y}")

    # Once it has passed, the page says so on opening, not only when a form is posted
    period.self_assessment_deadline = today - DAY
    period.save(update_fields=["self_assessment_deadline"])
    page.reload()
    expect(page.locator('[data-testid="deadline-passed"]')).to_have_text(
        f"Đã hết hạn tự đánh giá ({today - DAY:%d/%m/%Y}). Liên hệ Phòng Nội vụ để được mở lại.")
    expect(page.locator(".deadline.passed")).to_contain_text("đã quá hạn 1 ngày")
    expect(page.locator(".score-form")).to_have_count(0)

    # After the office reopens the file, the new date shows, with the period's own deadline beside it
    assessment_reopen(assessment=ward_assessment, until=today + 2 * DAY, reason="Bổ sung hồ sơ",
                      by=User.objects.get(username="bob"))
    page.reload()
    expect(page.locator('[data-testid="deadline-passed"]')).to_have_count(0)
    expect(page.locator('[data-testid="deadline"]').first).to_have_text(
        f"Hạn tự đánh giá: {today + 2 * DAY:%d/%m/%Y} (mở lại; hạn chung {today - DAY:%d/%m/%Y}) · còn 2 ngày")
    expect(page.locator(".score-form").first).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page.locator("#work")).to_contain_text(f"Hạn tự đánh giá: {today + 2 * DAY:%d/%m/%Y}")
