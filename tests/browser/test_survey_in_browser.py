"""Acceptance: the office sets up the survey and imports its responses in Chromium (a background job, followed
on its page until a worker has done it), then opens a ward's survey page and sees how its points are computed,
criterion by criterion and group by group."""
import json

import pytest
from playwright.sync_api import expect

from operations.jobs import run_job
from operations.models import Job
from support import SURVEY_DESIGN, SURVEY_ROWS, csv_file

pytestmark = pytest.mark.browser


def test_the_office_sets_up_imports_and_reads_the_computation(page, live_server, login, ward_assessment, tmp_path,
                                                              settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued until a worker runs
    period = ward_assessment.period
    design = tmp_path / "design.json"
    design.write_text(json.dumps(SURVEY_DESIGN, ensure_ascii=False), encoding="utf-8")
    responses = csv_file(tmp_path, [row if row[0] != "HM-W-HOANGLIET" else ["HM-W-HL", *row[1:]]
                                    for row in SURVEY_ROWS if row[0] != "HM-W-YENSO"])
    login(page, live_server, "bob")

    page.goto(f"{live_server.url}/tham-dinh/ky/{period.pk}/")
    survey = page.locator("#survey")
    survey.locator("input[name=design]").set_input_files(str(design))
    survey.get_by_role("button", name="Thiết lập phiếu").click()
    expect(page.get_by_text("Đã thiết lập phiếu “Điều tra xã hội học”.")).to_be_visible()
    expect(page.get_by_test_id("survey-missing")).to_contain_text("1 đơn vị chưa có điểm phần này")

    page.locator("#survey input[name=responses]").set_input_files(str(responses))
    page.locator("#survey").get_by_role("button", name="Nhập phiếu").click()
    expect(page.locator("h1")).to_have_text(f"Nhập phiếu Điều tra xã hội học: {period.display_name}")
    expect(page.locator("#job")).to_contain_text("Đang chờ")
    expect(page.locator("#job progress")).to_have_attribute("value", "0")

    run_job.call(Job.objects.get().pk)  # the worker; the page asks again every second
    expect(page.locator("#job")).to_contain_text("Đã nhập 3 dòng của 1 đơn vị.")
    expect(page.locator("#job progress")).to_have_attribute("value", "100")
    page.locator("#job").get_by_role("link", name="Xem kết quả").click()

    page.locator("#survey").get_by_role("link", name="Phường Hoàng Liệt").click()
    expect(page.locator("h1")).to_have_text("Kết quả điều tra: Phường Hoàng Liệt")
    s1 = page.get_by_test_id("criterion-S1")
    expect(s1.locator("tr").nth(0)).to_contain_text("CD")
    expect(s1.locator("tr").nth(0).locator("td")).to_have_text(["Công dân CD", "2", "2", "1", "50,00", "13,333 / 20tỷ lệ 66,67 %"])
    expect(s1.locator("tr").nth(1).locator("td")).to_have_text(["Công chức cấp phường CC", "1", "1", "1", "100,00"])
    expect(page.get_by_test_id("criterion-S2").locator("tr").nth(0).locator("td")).to_have_text(
        ["Công dân CD", "2", "2", "1", "50,00", "5 / 10tỷ lệ 50,00 %"])
    expect(page.get_by_test_id("survey-total")).to_have_text("18,333")
    expect(page.get_by_test_id("part-points")).to_have_text("18,333")
