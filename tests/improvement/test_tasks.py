"""Tasks of a plan: deadlines as printed, overdue detection, status and progress notes, reminders once."""
from datetime import date

import pytest
from django.core import mail

from accounts.models import Notification
from improvement.errors import ImprovementError
from improvement.models import TaskStatus
from improvement.reminders import overdue_task_reminders_send
from improvement.services import plan_ensure, task_add, task_update
from improvement.tasks import deadline_from_text, is_overdue


def test_printed_deadlines_give_the_last_day_they_allow():
    assert deadline_from_text("Hoàn thành 7/2020") == date(2020, 7, 31)
    assert deadline_from_text("Hoàn thành 2/2020") == date(2020, 2, 29)
    assert deadline_from_text("Hoàn thành trước 30/6/2020") == date(2020, 6, 30)
    assert deadline_from_text("Thường xuyên") is None


def test_a_task_is_overdue_after_its_last_day_unless_done():
    last_day = date(2020, 7, 31)
    assert not is_overdue(deadline=last_day, done=False, today=last_day)
    assert is_overdue(deadline=last_day, done=False, today=date(2020, 8, 1))
    assert not is_overdue(deadline=last_day, done=True, today=date(2020, 8, 1))


@pytest.fixture
def plan(ward, ward_framework):
    return plan_ensure(unit=ward, year=2025, family="hoangmai-phuong", framework=ward_framework)


@pytest.fixture
def task(plan, secretariat):
    return task_add(plan=plan, by=secretariat, number="1", title="Rà soát thủ tục hành chính",
                    lead_agency="Phường Hoàng Liệt", cooperating_agencies="Phòng Tư pháp\nPhòng Nội vụ",
                    deadline="30/06/2025", criteria="1.1.1, 1.1.2")


def test_a_task_keeps_its_agencies_criteria_and_lead_unit(task, ward):
    assert (task.cooperating_agencies, task.criteria, task.deadline, task.lead_unit) == (
        ["Phòng Tư pháp", "Phòng Nội vụ"], ["1.1.1", "1.1.2"], date(2025, 6, 30), ward)


def test_a_task_with_problems_is_refused_naming_each(plan, secretariat):
    with pytest.raises(ImprovementError) as refused:
        task_add(plan=plan, by=secretariat, number="2", title="", lead_agency="Sở Nội vụ", deadline="31/13/2025",
                 criteria="1.1.1, 9.9")
    assert str(refused.value) == (
        "Cần nhập “Nội dung nhiệm vụ”. “Thời hạn hoàn thành” phải là ngày dạng dd/mm/yyyy, không phải “31/13/2025”. "
        "Tiêu chí liên quan không có trong kế hoạch: 9.9.")
    assert not plan.tasks.exists()


def test_status_and_dated_progress_notes_with_history(task, ward_staff, leadership):
    task_update(task=task, by=ward_staff, status=TaskStatus.IN_PROGRESS, note="Đã rà soát 12/40 thủ tục",
                today=date(2025, 5, 2))
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS
    assert [(n.on, n.text, n.by) for n in task.notes.all()] == [(date(2025, 5, 2), "Đã rà soát 12/40 thủ tục", ward_staff)]
    latest = task.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (ward_staff, "Đã rà soát 12/40 thủ tục")
    with pytest.raises(ImprovementError):
        task_update(task=task, by=leadership, status=TaskStatus.DONE)


def test_the_lead_agency_is_reminded_once_per_deadline(task, ward_staff, ward_head, secretariat):
    ward_staff.email = "alice@hoangliet.gov.vn"
    ward_staff.save()

    assert overdue_task_reminders_send(today=date(2025, 6, 30)) == 0  # its last day: not overdue yet
    assert overdue_task_reminders_send(today=date(2025, 7, 1)) == 1
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {"alice", "hana"}
    assert Notification.objects.first().message.startswith(
        "Nhắc: nhiệm vụ 1 của Phường Hoàng Liệt 2025 (Rà soát thủ tục hành chính) đã quá hạn 30/06/2025")
    assert overdue_task_reminders_send(today=date(2025, 7, 2)) == 0  # once

    task.deadline = date(2025, 7, 15)  # a new deadline is reminded again once passed
    task.save()
    assert overdue_task_reminders_send(today=date(2025, 7, 16)) == 1
    task_update(task=task, by=secretariat, status=TaskStatus.DONE)
    task.deadline = date(2025, 7, 20)
    task.save()
    assert overdue_task_reminders_send(today=date(2025, 8, 1)) == 0  # done: nothing to remind


def test_reminders_email_after_commit(task, ward_staff, django_capture_on_commit_callbacks):
    ward_staff.email = "alice@hoangliet.gov.vn"
    ward_staff.save()
    with django_capture_on_commit_callbacks(execute=True):
        overdue_task_reminders_send(today=date(2025, 7, 1))
    assert [m.to for m in mail.outbox] == [["alice@hoangliet.gov.vn"]]
    assert mail.outbox[0].subject == "[ParIndex] Nhiệm vụ quá hạn: Phường Hoàng Liệt 2025"
