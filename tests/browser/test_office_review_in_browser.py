"""Acceptance: the office sets up the district offices' assessment on the period page, an office's head on the
council scores the criterion assigned to them, and the dashboard and the unit's result show the part."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role, User
from appraisal.models import Assignment, CouncilRole
from appraisal.services import council_member_add
from assessments import actions

from support import submit_completed

pytestmark = pytest.mark.browser


@pytest.fixture
def appraising(ward_assessment, make_user):
    """Hoàng Liệt submitted (all zeros) and under appraisal; Carol, head of an office, seated with 1.1.3."""
    bob = User.objects.get(username="bob")
    submit_completed(assessment=ward_assessment, by=make_user("hana", Role.UNIT_HEAD, ward_assessment.unit))
    actions.assessment_start_appraisal(assessment=ward_assessment, by=bob)
    carol = make_user("carol", Role.COUNCIL_MEMBER, ward_assessment.unit.parent, first_name="Carol")
    seat = council_member_add(period=ward_assessment.period, user=carol, role=CouncilRole.MEMBER)
    Assignment.objects.create(member=seat, node=ward_assessment.period.framework.nodes.get(code="1.1.3"))
    return ward_assessment


def test_the_office_sets_up_the_part_and_an_office_head_scores_it(page, browser, live_server, login, appraising):
    period = appraising.period
    # The office holds the part: 1.3.2 and 1.1.3 (1,5 points together) in a part of 7
    login(page, live_server, "bob")
    page.goto(f"{live_server.url}/tham-dinh/ky/{period.pk}/")
    part = page.locator("#office-review")
    part.get_by_label("Điểm tối đa").fill("7")
    part.get_by_label("Mã tiêu chí thành phần, cách nhau bằng dấu phẩy").fill("1.3.2, 1.1.3")
    part.get_by_role("button", name="Lưu phần đánh giá của các phòng").click()
    expect(page.get_by_text("Đã thiết lập phần “Đánh giá của các phòng chuyên môn” trên 2 tiêu chí.")).to_be_visible()
    expect(page.get_by_test_id("office-review-part")).to_contain_text("tối đa 7 điểm, trên 2 tiêu chí: 1.1.3, 1.3.2")

    # Carol, on the council, goes from the unit's appraisal page to its offices' assessment
    carol = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh").new_page()
    login(carol, live_server, "carol")
    carol.goto(f"{live_server.url}/tham-dinh/{appraising.pk}/")
    carol.get_by_test_id("office-review-link").click()
    expect(carol.locator("h1")).to_have_text("Đánh giá của các phòng chuyên môn: Phường Hoàng Liệt")
    # Only her criterion takes an input; the self score and the council's figure stand beside it
    expect(carol.locator("input[name=points]")).to_have_count(1)
    row = carol.get_by_test_id("criterion-1.1.3")
    expect(row.locator("td").nth(2)).to_have_text("0")
    row.get_by_label("Điểm của phòng 1.1.3").fill("0,25")
    row.get_by_label("Nhận xét của phòng 1.1.3").fill("Hoàn thành một nửa kế hoạch")
    row.get_by_role("button", name="Lưu").click()
    expect(carol.get_by_text("Đã lưu điểm đánh giá của phòng tiêu chí 1.1.3.")).to_be_visible()
    # 0,25 of 1,5 in a part of 7
    expect(carol.get_by_test_id("part-points")).to_have_text("1,167")
    expect(carol.get_by_test_id("criterion-1.1.3").get_by_test_id("scored-by")).to_contain_text("Carol")

    # The dashboard shows the part in its own column, the unit's result lists it beside the appraisal
    page.goto(f"{live_server.url}/ket-qua/{period.pk}/")
    expect(page.get_by_role("columnheader", name="Đánh giá của các phòng", exact=True)).to_be_visible()
    ranking = page.locator("section[aria-labelledby=xep-hang]")
    expect(ranking.locator("tr").filter(has_text="Phường Hoàng Liệt")).to_contain_text("1,167 / 7")
    page.goto(f"{live_server.url}/bao-cao/ho-so/{appraising.pk}/")
    office_part = page.get_by_test_id("part").nth(1)
    expect(office_part).to_have_text("Đánh giá của các phòng")
    expect(office_part.locator("xpath=following-sibling::dd[1]")).to_have_text("1,167 / 7")
    carol.context.close()
