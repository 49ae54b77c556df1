"""Acceptance: a council member adjusts a score with a reason and asks for an explanation, the unit
answers, the secretariat finishes the appraisal and publishes the period — all in Chromium."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role
from appraisal.models import Assignment
from appraisal.services import council_member_add
from assessments import actions
from assessments.services import period_open, self_score_save
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind
from support import submit_completed

pytestmark = pytest.mark.browser


@pytest.fixture
def people(make_user, transactional_db):
    district = Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT)
    ward = Unit.objects.create(code="HM-W-HOANGLIET", name="Phường Hoàng Liệt", kind=UnitKind.WARD,
                               parent=district, framework_family="hoangmai-phuong")
    return {
        "staff": make_user("alice", Role.UNIT_STAFF, ward, first_name="Alice"),
        "head": make_user("hana", Role.UNIT_HEAD, ward, first_name="Hana"),
        "secretariat": make_user("bob", Role.SECRETARIAT, district, first_name="Bob"),
        "member": make_user("carol", Role.COUNCIL_MEMBER, district, first_name="Carol"),
    }


@pytest.fixture
def assessment(people):
    """Hoàng Liệt scored 1.1.1 = 0,5 (the rest 0), submitted; the appraisal has started; Carol reviews 1.1.1."""
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    framework = Framework.objects.get(key="hoangmai-phuong-2024")
    period = period_open(framework=framework, year=2024, by=people["secretariat"])
    assessment = period.assessments.get()
    node = framework.nodes.get(code="1.1.1")
    self_score_save(assessment=assessment, node=node, by=people["staff"], expected_version=None, value="0,5")
    submit_completed(assessment=assessment, by=people["head"])
    actions.assessment_start_appraisal(assessment=assessment, by=people["secretariat"])
    Assignment.objects.create(member=council_member_add(period=period, user=people["member"]), node=node)
    return assessment


def switch_user(page, live_server, login, username):
    if page.url.startswith(live_server.url):
        page.get_by_role("button", name="Đăng xuất").click()
    login(page, live_server, username)


def test_adjust_explain_answer_and_publish(page, live_server, login, assessment, tmp_path):
    url = f"{live_server.url}/tham-dinh/{assessment.pk}/"
    row = page.locator('[id="row-1.1.1"]')
    status = page.locator('[data-testid="status"]')

    # The council member adjusts 1.1.1 with a reason, then asks the ward to explain it.
    switch_user(page, live_server, login, "carol")
    page.goto(url)
    expect(page.locator(".appraise-form")).to_have_count(1)  # only the assigned criterion
    row.get_by_label("Điểm thẩm định 1.1.1").fill("0,25")
    row.get_by_label("Lý do điều chỉnh 1.1.1").fill("Kế hoạch ban hành chậm")
    row.get_by_role("button", name="Lưu").click()
    expect(row.get_by_role("status")).to_have_text("Đã lưu điểm thẩm định tiêu chí 1.1.1.")  # swapped in by htmx
    expect(page.locator('[data-testid="appraised-total"]')).to_have_text("0,25")
    row.get_by_label("Chọn để đề nghị giải trình 1.1.1").check()
    page.get_by_label("Nội dung đề nghị giải trình").fill("Gửi bản kế hoạch có chữ ký và ngày ban hành")
    page.locator('button[data-action="request_explanation"]').click()
    expect(status).to_have_text("Đề nghị giải trình")

    # The ward is sent to the questions from its file, where the only "Gửi giải trình" button is.
    switch_user(page, live_server, login, "alice")
    page.goto(f"{live_server.url}/danh-gia/{assessment.pk}/")
    expect(page.locator('button[data-action="answer_explanation"]')).to_have_count(0)
    page.get_by_role("link", name="Xem đề nghị và trả lời tại trang Thẩm định, giải trình").click()
    expect(row).to_contain_text("Gửi bản kế hoạch có chữ ký")
    expect(page.locator('[data-testid="open-questions"]')).to_contain_text("1.1.1")
    # It answers on the criterion with the signed plan attached, then sends its answers back.
    signed = tmp_path / "ke-hoach-da-ky.pdf"
    signed.write_bytes(b"%PDF-1.4\n%%EOF\n")
    row.get_by_label("Giải trình 1.1.1").fill("Kế hoạch số 12/KH-UBND ngày 15/01/2024, đính kèm")
    row.get_by_label("Tài liệu bổ sung 1.1.1").set_input_files(signed)
    row.get_by_role("button", name="Lưu giải trình").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu giải trình tiêu chí 1.1.1.")
    expect(row.get_by_role("link", name="ke-hoach-da-ky.pdf")).to_be_visible()
    expect(page.locator('[data-testid="open-questions"]')).to_have_count(0)
    page.locator('button[data-action="answer_explanation"]').click()
    expect(status).to_have_text("Đang thẩm định")

    # The member who asked is told.
    switch_user(page, live_server, login, "carol")
    expect(page.locator('[data-testid="unread"]')).to_have_text("1")
    page.goto(f"{live_server.url}/thong-bao/")
    expect(page.locator("main")).to_contain_text("Phường Hoàng Liệt đã gửi giải trình hoangmai-phuong-2024/2024.")

    # The secretariat finishes the appraisal and publishes the period.
    switch_user(page, live_server, login, "bob")
    page.goto(url)
    expect(row).to_contain_text("Kế hoạch số 12/KH-UBND")
    finish = page.locator('details[data-confirm="finish_appraisal"]')
    expect(finish.locator('button[data-action="finish_appraisal"]')).to_be_hidden()  # asked again first
    finish.locator("summary").click()
    expect(finish.locator('[data-testid="summary-scored"]')).to_have_text("67/67 tiêu chí")
    expect(finish.locator('[data-testid="summary-missing-evidence"]')).to_have_text("không có")  # sent with the answer
    expect(finish.locator('[data-testid="summary-total"]')).to_have_text("0,25 / 70")
    finish.get_by_role("button", name="Xác nhận: Kết thúc thẩm định").click()
    expect(status).to_have_text("Đã thẩm định")
    page.goto(f"{live_server.url}/tham-dinh/ky/{assessment.period_id}/")
    publish = page.locator('details[data-confirm="publish"]')
    publish.locator("summary").click()
    expect(publish.locator("tbody td")).to_have_text(["Phường Hoàng Liệt", "Đã thẩm định", "67/67", "—", "0,25 / 70"])
    publish.get_by_role("button", name="Xác nhận: Công bố kết quả cả kỳ").click()
    expect(page.locator(".messages")).to_contain_text("Đã công bố kết quả Chỉ số CCHC năm 2024 — UBND các phường.")
    expect(page.locator("tbody .status")).to_have_text("Đã công bố")
