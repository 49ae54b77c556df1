"""Reminding units that have not submitted: in the app and by email, by hand or once per deadline from cron."""
from datetime import date, timedelta

from django.core.management import call_command
from django.urls import reverse

from accounts.models import Notification
from assessments.models import Reminder
from assessments.reminders import deadline_reminders_send


def test_the_office_reminds_every_unit_not_yet_submitted(period, assessment, other_assessment, ward_staff, ward_head,
                                                         other_ward_staff, secretariat, client_for, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    ward_staff.email = "alice@hoangliet.gov.vn"
    ward_staff.save(update_fields=["email"])
    other_assessment.excluded = True
    other_assessment.save(update_fields=["excluded"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(reverse("periods:remind", args=[period.pk]), follow=True)
    assert "Đã gửi lời nhắc tới 1 đơn vị chưa nộp." in response.content.decode()
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {"alice", "hana"}
    assert [mail.to for mail in mailoutbox] == [["alice@hoangliet.gov.vn"]]
    assert "chưa nộp kết quả tự đánh giá" in mailoutbox[0].body
    assert Reminder.objects.get().sent_by == secretariat


def test_only_the_office_sends_reminders(period, ward_head, client_for):
    assert client_for(ward_head).post(reverse("periods:remind", args=[period.pk])).status_code == 404
    assert not Reminder.objects.exists()


def test_cron_reminds_once_per_deadline_within_the_periods_days(period, assessment, other_assessment, ward_staff):
    today = date(2026, 11, 25)
    period.self_assessment_deadline, period.reminder_days = today + timedelta(days=3), 3
    period.save(update_fields=["self_assessment_deadline", "reminder_days"])
    assert deadline_reminders_send(today=today - timedelta(days=1)) == 0  # four days before: not yet
    assert deadline_reminders_send(today=today) == 2
    assert deadline_reminders_send(today=today + timedelta(days=1)) == 0  # already reminded of this deadline
    # A unit reopened until a later date is reminded again of its own deadline
    assessment.reopened_until = today + timedelta(days=10)
    assessment.save(update_fields=["reopened_until"])
    assert deadline_reminders_send(today=today + timedelta(days=8)) == 1
    assert Notification.objects.filter(recipient=ward_staff).count() == 2


def test_the_command_says_how_many_units_it_reminded(period, capsys):
    call_command("send_deadline_reminders")
    assert "Đã nhắc 0 đơn vị." in capsys.readouterr().out
