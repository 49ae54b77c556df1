"""Acceptance: a ward's officer opens the what-if page from its results, types a hypothetical score and sees
the new rank without the page reloading; then asks which criteria reach rank 1."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role
from organizations.models import Unit, UnitKind
from support import score_at_max_except

pytestmark = pytest.mark.browser


@pytest.fixture
def ranked(ward_assessment, make_user):
    """Hoàng Liệt loses 1.7.1 and 1.7.2 (66 of 70, 2nd); Yên Sở loses 1.7.1 only (68 of 70, 1st)."""
    other = Unit.objects.create(code="HM-W-YENSO", name="Phường Yên Sở", kind=UnitKind.WARD,
                                parent=ward_assessment.unit.parent, framework_family="hoangmai-phuong")
    staff = make_user("alice", Role.UNIT_STAFF, ward_assessment.unit, first_name="Alice")
    score_at_max_except(ward_assessment, by=staff, scores={"1.7.1": "0", "1.7.2": "0"})
    score_at_max_except(ward_assessment.period.assessments.create(unit=other), by=staff, scores={"1.7.1": "0"})
    return ward_assessment


def test_a_ward_tries_full_marks_on_a_criterion_and_sees_its_new_rank(page, live_server, login, ranked):
    login(page, live_server, "alice")
    page.goto(f"{live_server.url}/bao-cao/ho-so/{ranked.pk}/")
    page.get_by_test_id("what-if-link").click()
    expect(page.get_by_test_id("current-rank")).to_have_text("2/2")
    expect(page.get_by_test_id("current-index")).to_have_text("94,29%")

    page.get_by_label("Điểm giả định của tiêu chí 1.7.1").fill("max")
    page.get_by_role("button", name="Tính thử").click()

    expect(page.get_by_test_id("what-if-rank")).to_have_text("1/2")
    expect(page.get_by_test_id("what-if-index")).to_have_text("97,14%")
    expect(page).to_have_url(f"{live_server.url}/bao-cao/ho-so/{ranked.pk}/gia-dinh/")  # swapped in place
    expect(page.get_by_test_id("current-rank")).to_have_text("2/2")

    page.get_by_test_id("target-rank").fill("1")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_test_id("path-answer")).to_contain_text("Nâng 1 tiêu chí lên điểm tối đa (cộng 2 điểm)")
    expect(page.get_by_test_id("path-criteria")).to_contain_text("1.7.1")
