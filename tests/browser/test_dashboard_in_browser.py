"""Acceptance: leadership opens the results dashboard in Chromium and sees the ranking and its charts."""
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role, User
from appraisal.services import appraisal_finish, reappraisal_publish
from assessments import actions
from assessments.models import SelfScore
from assessments.results import results_refresh
from assessments.services import period_open
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

from support import publish_period

pytestmark = pytest.mark.browser


@pytest.fixture
def period(make_user, transactional_db):
    """Yên Sở scores full marks on every leaf, Hoàng Liệt on area 1 only."""
    district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT)
    for code, name in (("HM-W-HOANGLIET", "Phường Hoàng Liệt"), ("HM-W-YENSO", "Phường Yên Sở")):
        Unit.objects.create(code=code, name=name, kind=UnitKind.WARD, parent=district, framework_family="hoangmai-phuong")
    make_user("leo", Role.LEADERSHIP, district, first_name="Leo")
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    framework = Framework.objects.get(key="hoangmai-phuong-2024")
    period = period_open(framework=framework, year=2024, by=make_user("bob", Role.SECRETARIAT, district))
    leaves = [n for n in framework.nodes.all() if not n.children.exists()]
    for assessment in period.assessments.select_related("unit"):
        only_area_1 = assessment.unit.code == "HM-W-HOANGLIET"
        SelfScore.objects.bulk_create(
            SelfScore(assessment=assessment, node=node,
                      value=node.max_points if not only_area_1 or node.code.startswith("1.") else Decimal(0))
            for node in leaves
        )
    results_refresh(list(period.assessments.all()))
    return period


def test_leadership_sees_the_ranking_and_the_charts(page, live_server, login, period):
    login(page, live_server, "leo")
    page.get_by_role("navigation").get_by_role("link", name="Kết quả").click()
    page.get_by_role("link", name="Kết quả năm 2024").click()

    rows = page.locator("table.ranking tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("1")
    expect(rows.nth(0)).to_contain_text("Phường Yên Sở")
    expect(rows.nth(0)).to_contain_text("100,00")
    expect(rows.nth(1)).to_contain_text("Phường Hoàng Liệt")
    expect(rows.nth(1)).to_contain_text("28,57")  # area 1: 20 of 70 points
    expect(rows.nth(1)).to_contain_text("Tạm tính")
    # Chart.js is served by the project itself and draws every chart (its deferred scripts run once the page is parsed).
    page.wait_for_load_state()
    assert page.evaluate("typeof window.Chart") == "function"
    canvases = page.locator("canvas[data-chart]").all()
    assert len(canvases) == 2  # distribution and lost criteria; no previous year to compare with
    for canvas in canvases:
        assert page.evaluate("(c) => window.Chart.getChart(c) !== undefined", canvas.element_handle())


def test_a_phuc_tra_shows_its_round_date_and_reason_on_the_dashboard_and_the_unit_report(page, live_server, login,
                                                                                         period):
    # Given the period published, then Hoàng Liệt re-appraised and republished
    secretariat = User.objects.get(username="bob")
    publish_period(period, by=secretariat)
    hoang_liet = period.assessments.get(unit__code="HM-W-HOANGLIET")
    actions.assessment_reappraise(assessment=hoang_liet, by=secretariat, reason="Đơn vị khiếu nại")
    appraisal_finish(assessment=hoang_liet, by=secretariat)
    reappraisal_publish(assessment=hoang_liet, by=secretariat, reason="Đơn vị khiếu nại mục 1.1.2")
    phuc_tra = f"Phúc tra lần 1, ngày {timezone.localdate():%d/%m/%Y}, lý do: Đơn vị khiếu nại mục 1.1.2"

    # When leadership reads the dashboard, then the unit's report
    login(page, live_server, "leo")
    page.goto(f"{live_server.url}/ket-qua/{period.pk}/")
    rows = page.locator("table.ranking tbody tr")
    expect(rows.nth(1)).to_contain_text(phuc_tra)
    expect(rows.nth(0).get_by_test_id("republication")).to_have_count(0)
    rows.nth(1).get_by_role("link", name="Phường Hoàng Liệt").click()

    # Then both say which phúc tra the figure comes from
    expect(page.get_by_test_id("republication")).to_have_text(phuc_tra)
