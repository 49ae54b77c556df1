"""Acceptance: while the file is editable, a unit officer replaces and deletes evidence in Chromium."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from accounts.models import Role
from assessments.services import evidence_add, period_open
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def assessment(transactional_db, make_user):
    city = Unit.objects.create(code="HN", name="Thành phố Hà Nội", kind=UnitKind.CITY)
    district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT, parent=city)
    ward = Unit.objects.create(code="HM-W-HL", name="Phường Hoàng Liệt", kind=UnitKind.WARD, parent=district,
                               framework_family="hoangmai-phuong")
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    period = period_open(framework=Framework.objects.get(key="hoangmai-phuong-2024"), year=2024,
                         by=make_user("bob", Role.SECRETARIAT, district))
    return period.assessments.get(unit=ward)


def test_an_officer_replaces_then_deletes_a_file(page, live_server, login, make_user, assessment, tmp_path):
    officer = make_user("alice", Role.UNIT_STAFF, assessment.unit)
    plan = assessment.period.framework.nodes.get(code="1.1.1")
    evidence = evidence_add(assessment=assessment, by=officer, nodes=[plan],
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    login(page, live_server, "alice")
    page.goto(f"{live_server.url}/danh-gia/{assessment.pk}/")
    item = page.locator(f'[data-testid="evidence-{evidence.pk}"]')
    expect(item).to_contain_text("ke-hoach.pdf")

    signed = tmp_path / "ke-hoach-da-ky.pdf"
    signed.write_bytes(PDF)
    item.locator('input[type="file"]').set_input_files(signed)
    item.get_by_role("button", name="Thay tệp").click()
    expect(page.locator(".messages")).to_contain_text("Đã thay tệp của tài liệu “ke-hoach-da-ky.pdf”.")
    with page.expect_download() as download:
        item.get_by_role("link", name="ke-hoach-da-ky.pdf").click()
    assert download.value.suggested_filename == "ke-hoach-da-ky.pdf"

    item.get_by_role("button", name="Xóa tài liệu ke-hoach-da-ky.pdf").click()
    expect(page.locator(".messages")).to_contain_text("Đã xóa tài liệu “ke-hoach-da-ky.pdf”.")
    expect(item).to_have_count(0)
