"""Acceptance: under the Content-Security-Policy, the entry page saves through htmx, the appraisal page and
the dashboard open and the charts draw, and Chromium reports no violation on the way."""
import pytest
from playwright.sync_api import expect

from accounts.models import Role, User
from assessments import actions
from support import submit_completed

pytestmark = pytest.mark.browser

# Chromium reports a refusal on the console ("Refused to … Content Security Policy …") and as a DOM event;
# the event is echoed to the console too, so one listener hears both, across navigations.
ECHO_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def violations(page):
    heard = []
    page.context.add_init_script(ECHO_VIOLATIONS)
    page.on("console", lambda message: heard.append(message.text)
            if "Content Security Policy" in message.text or "CSP violation" in message.text else None)
    return heard


def open_page(page, url):
    response = page.goto(url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")


def test_the_main_pages_work_without_a_single_violation(page, live_server, login, ward_assessment, make_user,
                                                        violations):
    # Given Hoàng Liệt's officer on the entry page, saving a score through htmx
    make_user("alice", Role.UNIT_STAFF, ward_assessment.unit)
    login(page, live_server, "alice")
    open_page(page, f"{live_server.url}/danh-gia/{ward_assessment.pk}/")
    row = page.locator('[id="node-1.1.1"]')
    row.locator('input[name="value"]').fill("0,5")
    row.get_by_role("button", name="Lưu").click()
    expect(page.locator('[id="node-1.1.1"]').get_by_role("status")).to_have_text("Đã lưu.")

    # When the file is submitted and appraised, the office opens the appraisal page and the dashboard
    head = make_user("hana", Role.UNIT_HEAD, ward_assessment.unit)
    submit_completed(assessment=ward_assessment, by=head)
    office = User.objects.get(username="bob")  # who opened the period (ward_assessment)
    actions.assessment_start_appraisal(assessment=ward_assessment, by=office)
    page.context.clear_cookies()
    login(page, live_server, office.username)
    open_page(page, f"{live_server.url}/tham-dinh/{ward_assessment.pk}/")
    expect(page.locator("h1")).to_contain_text("Phường Hoàng Liệt")
    open_page(page, f"{live_server.url}/ket-qua/{ward_assessment.period_id}/")

    # Then the charts are drawn, sized by the script, and nothing was refused
    canvases = page.locator("canvas[data-chart]").all()
    assert len(canvases) == 2
    for canvas in canvases:
        assert page.evaluate("(c) => window.Chart.getChart(c) !== undefined", canvas.element_handle())
    sized = page.evaluate("[...document.querySelectorAll('.chart[data-rows]')]"
                          ".map((box) => [box.dataset.rows, box.style.getPropertyValue('--rows')])")
    assert sized and all(rows == css for rows, css in sized)
    assert page.locator("svg.bar rect").count() == 1
    assert violations == []


def test_the_listener_hears_a_refused_inline_style(page, live_server, login, ward_assessment, violations):
    """The test above cannot pass by deafness: an inline style added to a page is refused and heard."""
    login(page, live_server, "bob")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_timeout(300)
    assert any("style-src" in text for text in violations), violations


@pytest.fixture
def merged_pages(ward_assessment, make_user):
    """What the pages added by the round's branches show: the unit's difficulties, the office's findings, a
    survey design, and the seeds' plans (Phú La's gap page has a chart)."""
    from assessments.services import assessment_difficulties_save, period_findings_save
    from demo.seed import seed_history, seed_plans
    from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
    from improvement.models import Plan
    from organizations.services import UNITS_FIXTURE_DIR, units_load
    from surveys.services import survey_design_set
    from support import SURVEY_DESIGN

    staff = make_user("alice", Role.UNIT_STAFF, ward_assessment.unit)
    office = User.objects.get(username="bob")
    # The city's leadership: it reads Hoàng Mai's files and Phú La's plan (Hà Đông), both below the city.
    make_user("leo", Role.LEADERSHIP, ward_assessment.unit.parent.parent)
    assessment_difficulties_save(assessment=ward_assessment, text="Thiếu cán bộ.\nĐề nghị tập huấn.", by=staff)
    period_findings_save(period=ward_assessment.period, text="Đoạn một.\n\nĐoạn hai.", by=office)
    survey_design_set(period=ward_assessment.period, data=SURVEY_DESIGN, by=office)
    framework_load(data=read_fixture(FIXTURE_DIR / "hanoi-province-2020.json"))
    units_load(path=UNITS_FIXTURE_DIR / "hadong.json")
    seed_history()
    seed_plans()
    return ward_assessment, Plan.objects.get(unit__code="HD-W-PHULA")


def white_space(page, selector):
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s)).whiteSpace", selector)


def test_the_pages_of_the_merged_branches_work_without_a_single_violation(page, live_server, login, merged_pages,
                                                                          violations):
    assessment, plan = merged_pages
    # Given the city's leadership, who reads the unit's file, the annual report and the plans without editing them
    login(page, live_server, "leo")
    # Then the texts typed one paragraph a line keep their lines (a class, no longer a style attribute)
    open_page(page, f"{live_server.url}/danh-gia/{assessment.pk}/")
    assert white_space(page, "#self-report p.pre-line") == "pre-line"
    open_page(page, f"{live_server.url}/bao-cao/ky/{assessment.period_id}/bao-cao-nam/")
    assert white_space(page, ".prose.pre-line") == "pre-line"
    expect(page.locator(".prose")).to_contain_text("Đoạn hai.")
    # And the gap page's chart is drawn and sized by the script from data-rows
    open_page(page, f"{live_server.url}/cai-thien/{plan.pk}/chenh-lech/")
    canvas = page.locator("canvas[data-chart]")
    assert page.evaluate("(c) => window.Chart.getChart(c) !== undefined", canvas.element_handle())
    assert page.evaluate("(c) => c.parentElement.style.getPropertyValue('--rows')", canvas.element_handle()) == "5"
    for url in (f"/cai-thien/{plan.pk}/", f"/bao-cao/ho-so/{assessment.pk}/gia-dinh/",
                f"/dieu-tra/don-vi/{assessment.pk}/", f"/danh-gia/{assessment.pk}/phan-cong/"):
        open_page(page, live_server.url + url)
        expect(page.locator("h1")).to_be_visible()
    # When the office opens the responsible offices of the framework
    page.context.clear_cookies()
    login(page, live_server, "bob")
    open_page(page, f"{live_server.url}/bo-chi-so/{assessment.period.framework.key}/don-vi-phu-trach/")
    expect(page.locator("h1")).to_be_visible()
    # Then nothing was refused on the way
    assert violations == []
