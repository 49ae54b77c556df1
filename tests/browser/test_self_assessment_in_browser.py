"""Acceptance: a unit officer self-assesses in Chromium, attaches a file, submits and sees "Đã nộp".

The Hải Phòng 2023 tree (sở, ban, ngành) has every kind of leaf the scenario needs: 1.1 is a formula
(inputs a, b), 1.2 a choice and 1.4.1 has no rule (a hand-typed score).
"""
import pytest
from playwright.sync_api import expect

from accounts.models import Role
from assessments.services import period_open
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind
from support import score_remaining_leaves

pytestmark = pytest.mark.browser


@pytest.fixture
def department(transactional_db):
    city = Unit.objects.create(code="HP", name="Thành phố Hải Phòng", kind=UnitKind.CITY)
    return Unit.objects.create(
        code="HP-SNV", name="Sở Nội vụ Hải Phòng", kind=UnitKind.CITY_DEPARTMENT,
        parent=city, framework_family="haiphong",
    )


@pytest.fixture
def officer(make_user, department):
    """The unit's head: may type scores and also submit."""
    return make_user("hana", Role.UNIT_HEAD, department, first_name="Hana")


@pytest.fixture
def assessment(make_user, department):
    framework_load(data=read_fixture(FIXTURE_DIR / "haiphong-2023.json"))
    framework = Framework.objects.get(key="haiphong-2023")
    secretariat = make_user("bob", Role.SECRETARIAT, department.parent)
    period = period_open(framework=framework, year=2023, by=secretariat)
    return period.assessments.get(unit=department)


def leaf(page, code):
    # Codes contain dots, so an attribute selector rather than "#node-1.1".
    return page.locator(f'[id="node-{code}"]')


def save(page, code):
    row = leaf(page, code)
    row.get_by_role("button", name="Lưu").click()
    # htmx swaps the whole row; the fresh one says it was saved.
    expect(leaf(page, code).get_by_role("status")).to_have_text("Đã lưu.")


def test_an_officer_scores_attaches_evidence_and_submits(page, live_server, login, officer, assessment, tmp_path):
    login(page, live_server, "hana")
    page.goto(f"{live_server.url}/danh-gia/{assessment.pk}/")
    status = page.locator('[data-testid="status"]')
    totals = page.locator("#totals")
    expect(status).to_have_text("Đang tự đánh giá")
    expect(totals).to_contain_text("Tổng điểm tự chấm 0 / 65")
    # Set on the window: it survives htmx swaps but not a page load.
    page.evaluate("window.notReloaded = true")

    # 1.1, formula b/a × 1,5 (a = tasks planned, b = tasks done).
    leaf(page, "1.1").locator('input[name="in-a"]').fill("10")
    leaf(page, "1.1").locator('input[name="in-b"]').fill("8")
    save(page, "1.1")
    expect(page.locator('[data-testid="score-1.1"]')).to_have_text("1,2")
    expect(totals.locator("strong").first).to_have_text("1,2")
    expect(page.locator('[id="sub-1"]')).to_have_text("1,2 / 10")

    # 1.2, a choice between two outcomes.
    leaf(page, "1.2").locator('select[name="in-choice"]').select_option("full")
    save(page, "1.2")
    expect(page.locator('[data-testid="score-1.2"]')).to_have_text("0,5")
    expect(leaf(page, "1.2").locator('select[name="in-choice"]')).to_have_value("full")

    # 1.4.1 has no rule: the officer types the score, with a decimal comma.
    leaf(page, "1.4.1").locator('input[name="value"]').fill("0,1")
    leaf(page, "1.4.1").locator('textarea[name="explanation"]').fill("Kế hoạch tuyên truyền số 12/KH-SNV")
    save(page, "1.4.1")
    expect(page.locator('[data-testid="score-1.4.1"]')).to_have_text("0,1")
    expect(leaf(page, "1.4.1").locator('input[name="value"]')).to_have_value("0,1")

    # The running total followed every save through htmx's out-of-band swap, without a reload.
    expect(totals).to_contain_text("Tổng điểm tự chấm 1,8 / 65")
    expect(totals.locator("strong").nth(1)).to_have_text("3")
    expect(page.locator('[id="sub-1"]')).to_have_text("1,8 / 10")
    expect(page.locator('[id="sub-1.4"]')).to_have_text("0,1 / 2")
    assert page.evaluate("window.notReloaded") is True

    # One file proves the three criteria.
    pdf = tmp_path / "ke-hoach-cchc-2023.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    evidence = page.locator("#evidence")
    evidence.locator('input[type="file"][name="file"]').set_input_files(pdf)
    evidence.locator('input[name="title"]').fill("Kế hoạch CCHC năm 2023")
    labels = {node.code: f"{node.code}. {node.title[:80]}"
              for node in assessment.period.framework.nodes.filter(code__in=["1.1", "1.2", "1.4.1"])}
    evidence.locator('select[name="nodes"]').select_option(label=list(labels.values()))
    evidence.get_by_role("button", name="Tải lên").click()
    expect(page.locator(".messages")).to_contain_text("Đã thêm tài liệu kiểm chứng.")
    for code in labels:
        expect(leaf(page, code).locator("ul.evidence")).to_contain_text("Kế hoạch CCHC năm 2023")
    expect(page.locator(".tree-entry p.flag")).to_have_count(0)  # nothing scored is left without evidence

    # The rest of the tree scored 0 (not what this test is about), then "Nộp" sums the file up first.
    score_remaining_leaves(assessment, by=officer)
    page.reload()
    confirm = page.locator('details[data-confirm="submit"]')
    confirm.locator("summary").click()
    leaves = assessment.period.framework.nodes.filter(children__isnull=True).count()
    expect(confirm.locator('[data-testid="summary-scored"]')).to_have_text(f"{leaves}/{leaves} tiêu chí")
    expect(confirm.locator('[data-testid="summary-missing-evidence"]')).to_have_text("không có")
    expect(confirm.locator('[data-testid="summary-total"]')).to_have_text("1,8 / 65")
    confirm.get_by_role("button", name="Xác nhận: Nộp kết quả tự đánh giá").click()
    expect(status).to_have_text("Đã nộp")
    expect(page.locator(".messages")).to_have_text("Đã nộp kết quả tự đánh giá. Hồ sơ chuyển sang “Đã nộp”.")
    expect(page.locator(".score-form")).to_have_count(0)  # read-only once submitted
    expect(page.locator('[data-testid="score-1.1"]')).to_have_text("1,2")
    expect(totals).to_contain_text("Tổng điểm tự chấm 1,8 / 65")
    page.screenshot(path=tmp_path / "entry.png", full_page=True)


