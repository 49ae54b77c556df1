"""Acceptance: two district offices in one installation each see only their own periods in Chromium,
and the city's leadership ranks the units of both districts together."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role
from assessments.models import SelfScore
from assessments.results import results_refresh
from assessments.services import period_open
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

pytestmark = pytest.mark.browser


@pytest.fixture
def two_districts(make_user, transactional_db):
    """Hà Nội with Hoàng Mai (Hoàng Liệt scores area 1 in full) and Hà Đông (Phú La scores everything)."""
    city = Unit.objects.create(code="HN", name="Thành phố Hà Nội", kind=UnitKind.CITY)
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    framework = Framework.objects.get(key="hoangmai-phuong-2024")
    periods = {}
    for code, name, ward_code, ward_name, office in (("HM", "Quận Hoàng Mai", "HM-W-HOANGLIET", "Phường Hoàng Liệt", "bob"),
                                                      ("HD", "Quận Hà Đông", "HD-W-PHULA", "Phường Phú La", "dan")):
        district = Unit.objects.create(code=code, name=name, kind=UnitKind.DISTRICT, parent=city)
        Unit.objects.create(code=ward_code, name=ward_name, kind=UnitKind.WARD, parent=district,
                            framework_family="hoangmai-phuong")
        periods[code] = period_open(framework=framework, year=2024, by=make_user(office, Role.SECRETARIAT, district))
    make_user("thanhpho", Role.LEADERSHIP, city)
    leaves = [node for node in framework.nodes.all() if not node.children.exists()]
    for period in periods.values():
        assessment = period.assessments.select_related("unit").get()
        full = assessment.unit.code == "HD-W-PHULA"
        SelfScore.objects.bulk_create(SelfScore(assessment=assessment, node=node, value=node.max_points
                                                if full or node.code.startswith("1.") else 0) for node in leaves)
        results_refresh([assessment])
    return periods


def test_each_district_office_sees_only_its_own_periods(page, live_server, login, two_districts):
    for office, own, other in (("bob", "Quận Hoàng Mai", "HD"), ("dan", "Quận Hà Đông", "HM")):
        login(page, live_server, office)
        page.get_by_role("navigation").get_by_role("link", name="Kỳ đánh giá").click()
        rows = page.locator("main table tbody tr")
        expect(rows).to_have_count(1)
        expect(rows.nth(0)).to_contain_text(own)
        # The other district's period, typed into the address bar, does not even exist for this office.
        response = page.goto(f"{live_server.url}/ky-danh-gia/{two_districts[other].pk}/tien-do/")
        assert response.status == 404
        page.context.clear_cookies()


def test_city_leadership_ranks_both_districts(page, live_server, login, two_districts):
    login(page, live_server, "thanhpho")
    page.get_by_role("navigation").get_by_role("link", name="Kết quả").click()
    expect(page.locator("main table tbody tr")).to_have_count(2)  # one period per district
    page.get_by_role("link", name="Xếp hạng chung các cơ quan tổ chức đánh giá").click()

    rows = page.get_by_test_id("ranking-across").locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Phường Phú La")
    expect(rows.nth(0)).to_contain_text("Quận Hà Đông")
    expect(rows.nth(0)).to_contain_text("100,00")
    expect(rows.nth(1)).to_contain_text("Phường Hoàng Liệt")
    expect(rows.nth(1)).to_contain_text("Quận Hoàng Mai")
    expect(rows.nth(1)).to_contain_text("28,57")  # area 1: 20 of 70 points
