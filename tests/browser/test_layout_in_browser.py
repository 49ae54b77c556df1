"""Layout seen in Chromium: a flagged criterion stays in line with the others, an evidence's file field has its
button beside it, the period page's PDF button reads as one of the links around it, and an appraisal's reason
can be read as it is typed."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from accounts.models import Role
from assessments.services import evidence_add, self_score_save

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n%%EOF\n"


def test_a_unit_officers_entry_page_keeps_its_rows_and_buttons_in_line(page, live_server, login, make_user,
                                                                        ward_assessment):
    officer = make_user("alice", Role.UNIT_STAFF, ward_assessment.unit)
    nodes = {node.code: node for node in ward_assessment.period.framework.nodes.filter(code__in=["1.1.1", "1.1.2"])}
    # 1.1.1 scored without evidence (flagged), 1.1.2 proved by a document
    self_score_save(assessment=ward_assessment, node=nodes["1.1.1"], by=officer, value="0,5", expected_version=None)
    self_score_save(assessment=ward_assessment, node=nodes["1.1.2"], by=officer, value="0,5", expected_version=None)
    evidence = evidence_add(assessment=ward_assessment, by=officer, nodes=[nodes["1.1.2"]],
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    login(page, live_server, "alice")
    page.goto(f"{live_server.url}/danh-gia/{ward_assessment.pk}/")

    flagged, proved = page.locator("[id='node-1.1.1']"), page.locator("[id='node-1.1.2']")
    expect(flagged).to_have_class("node leaf level-3 flagged")
    assert flagged.locator(".code").bounding_box()["x"] == proved.locator(".code").bounding_box()["x"]

    item = page.locator(f'[data-testid="evidence-{evidence.pk}"]')
    field, button = item.locator('input[type="file"]'), item.get_by_role("button", name="Thay tệp")
    assert field.bounding_box()["y"] == pytest.approx(button.bounding_box()["y"], abs=8)
    assert button.bounding_box()["x"] > field.bounding_box()["x"] + field.bounding_box()["width"] - 1


def test_the_period_pdf_button_is_underlined_like_the_links_beside_it(page, live_server, login, ward_assessment):
    login(page, live_server, "bob")
    page.goto(f"{live_server.url}/tham-dinh/ky/{ward_assessment.period_id}/")
    links = page.locator("div.links")
    pdf = links.get_by_role("button", name="Kết quả Chỉ số CCHC (PDF)")
    expect(pdf).to_have_css("text-decoration-line", "underline")
    excel = links.get_by_role("link", name="Kết quả Chỉ số CCHC (Excel)")
    # " · " between them, as between the links: no form margin added
    assert excel.bounding_box()["x"] - (pdf.bounding_box()["x"] + pdf.bounding_box()["width"]) < 30


def test_an_appraisal_reason_has_a_line_of_its_own_wide_enough_to_read(page, live_server, login, make_user,
                                                                         ward_assessment):
    from assessments.actions import assessment_start_appraisal
    from accounts.models import User
    from support import submit_completed

    submit_completed(assessment=ward_assessment, by=make_user("hana", Role.UNIT_HEAD, ward_assessment.unit))
    assessment_start_appraisal(assessment=ward_assessment, by=User.objects.get(username="bob"))
    login(page, live_server, "bob")
    page.goto(f"{live_server.url}/tham-dinh/{ward_assessment.pk}/")

    row = page.locator("[id='row-1.1.1']")
    value, reason = row.get_by_label("Điểm thẩm định 1.1.1"), row.get_by_label("Lý do điều chỉnh 1.1.1")
    assert reason.bounding_box()["width"] >= 200  # was 160 px: "Kế hoạch ban hành chậm" cut off
    assert reason.bounding_box()["y"] > value.bounding_box()["y"] + value.bounding_box()["height"] - 1
