"""Acceptance: the head of Hoàng Liệt gives area 1.1 to its economy division in Chromium; the division
scores 1.1.1 (and cannot touch 2.1); the head then sees who did it and marks it reviewed."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role

pytestmark = pytest.mark.browser


def leaf(page, code):
    return page.locator(f'[id="node-{code}"]')


def test_the_head_assigns_and_the_contributor_scores(page, live_server, login, make_user, ward_assessment):
    assessment = ward_assessment
    make_user("hana", Role.UNIT_HEAD, assessment.unit, first_name="Hana")
    contributor = make_user("kinhte", Role.CONTRIBUTOR, assessment.unit, first_name="Kinh")
    contributor.division = "Bộ phận Kinh tế"
    contributor.save(update_fields=["division"])
    entry = f"{live_server.url}/danh-gia/{assessment.pk}/"

    login(page, live_server, "hana")
    page.goto(entry)
    page.get_by_role("link", name="Phân công tiêu chí cho các bộ phận").click()
    card = page.locator('[data-testid="assign-kinhte"]')
    card.get_by_label("Lĩnh vực, tiêu chí").select_option("1.1")
    card.get_by_role("button", name="Phân công", exact=True).click()
    expect(page.locator('[data-testid="progress-kinhte"]')).to_contain_text("0/3")

    page.context.clear_cookies()
    login(page, live_server, "kinhte")
    page.goto(entry)
    expect(leaf(page, "2.1").locator("form.score-form")).to_have_count(0)
    expect(page.locator("form.score-form")).to_have_count(3)
    leaf(page, "1.1.1").locator('input[name="value"]').fill("0,5")
    leaf(page, "1.1.1").get_by_role("button", name="Lưu").click()
    expect(leaf(page, "1.1.1").get_by_role("status")).to_have_text("Đã lưu.")
    expect(page.locator("#totals")).to_contain_text("0,5")
    expect(page.get_by_role("button", name="Nộp kết quả tự đánh giá")).to_have_count(0)

    page.context.clear_cookies()
    login(page, live_server, "hana")
    page.goto(entry)
    expect(page.locator('[data-testid="contributor-1.1.1"]')).to_have_text("Kinh (Bộ phận Kinh tế)")
    expect(leaf(page, "1.1.1")).to_contain_text("Lưu lần cuối: Kinh")
    expect(page.locator('[data-testid="progress-kinhte"]')).to_contain_text("1/3")
    leaf(page, "1.1.1").get_by_role("button", name="Đánh dấu đã xem xét").click()
    expect(page.locator('[data-testid="reviewed-1.1.1"]')).to_have_text("Đã xem xét (Hana)")
