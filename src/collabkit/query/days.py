"""Days as people read them: the weekday beside a date, marked when the calendar moves it.

A weekend day that is worked (调休) is marked a workday, a weekday off (a public holiday or a
company day off) a holiday; other days carry their weekday alone.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from collabkit.i18n import Texts
from collabkit.i18n.formats import local_time
from collabkit.timing.calendar import WorkCalendar

DayMark = Literal["workday", "holiday"]
SATURDAY = 5


def day_mark(calendar: WorkCalendar, day: date) -> DayMark | None:
    """'workday' for a worked weekend day, 'holiday' for a weekday off, else None."""
    weekend = day.weekday() >= SATURDAY
    working = calendar.is_working_day(day)
    if weekend and working:
        return "workday"
    if not weekend and not working:
        return "holiday"
    return None


def weekday_text(calendar: WorkCalendar, day: date, t: Texts) -> str:
    """'周六(班)' / 'Sat (workday)', '周二(休)', or the weekday alone."""
    weekday = t(f"weekday.{day.weekday()}")
    mark = day_mark(calendar, day)
    return t(f"day.{mark}", weekday=weekday) if mark else weekday


def day_text(calendar: WorkCalendar, day: date, t: Texts) -> str:
    """'2024-10-12 周六(班)'."""
    return f"{day.isoformat()} {weekday_text(calendar, day, t)}"


def moment_text(calendar: WorkCalendar, moment: datetime, t: Texts) -> str:
    """'2024-10-12 23:59 周六(班)': a moment in the calendar's zone, with its weekday."""
    local = moment.astimezone(calendar.tz)
    return f"{local_time(local, calendar.tz)} {weekday_text(calendar, local.date(), t)}"
