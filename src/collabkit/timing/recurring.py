"""Recurring rules: one deadline per period (SPEC §5, `collaboration.weekly_sync`).

A recurring rule says `every: week` with `at: fri 17:00` (周五 17:00), or `every: day` /
`every: working_day` with `at: "17:00"`. Each period runs from its first midnight to the
next period's; its deadline is the given weekday and time, moved back to the last working
day before it when that day is off (a Friday inside the National Day holiday falls back
to the last working day before it). A period is met by an entry dated inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from collabkit.timing.calendar import WorkCalendar

Unit = Literal["week", "day", "working_day"]
UNITS: tuple[Unit, ...] = ("week", "day", "working_day")

_WEEKDAYS = {
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{name: i for i, name in enumerate("一二三四五六日")},
    "天": 6,
}
_AT = re.compile(
    r"^\s*(?:(?:周|星期)?(?P<day>[a-z]{3}|[一二三四五六日天])\w*\s+)?(?P<hh>\d{1,2}):(?P<mm>\d{2})\s*$"
)
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Every:
    """A parsed `every` + `at`."""

    unit: Unit
    at: time
    weekday: int = 4  # Friday, for weeks

    @classmethod
    def parse(cls, unit: str, at: str) -> Every:
        """`Every.parse("week", "fri 17:00")`; a ValueError says what is wrong."""
        if unit not in UNITS:
            raise ValueError(f"unknown period '{unit}' (expected one of: {', '.join(UNITS)})")
        match = _AT.match(at.lower())
        if match is None or int(match["hh"]) > 23 or int(match["mm"]) > 59:
            raise ValueError(f"'{at}' is not a time such as '17:00' or 'fri 17:00'")
        clock = time(int(match["hh"]), int(match["mm"]))
        day = match["day"]
        if unit != "week":
            if day:
                raise ValueError(f"'{at}': a weekday only makes sense with every: week")
            return cls(unit, clock)
        if day is None:
            return cls(unit, clock)
        weekday = _WEEKDAYS.get(day[:3] if day.isascii() else day)
        if weekday is None:
            raise ValueError(f"'{at}': unknown weekday '{day}'")
        return cls(unit, clock, weekday)


@dataclass(frozen=True, slots=True)
class Period:
    """One period of a recurring rule: [begin, end) and its deadline, all aware."""

    label: str  # 2024-W38, or the day
    begin: datetime
    end: datetime
    due: datetime


def periods(
    every: Every, calendar: WorkCalendar, start: datetime, until: datetime
) -> Iterator[Period]:
    """The periods from the one holding `start` to the one holding `until`, skipping a
    first period whose deadline came before `start` (work that starts on a Saturday owes
    nothing for that week)."""
    tz = calendar.tz
    first = start.astimezone(tz).date()
    last = until.astimezone(tz).date()
    if every.unit == "week":
        first -= timedelta(days=first.weekday())
    day = first
    while day <= last:
        length = 7 if every.unit == "week" else 1
        following = day + timedelta(days=length)
        period = _period(every, calendar, day, following)
        if period is not None and period.due >= start:
            yield period
        day = following


def _period(every: Every, calendar: WorkCalendar, day: date, following: date) -> Period | None:
    tz = calendar.tz
    begin = datetime.combine(day, time(), tzinfo=tz)
    end = datetime.combine(following, time(), tzinfo=tz)
    if every.unit == "week":
        target = day + timedelta(days=every.weekday)
        year, week, _ = day.isocalendar()
        label = f"{year}-W{week:02d}"
        deadline_day = calendar.last_working_day_on_or_before(target)
    else:
        if every.unit == "working_day" and not calendar.is_working_day(day):
            return None
        label = day.isoformat()
        deadline_day = day
    return Period(label, begin, end, datetime.combine(deadline_day, every.at, tzinfo=tz))
