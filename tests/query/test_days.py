"""Days as people read them: the weekday beside a date, marked 班 when a weekend day is
worked (调休) and 休 when a weekday is off. Checked against the State Council's 2024
schedule: Mid-Autumn Sep 15-17 off with Sat Sep 14 worked; National Day Oct 1-7 off with
Sun Sep 29 and Sat Oct 12 worked."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from collabkit.i18n import Texts
from collabkit.query.days import day_mark, day_text, moment_text
from collabkit.timing.calendar import WorkCalendar

SH = ZoneInfo("Asia/Shanghai")
CN = WorkCalendar(tz=SH)


@pytest.mark.parametrize(
    ("day", "mark", "zh", "en"),
    [
        (date(2024, 9, 14), "workday", "2024-09-14 周六(班)", "2024-09-14 Sat (workday)"),
        (date(2024, 9, 16), "holiday", "2024-09-16 周一(休)", "2024-09-16 Mon (holiday)"),
        (date(2024, 9, 29), "workday", "2024-09-29 周日(班)", "2024-09-29 Sun (workday)"),
        (date(2024, 10, 1), "holiday", "2024-10-01 周二(休)", "2024-10-01 Tue (holiday)"),
        (date(2024, 10, 5), None, "2024-10-05 周六", "2024-10-05 Sat"),  # a day off anyway
        (date(2024, 10, 7), "holiday", "2024-10-07 周一(休)", "2024-10-07 Mon (holiday)"),
        (date(2024, 10, 12), "workday", "2024-10-12 周六(班)", "2024-10-12 Sat (workday)"),
        (date(2024, 10, 14), None, "2024-10-14 周一", "2024-10-14 Mon"),
    ],
)
def test_days_of_the_2024_schedule(day: date, mark: str | None, zh: str, en: str) -> None:
    assert day_mark(CN, day) == mark
    assert day_text(CN, day, Texts("zh")) == zh
    assert day_text(CN, day, Texts("en")) == en


def test_company_days_are_marked_too() -> None:
    company = WorkCalendar(tz=SH, extra_holidays=[date(2024, 12, 31)],
                           extra_workdays=[date(2024, 12, 28)])
    assert day_text(company, date(2024, 12, 31), Texts("zh")) == "2024-12-31 周二(休)"
    assert day_text(company, date(2024, 12, 28), Texts("zh")) == "2024-12-28 周六(班)"


def test_a_moment_is_said_in_the_calendar_zone() -> None:
    utc = datetime(2024, 10, 11, 16, 30, tzinfo=ZoneInfo("UTC"))  # Sat 00:30 in Shanghai
    assert moment_text(CN, utc, Texts("zh")) == "2024-10-12 00:30 周六(班)"
