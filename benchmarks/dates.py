"""The generator's clock: the moment the workspace is measured at, and working days (CN)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays

NOW = datetime(2025, 6, 16, 9, 0)  # a Monday morning, Asia/Shanghai
NOW_ISO = "2025-06-16T09:00:00+08:00"

CALENDAR = holidays.country_holidays("CN", years=range(2023, 2027))


def t(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def d(moment: datetime | date) -> str:
    return moment.strftime("%Y-%m-%d")


def workday_at(moment: datetime, hour: int, minute: int = 0, *, before: bool = False) -> datetime:
    """The first working day on or after `moment`'s day (with `before`: the last on or before
    it), at hour:minute."""
    day = moment.date()
    while not CALENDAR.is_working_day(day):
        day += timedelta(days=-1 if before else 1)
    return datetime(day.year, day.month, day.day, hour, minute)


def plus_wd(moment: datetime, n: int, hour: int = 17) -> datetime:
    """A moment safely before `n` working days from `moment`: its day + n calendar days is never
    later than the close of the n-th working day after it."""
    day = moment.date() + timedelta(days=n)
    return datetime(day.year, day.month, day.day, hour, 0)
