"""The deadlines a file runs against, as plain data for every page that shows them (no ORM).

The self-assessment ends on the period's deadline, or later when the office reopened the file (by
hand or by returning it); the appraisal ends on the period's appraisal deadline.
"""
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from .workflow import APPRAISAL_EDITABLE, SELF_EDITABLE, Status

SELF_ASSESSMENT = _("Hạn tự đánh giá")
APPRAISAL = _("Hạn thẩm định")
# While the appraisal has not started, its deadline is ahead too.
APPRAISAL_RUNNING = APPRAISAL_EDITABLE | {Status.SUBMITTED}


def last_self_assessment_day(deadline: date | None, reopened_until: date | None) -> date | None:
    """The last day the unit may edit: the period's deadline, or the reopening if that is later (None: no deadline)."""
    if deadline is None:
        return None
    return reopened_until if reopened_until is not None and reopened_until > deadline else deadline


def appraisal_open(appraisal_deadline: date | None, today: date) -> bool:
    """Whether the council may still decide and ask (the office consolidates after the deadline too)."""
    return appraisal_deadline is None or today <= appraisal_deadline


@dataclass(frozen=True)
class Deadline:
    label: str
    day: date
    running: bool  # the step it closes is still ahead, so the days left matter
    today: date
    reopened_from: date | None = None  # the period's own deadline, when the file was reopened beyond it

    @property
    def days_left(self) -> int:
        return (self.day - self.today).days

    @property
    def days_over(self) -> int:
        return -self.days_left

    @property
    def passed(self) -> bool:
        return self.days_left < 0


def deadlines(*, status, self_deadline: date | None, reopened_until: date | None,
              appraisal_deadline: date | None, today: date) -> list[Deadline]:
    """The deadlines a page shows for a file in ``status`` on ``today``."""
    shown = []
    last_day = last_self_assessment_day(self_deadline, reopened_until)
    if last_day is not None:
        shown.append(Deadline(SELF_ASSESSMENT, last_day, running=status in SELF_EDITABLE, today=today,
                              reopened_from=self_deadline if last_day != self_deadline else None))
    if appraisal_deadline is not None:
        shown.append(Deadline(APPRAISAL, appraisal_deadline, running=status in APPRAISAL_RUNNING, today=today))
    return shown
