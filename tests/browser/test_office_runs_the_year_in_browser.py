"""Acceptance: the Nội vụ office follows a period in Chromium: it reminds the units that have not
submitted, submits a paper file for a ward with a reason, leaves a merged ward out, and the progress
overview shows each change."""
import pytest
from playwright.sync_api import expect

from accounts.models import Notification, Role, User
from assessments.models import Assessment, StatusChange
from assessments.services import period_open
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

from support import score_remaining_leaves

pytestmark = pytest.mark.browser


@pytest.fixture
def period(make_user, transactional_db):
    district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT)
    for code, name in (("HM-W-HOANGLIET", "Phường Hoàng Liệt"), ("HM-W-YENSO", "Phường Yên Sở"),
                       ("HM-W-TRANPHU", "Phường Trần Phú")):
        ward = Unit.objects.create(code=code, name=name, kind=UnitKind.WARD, parent=district,
                                   framework_family="hoangmai-phuong")
        make_user(f"canbo.{code[5:].lower()}", Role.UNIT_STAFF, ward)
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    office = make_user("bob", Role.SECRETARIAT, district, first_name="Bob")
    return period_open(framework=Framework.objects.get(key="hoangmai-phuong-2024"), year=2024, by=office)


def unit_row(page, code):
    return page.locator(f"table.progress tr[data-unit='{code}']")


def test_the_office_follows_the_year_on_the_progress_overview(page, live_server, login, period):
    login(page, live_server, "bob")
    # The office's home starts from the periods' progress
    page.locator("#progress a").first.click()
    expect(page.locator("h1")).to_contain_text("Tiến độ tự đánh giá")
    expect(page.locator("table.progress tbody tr")).to_have_count(3)
    expect(unit_row(page, "HM-W-YENSO")).to_contain_text("Đang tự đánh giá")

    # It reminds the three wards that have not submitted
    page.get_by_role("button", name="Gửi lời nhắc tới các đơn vị chưa nộp").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi lời nhắc tới 3 đơn vị chưa nộp.")
    assert Notification.objects.filter(recipient__username="canbo.yenso", message__startswith="Nhắc").count() == 1

    # It submits Yên Sở's paper file for it (typed in already), with a reason
    score_remaining_leaves(Assessment.objects.get(unit__code="HM-W-YENSO"), by=User.objects.get(username="bob"))
    yen_so = unit_row(page, "HM-W-YENSO")
    yen_so.locator("summary").click()
    yen_so.get_by_label("Lý do nộp thay").fill("Đơn vị gửi hồ sơ giấy ngày 20/11/2024")
    yen_so.get_by_role("button", name="Nộp thay đơn vị").click()
    expect(unit_row(page, "HM-W-YENSO")).to_contain_text("Đã nộp")
    step = StatusChange.objects.get(assessment__unit__code="HM-W-YENSO")
    assert (step.by.username, step.reason) == ("bob", "Đơn vị gửi hồ sơ giấy ngày 20/11/2024")

    # It leaves the merged Trần Phú out; the overview shows it apart
    tran_phu = unit_row(page, "HM-W-TRANPHU")
    tran_phu.locator("summary").click()
    tran_phu.get_by_label("Lý do không tham gia").fill("Sáp nhập vào phường Hoàng Liệt")
    tran_phu.get_by_role("button", name="Không tham gia kỳ này").click()
    expect(unit_row(page, "HM-W-TRANPHU")).to_contain_text("Không tham gia")
    expect(unit_row(page, "HM-W-TRANPHU")).to_contain_text("Sáp nhập vào phường Hoàng Liệt")
    assert Assessment.objects.get(unit__code="HM-W-TRANPHU").excluded

    # Filtered by status, only the submitted file is left
    page.get_by_label("Trạng thái").select_option(label="Đã nộp")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("table.progress tbody tr")).to_have_count(1)
    expect(page.locator("table.progress tbody")).to_contain_text("Phường Yên Sở")

    # It starts the appraisal of every submitted file at once, after a confirmation
    page.get_by_role("button", name="Bắt đầu thẩm định 1 hồ sơ đã nộp").click()
    page.get_by_role("button", name="Xác nhận: bắt đầu thẩm định").click()
    expect(page.locator(".messages")).to_contain_text("Đã bắt đầu thẩm định 1 hồ sơ đã nộp.")
    expect(unit_row(page, "HM-W-YENSO")).to_contain_text("Đang thẩm định")
    expect(unit_row(page, "HM-W-HOANGLIET")).to_contain_text("Đang tự đánh giá")


def test_the_office_assigns_a_whole_area_to_a_council_member(page, live_server, login, period, make_user):
    from appraisal.models import Assignment
    from appraisal.services import council_member_add

    justice = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind=UnitKind.DEPARTMENT,
                                  parent=Unit.objects.get(code="HM"))
    council_member_add(period=period, user=make_user("carol", Role.COUNCIL_MEMBER, justice, first_name="Carol"))
    login(page, live_server, "bob")
    page.goto(f"{live_server.url}/tham-dinh/ky/{period.pk}/")
    seat = page.locator("li[data-seat='carol']")
    seat.get_by_label("Lĩnh vực, tiêu chí").select_option(value="2")
    seat.get_by_role("button", name="Phân công", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Đã phân công 4 tiêu chí cho Carol.")
    expect(page.locator("li[data-seat='carol']")).to_contain_text("4 tiêu chí được phân công")
    assert set(Assignment.objects.values_list("node__code", flat=True)) == {"2.1", "2.2", "2.3", "2.4"}


def test_the_office_sets_a_criterions_office_and_default_assignment_follows_it(page, live_server, login, period,
                                                                              make_user):
    from appraisal.models import Assignment
    from appraisal.services import council_member_add
    from frameworks.models import Node

    justice = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind=UnitKind.DEPARTMENT,
                                  parent=Unit.objects.get(code="HM"))
    council_member_add(period=period, user=make_user("carol", Role.COUNCIL_MEMBER, justice, first_name="Carol"))
    login(page, live_server, "bob")
    # From the framework's page, the office opens the responsible offices and names the Justice office for 2.3
    page.goto(f"{live_server.url}/bo-chi-so/hoangmai-phuong-2024/")
    page.get_by_role("link", name="Sửa đơn vị phụ trách").click()
    page.get_by_label("Đơn vị phụ trách tiêu chí 2.3", exact=True).fill("Phòng Tư pháp")
    page.get_by_role("button", name="Lưu đơn vị phụ trách").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu đơn vị phụ trách của 1 tiêu chí.")
    assert Node.objects.get(framework=period.framework, code="2.3").responsible_offices == ["Phòng Tư pháp"]

    # On the period page, the default assignment now gives 2.3 to Carol
    page.goto(f"{live_server.url}/tham-dinh/ky/{period.pk}/")
    page.get_by_role("button", name="Phân công theo đơn vị phụ trách").click()
    expect(page.locator(".messages")).to_contain_text("Đã phân công 1 tiêu chí theo đơn vị phụ trách.")
    expect(page.locator("li[data-seat='carol']")).to_contain_text("1 tiêu chí được phân công")
    assert list(Assignment.objects.values_list("member__user__username", "node__code")) == [("carol", "2.3")]
