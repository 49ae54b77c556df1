"""Reminding units that have not submitted: an in-app notification to each of their users, and an email
to those with an address. The office sends them by hand; ``send_deadline_reminders`` sends them from
cron, once per deadline and unit, ``Period.reminder_days`` before it.
"""
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.access import Actor, runs_period
from accounts.models import Notification, User

from . import errors, workflow
from .deadlines import last_self_assessment_day
from .errors import AssessmentError
from .models import Assessment, Period, Reminder

SUBJECT = "[ParIndex] Nhắc nộp kết quả tự đánh giá %(identifier)s"


def _message(assessment: Assessment, deadline: date | None) -> str:
    if deadline is None:
        return _("Nhắc: %(unit)s chưa nộp kết quả tự đánh giá %(period)s.") % {
            "unit": assessment.unit.name, "period": assessment.period.identifier}
    return _("Nhắc: %(unit)s chưa nộp kết quả tự đánh giá %(period)s; hạn nộp %(deadline)s.") % {
        "unit": assessment.unit.name, "period": assessment.period.identifier,
        "deadline": date_format(deadline, "SHORT_DATE_FORMAT")}


def _waiting(period: Period):
    """The period's units still to submit (excluded units are left alone)."""
    return (period.assessments.filter(excluded=False, status__in=workflow.SELF_EDITABLE)
            .select_related("unit", "period__framework").order_by("unit__order", "unit__code"))


def _remind(assessments: list[Assessment], *, by, automatic: bool) -> int:
    """Notify every active user of each unit and email those with an address; one ``Reminder`` row each."""
    recipients = list(User.objects.filter(unit__in=[a.unit_id for a in assessments], is_active=True))
    by_unit: dict = {}
    for user in recipients:
        by_unit.setdefault(user.unit_id, []).append(user)
    notifications, mails, reminders = [], [], []
    for assessment in assessments:
        deadline = last_self_assessment_day(assessment.period.self_assessment_deadline, assessment.reopened_until)
        message = _message(assessment, deadline)
        url = reverse("assessments:entry", args=[assessment.pk])
        users = by_unit.get(assessment.unit_id, [])
        notifications += [Notification(recipient=user, message=message[:300], url=url) for user in users]
        addresses = [user.email for user in users if user.email]
        if addresses:
            mails.append((SUBJECT % {"identifier": assessment.period.identifier}, message,
                          settings.DEFAULT_FROM_EMAIL, addresses))
        reminders.append(Reminder(assessment=assessment, deadline=deadline, automatic=automatic, sent_by=by,
                                  emails=len(addresses)))
    Notification.objects.bulk_create(notifications)
    Reminder.objects.bulk_create(reminders)
    if mails:
        # After the commit: a rolled-back reminder sends no email.
        transaction.on_commit(lambda: send_mass_mail(mails, fail_silently=False))
    return len(reminders)


@transaction.atomic
def reminders_send(*, period: Period, by) -> int:
    """The office reminds every unit of the period that has not submitted yet; returns how many."""
    if not runs_period(Actor.of(by), organiser_line=period.organiser_line):
        raise AssessmentError(errors.NO_PERMISSION)
    return _remind(list(_waiting(period)), by=by, automatic=False)


@transaction.atomic
def deadline_reminders_send(*, today: date | None = None) -> int:
    """Remind, once per deadline, every unit not yet submitted whose deadline is at most
    ``reminder_days`` away; safe to run daily (a unit reminded of the same deadline is skipped)."""
    today = today or timezone.localdate()
    due = []
    for period in Period.objects.filter(published_at=None):
        for assessment in _waiting(period).prefetch_related("reminders"):
            deadline = last_self_assessment_day(period.self_assessment_deadline, assessment.reopened_until)
            if deadline is None or not today <= deadline <= today + timedelta(days=period.reminder_days):
                continue
            if any(r.automatic and r.deadline == deadline for r in assessment.reminders.all()):
                continue
            due.append(assessment)
    return _remind(due, by=None, automatic=True)
