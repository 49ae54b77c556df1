"""Acceptance: a Hoàng Mai department officer scores a conditional criterion by hand, then clears it.

7.1.4 "những phòng chuyên môn không có TTHC thì đạt điểm tuyệt đối": a box, and otherwise a typed score.
"""
import pytest
from playwright.sync_api import expect

from accounts.models import Role
from assessments.services import period_open
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

pytestmark = pytest.mark.browser


@pytest.fixture
def assessment(make_user):
    district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT)
    unit = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind=UnitKind.DEPARTMENT, parent=district,
                               framework_family="hoangmai-phong")
    make_user("canbo.tuphap", Role.UNIT_STAFF, unit)
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phong-2024.json"))
    period = period_open(framework=Framework.objects.get(key="hoangmai-phong-2024"), year=2024,
                         by=make_user("bob", Role.SECRETARIAT, district))
    return period.assessments.get(unit=unit)


def test_a_conditional_criterion_is_typed_by_hand_then_cleared(page, live_server, login, assessment):
    login(page, live_server, "canbo.tuphap")
    page.goto(f"{live_server.url}/danh-gia/{assessment.pk}/")
    row = page.locator('[id="node-7.1.4"]')
    score = page.locator('[data-testid="score-7.1.4"]')
    total = page.locator("#totals strong").first

    page.locator("summary", has_text="Hiện đại hóa hành chính").click()  # open area 7

    # The box left unticked, the officer types 1,5
    expect(row.locator("select")).to_have_count(0)
    row.locator('input[name="value"]').fill("1,5")
    row.get_by_role("button", name="Lưu").click()
    expect(page.locator('[id="node-7.1.4"]').get_by_role("status")).to_have_text("Đã lưu.")
    expect(score).to_have_text("1,5")
    expect(total).to_have_text("1,5")

    # Then empties the field: the score is cleared
    page.locator('[id="node-7.1.4"]').locator('input[name="value"]').fill("")
    page.locator('[id="node-7.1.4"]').get_by_role("button", name="Lưu").click()
    expect(page.locator('[id="node-7.1.4"]').get_by_role("status")).to_have_text("Đã xóa điểm.")
    expect(score).to_have_text("—")
    expect(total).to_have_text("0")
    assert not assessment.self_scores.exists()


def test_a_criterion_for_units_with_procedures_only_is_marked_not_assessed(page, live_server, login, assessment):
    # 7.1.5 "(đối với các đơn vị có TTHC)": Phòng Tư pháp has none and says so.
    login(page, live_server, "canbo.tuphap")
    page.goto(f"{live_server.url}/danh-gia/{assessment.pk}/")
    page.locator("summary", has_text="Hiện đại hóa hành chính").click()  # open area 7
    row = page.locator('[id="node-7.1.5"]')

    # Ticked without a reason: refused, naming "Giải trình"
    row.get_by_label("Không đánh giá").check()
    row.get_by_role("button", name="Lưu").click()
    expect(page.locator('[id="node-7.1.5"]').get_by_role("alert")).to_contain_text("“Giải trình”")

    # With a reason: saved, and the maximum drops by 7.1.5's point
    row = page.locator('[id="node-7.1.5"]')
    row.locator("textarea").fill("Phòng không có thủ tục hành chính")
    row.get_by_role("button", name="Lưu").click()
    expect(page.locator('[id="node-7.1.5"]').get_by_role("status")).to_have_text("Đã lưu.")
    expect(page.locator('[data-testid="score-7.1.5"]')).to_have_text("Không đánh giá")
    expect(page.locator("#totals").first).to_contain_text("0 / 69")
    assert assessment.self_scores.get().not_assessed
