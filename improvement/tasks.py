"""Tasks' deadlines and overdue status, on plain data (no database)."""
import calendar
import re
from datetime import date

# "Hoàn thành 7/2020" (the month: its last day), "Hoàn thành trước 30/6/2020" (that day).
_DAY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_MONTH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})(?!\d)")


def deadline_from_text(text: str) -> date | None:
    """The last day a printed deadline allows; None when the text names no day or month."""
    day = _DAY.search(text)
    if day:
        return date(int(day[3]), int(day[2]), int(day[1]))
    month = _MONTH.search(text)
    if month:
        year, number = int(month[2]), int(month[1])
        return date(year, number, calendar.monthrange(year, number)[1])
    return None


def is_overdue(*, deadline: date, done: bool, today: date) -> bool:
    """Past its last day and not done."""
    return not done and today > deadline
