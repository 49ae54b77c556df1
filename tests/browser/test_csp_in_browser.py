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
