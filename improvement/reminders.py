"""Reminding a task's lead agency once its deadline has passed: an in-app notification to each of its users
and an email to those with an address, once per task and deadline; safe to run daily from cron
(``send_task_reminders``). A lead agency ParIndex has no unit for is reminded through the plan's unit."""
from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import Notification, User

from . import errors
from .models import Task, TaskStatus


def overdue_tasks(*, today: date):
    return Task.objects.filter(deadline__lt=today).exclude(status=TaskStatus.DONE)


@transaction.atomic
def overdue_task_reminders_send(*, today: date | None = None) -> int:
    """Remind every overdue task's lead agency not yet reminded of its deadline; returns how many tasks."""
    today = today or timezone.localdate()
    tasks = list(overdue_tasks(today=today).filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("deadline")))
                 .select_related("plan__unit").select_for_update(of=("self",)))
    reminded_units = {task.lead_unit_id or task.plan.unit_id for task in tasks}
    users: dict = {}
    for user in User.objects.filter(unit__in=reminded_units, is_active=True):
        users.setdefault(user.unit_id, []).append(user)
    notifications, mails = [], []
    for task in tasks:
        plan_name = f"{task.plan.unit.name} {task.plan.year}"
        message = str(errors.REMINDER % {"number": task.number, "plan": plan_name, "title": task.title[:80],
                                         "deadline": date_format(task.deadline, "SHORT_DATE_FORMAT")})
        recipients = users.get(task.lead_unit_id or task.plan.unit_id, [])
        url = reverse("improvement:plan", args=[task.plan_id])
        notifications += [Notification(recipient=user, message=message[:300], url=url) for user in recipients]
        addresses = [user.email for user in recipients if user.email]
        if addresses:
            mails.append((errors.REMINDER_SUBJECT % {"plan": plan_name}, message, settings.DEFAULT_FROM_EMAIL,
                          addresses))
        task.reminded_for = task.deadline
    Notification.objects.bulk_create(notifications)
    Task.objects.bulk_update(tasks, ["reminded_for"])
    if mails:
        # After the commit: a rolled-back run sends no email.
        transaction.on_commit(lambda: send_mass_mail(mails, fail_silently=False))
    return len(tasks)
