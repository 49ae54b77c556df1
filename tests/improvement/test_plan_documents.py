"""Hà Nội's 2020 tasks (seed 003, appendix 1) on the plan page, and in the PDF and Excel read back."""
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from demo.seed import seed_history, seed_plans, seed_tasks
from improvement.documents import COLUMNS, tasks_pdf, tasks_xlsx
from improvement.models import Plan, TaskStatus
from accounts.roles import Role
from improvement.services import task_update
from organizations.services import UNITS_FIXTURE_DIR, units_load

from conftest import load_framework
from support import pdf_text


@pytest.fixture
def hanoi_office(district, django_user_model):
    """The city's own office: Hà Nội's plan is the city's to run (seed 003)."""
    return django_user_model.objects.create(username="noivu.hanoi", role=Role.SECRETARIAT, unit=district.parent)


@pytest.fixture
def hanoi_leader(district, django_user_model):
    return django_user_model.objects.create(username="lanhdao.hanoi", role=Role.LEADERSHIP, unit=district.parent)


@pytest.fixture
def hanoi(hanoi_office):
    """Hà Nội's 2020 plan with its 20 tasks; task 2 done."""
    load_framework("hanoi-province-2020")
    units_load(path=UNITS_FIXTURE_DIR / "hadong.json")
    seed_history()
    seed_plans()
    assert seed_tasks() == 20
    plan = Plan.objects.get(unit__code="HN")
    task_update(task=plan.tasks.get(number="2"), by=hanoi_office, status=TaskStatus.DONE, note="Đã kiểm tra 30 đơn vị",
                today=date(2020, 11, 20))
    return plan


def test_seeded_tasks_keep_their_deadline_and_seed_line(hanoi):
    first = hanoi.tasks.get(number="1")
    assert (first.deadline, first.deadline_text, first.lead_agency, first.source_line) == (
        date(2020, 7, 31), "Hoàn thành 7/2020", "Sở Nội vụ", 157)
    assert first.co_lead_agencies == ["Các Sở, ngành", "UBND các quận, huyện, thị xã", "UBND các xã, phường, thị trấn"]
    assert hanoi.tasks.get(number="17").deadline == date(2020, 6, 30)
    assert seed_tasks() == 0


def test_the_plan_page_highlights_overdue_tasks(hanoi, hanoi_leader, client_for, django_assert_max_num_queries):
    client = client_for(hanoi_leader)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("improvement:plan", args=[hanoi.pk])).content.decode()
    assert page.count('class="task-overdue"') == 19  # every 2020 deadline has passed; task 2 is done
    assert "20/11/2020: Đã kiểm tra 30 đơn vị" in page
    assert 'name="status"' not in page  # leadership reads only


def test_another_districts_office_neither_reads_nor_changes_the_citys_plan(hanoi, secretariat, leadership, client_for):
    for user in (secretariat, leadership):  # Hoàng Mai's office and leadership
        client = client_for(user)
        assert client.get(reverse("improvement:plan", args=[hanoi.pk])).status_code == 404
        assert client.post(reverse("improvement:task_add", args=[hanoi.pk]), {
            "number": "21", "title": "Tập huấn", "lead_agency": "Sở Nội vụ", "deadline": "31/12/2099"}).status_code == 404
    assert not hanoi.tasks.filter(number="21").exists()


def test_the_office_adds_and_updates_tasks_in_the_browser(hanoi, hanoi_office, client_for):
    client = client_for(hanoi_office)
    response = client.post(reverse("improvement:task_add", args=[hanoi.pk]), {
        "number": "21", "title": "Tập huấn SIPAS", "lead_agency": "Sở Nội vụ", "cooperating_agencies": "",
        "deadline": "31/12/2099", "criteria": "8.1"}, follow=True)
    assert "Đã thêm nhiệm vụ 21." in response.content.decode()
    task = hanoi.tasks.get(number="21")
    response = client.post(reverse("improvement:task_update", args=[hanoi.pk, task.pk]),
                           {"status": TaskStatus.IN_PROGRESS, "note": "Đã mở lớp"}, follow=True)
    assert "Đã cập nhật nhiệm vụ 21." in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS


def test_the_pdf_reads_back_in_the_official_layout(hanoi):
    text = pdf_text(tasks_pdf(plan=hanoi))
    assert "UBND THÀNH PHỐ HÀ NỘI" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "DANH MỤC NHIỆM VỤ CẢI THIỆN, NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020" in text
    assert "(Kèm theo Kế hoạch số 123/KH-UBND ngày 11/6/2020)" in text
    assert "Tổ chức kiểm tra việc thực hiện Kế hoạch đào tạo, bồi dưỡng hằng năm" in text
    assert "Hoàn thành 7/2020 (quá hạn)" in text and "Hoàn thành" in text
    assert "Sở Khoa học và Công nghệ" in text


def test_the_excel_reads_back_with_every_task(hanoi):
    sheet = load_workbook(BytesIO(tasks_xlsx(plan=hanoi))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "UBND THÀNH PHỐ HÀ NỘI"
    assert rows[4] == COLUMNS
    assert len(rows) == 5 + 20
    second = rows[6]
    assert second[:5] == ("2", "Tổ chức kiểm tra việc thực hiện Kế hoạch đào tạo, bồi dưỡng hằng năm", "Sở Nội vụ",
                          "Sở, ban, ngành\nUBND cấp huyện", "Hoàn thành 11/2020")
    assert second[6:] == ("Hoàn thành", "20/11/2020: Đã kiểm tra 30 đơn vị")


def test_downloads_are_for_readers_only(hanoi, ward_staff, hanoi_leader, client_for):
    for name in ("improvement:tasks_pdf", "improvement:tasks_xlsx"):
        url = reverse(name, args=[hanoi.pk])
        assert client_for(ward_staff).get(url).status_code == 404
    assert client_for(hanoi_leader).get(reverse("improvement:tasks_xlsx", args=[hanoi.pk])).status_code == 200