def test_a_refused_save_shows_the_message_at_the_criterion(page, live_server, login, officer, assessment):
    login(page, live_server, "hana")
    page.goto(f"{live_server.url}/danh-gia/{assessment.pk}/")
    leaf(page, "1.1").locator('input[name="in-a"]').fill("10")
    leaf(page, "1.1").locator('input[name="in-b"]').fill("20")
    with page.expect_response(lambda response: "/tieu-chi/1.1/" in response.url) as answer:
        leaf(page, "1.1").get_by_role("button", name="Lưu").click()
    assert answer.value.status == 422
    expect(leaf(page, "1.1").get_by_role("alert")).to_have_text("“b” không được lớn hơn “a”.", timeout=2_000)
    expect(page.locator('[data-testid="score-1.1"]')).to_have_text("—")
    # What the user typed stays in the fields next to the message.
    expect(leaf(page, "1.1").locator('input[name="in-b"]')).to_have_value("20")


def test_an_incomplete_file_is_refused_with_the_codes_still_open(page, live_server, login, officer, assessment):
    # Given everything scored but 1.1 and 1.2
    score_remaining_leaves(assessment, by=officer)
    assessment.self_scores.filter(node__code__in=["1.1", "1.2"]).delete()
    login(page, live_server, "hana")
    page.goto(f"{live_server.url}/danh-gia/{assessment.pk}/")
    # When the head opens "Nộp", the summary already says what is missing
    confirm = page.locator('details[data-confirm="submit"]')
    confirm.locator("summary").click()
    expect(confirm.locator('[data-testid="summary-unscored"]')).to_have_text(
        "Chưa thể nộp: còn 2 tiêu chí chưa chấm điểm: 1.1, 1.2.")
    # And confirming anyway is refused with the same codes; the file stays a draft
    confirm.get_by_role("button", name="Xác nhận: Nộp kết quả tự đánh giá").click()
    expect(page.locator(".messages")).to_contain_text(
        "Chưa thể nộp: còn 2 tiêu chí chưa chấm điểm hoặc chưa đánh dấu “không đánh giá”: 1.1, 1.2.")
    expect(page.locator('[data-testid="status"]')).to_have_text("Đang tự đánh giá")
