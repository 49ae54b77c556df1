"""Acceptance: an administrator opens a period for the organiser it picks, and the units offered follow the
choice without reloading the page; a district office is offered its own organiser only."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role
from assessments.models import Period
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

pytestmark = pytest.mark.browser


@pytest.fixture
def two_districts(make_user, transactional_db):
    """Hà Nội with Hoàng Mai (two wards, its office bob) and Hà Đông (Phú La), on the ward tree; an administrator."""
    city = Unit.objects.create(code="HN", name="Thành phố Hà Nội", kind=UnitKind.CITY)
    for code, name, wards in (("HM", "Quận Hoàng Mai", [("HM-W-HOANGLIET", "Phường Hoàng Liệt"),
                                                         ("HM-W-YENSO", "Phường Yên Sở")]),
                              ("HD", "Quận Hà Đông", [("HD-W-PHULA", "Phường Phú La")])):
        district = Unit.objects.create(code=code, name=name, kind=UnitKind.DISTRICT, parent=city)
        for ward_code, ward_name in wards:
            Unit.objects.create(code=ward_code, name=ward_name, kind=UnitKind.WARD, parent=district,
                                framework_family="hoangmai-phuong")
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    make_user("bob", Role.SECRETARIAT, Unit.objects.get(code="HM"))
    admin = make_user("quantri", Role.ADMIN)
    admin.is_superuser = admin.is_staff = True
    admin.save(update_fields=["is_superuser", "is_staff"])


def test_the_units_follow_the_organiser_chosen_and_the_period_is_that_organisers(page, live_server, login,
                                                                                 two_districts):
    login(page, live_server, "quantri")
    page.goto(f"{live_server.url}/ky-danh-gia/mo/")
    units = page.locator("#field-units")
    expect(units).to_contain_text("Chọn cơ quan tổ chức đánh giá")

    page.get_by_label("Cơ quan tổ chức đánh giá").select_option(label="Quận Hoàng Mai (HM)")
    expect(units.get_by_role("checkbox")).to_have_count(2)
    page.get_by_label("Cơ quan tổ chức đánh giá").select_option(label="Quận Hà Đông (HD)")
    expect(units.get_by_role("checkbox")).to_have_count(1)
    expect(units).to_contain_text("Phường Phú La (HD-W-PHULA)")
    expect(units).not_to_contain_text("Hoàng Liệt")

    page.get_by_label("Bộ chỉ số").select_option(label="hoangmai-phuong-2024 — Khung Chỉ số cải cách hành chính "
                                                       "áp dụng đối với UBND các phường thuộc quận Hoàng Mai")
    page.get_by_label("Năm đánh giá").fill("2024")
    page.get_by_label("Phường Phú La (HD-W-PHULA)").check()
    page.locator("main form").get_by_role("button", name="Mở kỳ đánh giá").click()

    expect(page.locator("main")).to_contain_text(
        "Đã mở kỳ đánh giá “Chỉ số CCHC năm 2024 — UBND các phường” của Quận Hà Đông cho 1 đơn vị.")
    period = Period.objects.get()
    assert (period.organiser.code, [a.unit.code for a in period.assessments.all()]) == ("HD", ["HD-W-PHULA"])


def test_a_district_office_is_offered_its_own_organiser_only(page, live_server, login, two_districts):
    login(page, live_server, "bob")
    page.goto(f"{live_server.url}/ky-danh-gia/mo/")
    organiser = page.get_by_label("Cơ quan tổ chức đánh giá")
    expect(organiser.locator("option")).to_have_text(["Quận Hoàng Mai (HM)"])
    expect(page.locator("#field-units").get_by_role("checkbox")).to_have_count(2)
