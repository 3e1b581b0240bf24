"""Tests for collabkit.calendar (SPEC §5, timing rules).

Every expected date below was derived by hand from the State Council's published
schedules (国务院办公厅关于节假日安排的通知), not from the code:

* 2024 National Day: Oct 1-7 off; Sun Sep 29 and Sat Oct 12 are working days.
* 2025 Spring Festival: Jan 28 - Feb 4 off; Sun Jan 26 and Sat Feb 8 are working days.
* 2025 National Day + Mid-Autumn: Oct 1-8 off; Sun Sep 28 and Sat Oct 11 are working days.
* 2026 New Year: Jan 1-3 off; Sun Jan 4 is a working day.
* 2026 Spring Festival: Feb 15-23 off; Sat Feb 14 and Sat Feb 28 are working days.

Default work hours are 09:00-12:00 and 13:00-18:00, so the close of a day is 18:00.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from collabkit.timing.calendar import Shifted, WorkCalendar
from collabkit.timing.durations import Duration, Unit, parse_duration

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")
CN = WorkCalendar(tz=SH)


def sh(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=SH)


def assert_at(shifted: Shifted, expected: datetime, cal: WorkCalendar = CN) -> None:
    """Same instant, same wall time and the calendar's own zone."""
    assert shifted.at.isoformat() == expected.isoformat()
    assert shifted.at.tzinfo is cal.tz


def days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


def official_schedule_published(year: int) -> bool:
    """What SPEC §5 says identifies a published CN year: some weekend day is worked."""
    cn = holidays.country_holidays("CN", years=year)
    return any(cn.is_working_day(d) for d in days_of(year) if d.weekday() in cn.weekend)


# -- the official schedules ----------------------------------------------------------

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
SCHEDULE_FACTS = [
    # (day, its weekday, working?)
    (date(2024, 9, 28), SAT, False),
    (date(2024, 9, 29), SUN, True),
    (date(2024, 9, 30), MON, True),
    *[(date(2024, 10, d), (TUE + d - 1) % 7, False) for d in range(1, 8)],
    (date(2024, 10, 8), TUE, True),
    (date(2024, 10, 12), SAT, True),
    (date(2024, 10, 13), SUN, False),
    (date(2025, 1, 25), SAT, False),
    (date(2025, 1, 26), SUN, True),
    (date(2025, 1, 27), MON, True),
    *[(date(2025, 1, 28) + timedelta(i), (TUE + i) % 7, False) for i in range(8)],
    (date(2025, 2, 5), WED, True),
    (date(2025, 2, 8), SAT, True),
    (date(2025, 2, 9), SUN, False),
    (date(2025, 9, 27), SAT, False),
    (date(2025, 9, 28), SUN, True),
    (date(2025, 9, 30), TUE, True),
    *[(date(2025, 10, d), (WED + d - 1) % 7, False) for d in range(1, 9)],
    (date(2025, 10, 9), THU, True),
    (date(2025, 10, 11), SAT, True),
    (date(2025, 10, 12), SUN, False),
    (date(2025, 12, 31), WED, True),
    (date(2026, 1, 1), THU, False),
    (date(2026, 1, 2), FRI, False),
    (date(2026, 1, 3), SAT, False),
    (date(2026, 1, 4), SUN, True),
    (date(2026, 2, 14), SAT, True),
    *[(date(2026, 2, 15) + timedelta(i), (SUN + i) % 7, False) for i in range(9)],
    (date(2026, 2, 24), TUE, True),
    (date(2026, 2, 28), SAT, True),
    (date(2026, 3, 1), SUN, False),
]


@pytest.mark.parametrize(("day", "weekday", "working"), SCHEDULE_FACTS, ids=str)
def test_official_schedule(day: date, weekday: int, working: bool) -> None:
    assert day.weekday() == weekday  # guards the hand-written table itself
    assert CN.is_working_day(day) is working


# -- N working days ------------------------------------------------------------------

WD_WITHIN = [
    # SPEC's worked examples
    (sh(2024, 9, 27, 15), "1wd", sh(2024, 9, 29, 18)),
    (sh(2024, 9, 27, 15), "5wd", sh(2024, 10, 10, 18)),
    (sh(2024, 9, 27, 15), "2wd", sh(2024, 9, 30, 18)),
    (sh(2024, 9, 27, 15), "3wd", sh(2024, 10, 8, 18)),
    # the start day never counts, whatever the hour, even when it is a working day
    (sh(2024, 9, 27, 0, 0), "1wd", sh(2024, 9, 29, 18)),
    (sh(2024, 9, 27, 23, 59), "1wd", sh(2024, 9, 29, 18)),
    (sh(2024, 9, 29, 8), "1wd", sh(2024, 9, 30, 18)),
    (sh(2024, 10, 3, 10), "1wd", sh(2024, 10, 8, 18)),
    (sh(2024, 10, 11, 9), "1wd", sh(2024, 10, 12, 18)),
    (sh(2024, 10, 12, 10), "1wd", sh(2024, 10, 14, 18)),
    # 0wd is the close of the start day
    (sh(2024, 9, 27, 15), "0wd", sh(2024, 9, 27, 18)),
    (sh(2024, 10, 3, 10), "0wd", sh(2024, 10, 3, 18)),
    # Spring Festival 2025
    (sh(2025, 1, 24, 17), "1wd", sh(2025, 1, 26, 18)),
    (sh(2025, 1, 24, 17), "2wd", sh(2025, 1, 27, 18)),
    (sh(2025, 1, 24, 17), "3wd", sh(2025, 2, 5, 18)),
    (sh(2025, 1, 24, 17), "6wd", sh(2025, 2, 8, 18)),
    (sh(2025, 1, 24, 17), "7wd", sh(2025, 2, 10, 18)),
    (sh(2025, 1, 29, 10), "1wd", sh(2025, 2, 5, 18)),
    # National Day 2025
    (sh(2025, 9, 26, 11), "1wd", sh(2025, 9, 28, 18)),
    (sh(2025, 9, 26, 11), "3wd", sh(2025, 9, 30, 18)),
    (sh(2025, 9, 26, 11), "4wd", sh(2025, 10, 9, 18)),
    (sh(2025, 9, 26, 11), "6wd", sh(2025, 10, 11, 18)),
    # New Year and Spring Festival 2026
    (sh(2025, 12, 31, 10), "1wd", sh(2026, 1, 4, 18)),
    (sh(2025, 12, 31, 10), "2wd", sh(2026, 1, 5, 18)),
    (sh(2026, 2, 13, 16), "1wd", sh(2026, 2, 14, 18)),
    (sh(2026, 2, 13, 16), "2wd", sh(2026, 2, 24, 18)),
    (sh(2026, 2, 27, 10), "1wd", sh(2026, 2, 28, 18)),
    (sh(2026, 2, 27, 10), "2wd", sh(2026, 3, 2, 18)),
]

WD_BEFORE = [
    (sh(2024, 10, 8, 10), "1wd", sh(2024, 9, 30, 18)),
    (sh(2024, 10, 8, 10), "2wd", sh(2024, 9, 29, 18)),
    (sh(2024, 10, 8, 10), "3wd", sh(2024, 9, 27, 18)),
    (sh(2024, 10, 14, 10), "1wd", sh(2024, 10, 12, 18)),
    (sh(2024, 9, 23, 10), "1wd", sh(2024, 9, 20, 18)),  # Monday meeting -> Friday
    (sh(2024, 9, 23, 10), "0wd", sh(2024, 9, 23, 18)),
    (sh(2025, 2, 5, 9, 30), "1wd", sh(2025, 1, 27, 18)),
    (sh(2025, 2, 5, 9, 30), "2wd", sh(2025, 1, 26, 18)),
    (sh(2025, 2, 5, 9, 30), "3wd", sh(2025, 1, 24, 18)),
    (sh(2025, 2, 10, 10), "1wd", sh(2025, 2, 8, 18)),
    (sh(2025, 10, 9, 14), "1wd", sh(2025, 9, 30, 18)),
    (sh(2025, 10, 9, 14), "3wd", sh(2025, 9, 28, 18)),
    (sh(2025, 10, 9, 14), "4wd", sh(2025, 9, 26, 18)),
    (sh(2026, 1, 5, 10), "1wd", sh(2026, 1, 4, 18)),
    (sh(2026, 1, 5, 10), "2wd", sh(2025, 12, 31, 18)),
    (sh(2026, 2, 24, 10), "1wd", sh(2026, 2, 14, 18)),
    (sh(2026, 2, 24, 10), "2wd", sh(2026, 2, 13, 18)),
    (sh(2026, 3, 2, 10), "1wd", sh(2026, 2, 28, 18)),
]


@pytest.mark.parametrize(("start", "text", "expected"), WD_WITHIN, ids=str)
def test_working_days_within(start: datetime, text: str, expected: datetime) -> None:
    shifted = CN.shift(start, parse_duration(text))
    assert_at(shifted, expected)
    assert shifted.estimated_years == frozenset()


@pytest.mark.parametrize(("start", "text", "expected"), WD_BEFORE, ids=str)
def test_working_days_before(start: datetime, text: str, expected: datetime) -> None:
    shifted = CN.shift(start, parse_duration(text), before=True)
    assert_at(shifted, expected)
    assert shifted.estimated_years == frozenset()


def test_working_days_use_the_calendar_day_not_the_start_zone_day() -> None:
    # Sun 2024-09-29 17:00 UTC is already Mon 09-30 01:00 in Shanghai.
    start = datetime(2024, 9, 29, 17, tzinfo=UTC)
    assert_at(CN.shift(start, Duration(1, "wd")), sh(2024, 10, 8, 18))


# -- N working hours -----------------------------------------------------------------

WH_WITHIN = [
    (sh(2024, 9, 30, 16), "4wh", sh(2024, 10, 8, 11)),  # SPEC's worked example
    (sh(2024, 9, 25, 14), "4wh", sh(2024, 9, 25, 18)),  # lands on closing: stays
    (sh(2024, 9, 25, 7), "3wh", sh(2024, 9, 25, 12)),  # before opening; lunch closing stays
    (sh(2024, 9, 25, 7), "4wh", sh(2024, 9, 25, 14)),
    (sh(2024, 9, 25, 12, 30), "1wh", sh(2024, 9, 25, 14)),  # lunch: starts at 13:00
    (sh(2024, 9, 25, 11), "2wh", sh(2024, 9, 25, 14)),  # across lunch
    (sh(2024, 9, 25, 9), "8wh", sh(2024, 9, 25, 18)),
    (sh(2024, 9, 25, 9), "9wh", sh(2024, 9, 26, 10)),
    (sh(2024, 9, 25, 17, 59, 30), "1wh", sh(2024, 9, 26, 9, 59, 30)),
    (sh(2024, 9, 30, 19), "1wh", sh(2024, 10, 8, 10)),  # after closing, before a holiday
    (sh(2024, 10, 2, 10), "2wh", sh(2024, 10, 8, 11)),  # on a holiday
    (sh(2024, 9, 28, 10), "1wh", sh(2024, 9, 29, 10)),  # Saturday -> adjusted Sunday
    (sh(2024, 9, 25, 10, 15), "0wh", sh(2024, 9, 25, 10, 15)),
    (sh(2024, 9, 25, 18), "0wh", sh(2024, 9, 25, 18)),
    (sh(2024, 9, 25, 12, 30), "0wh", sh(2024, 9, 25, 13)),
    (sh(2024, 10, 2, 10), "0wh", sh(2024, 10, 8, 9)),
    # Spring Festival 2025
    (sh(2025, 1, 27, 15), "8wh", sh(2025, 2, 5, 15)),
    (sh(2025, 1, 26, 17), "1wh", sh(2025, 1, 26, 18)),
    (sh(2025, 1, 24, 17), "2wh", sh(2025, 1, 26, 10)),
    # National Day 2025
    (sh(2025, 9, 30, 17, 30), "1wh", sh(2025, 10, 9, 9, 30)),
    (sh(2025, 9, 30, 12, 30), "5wh", sh(2025, 9, 30, 18)),
    # Spring Festival 2026
    (sh(2026, 2, 14, 16), "3wh", sh(2026, 2, 24, 10)),
]

WH_BEFORE = [
    (sh(2024, 10, 8, 11), "4wh", sh(2024, 9, 30, 16)),  # mirror of SPEC's example
    (sh(2024, 9, 25, 18), "3wh", sh(2024, 9, 25, 15)),
    (sh(2024, 9, 25, 18), "5wh", sh(2024, 9, 25, 13)),  # lands on opening: stays
    (sh(2024, 9, 25, 18), "8wh", sh(2024, 9, 25, 9)),
    (sh(2024, 9, 25, 12, 30), "1wh", sh(2024, 9, 25, 11)),  # lunch: from 12:00
    (sh(2024, 9, 25, 12, 30), "0wh", sh(2024, 9, 25, 12)),
    (sh(2024, 9, 25, 9), "0wh", sh(2024, 9, 25, 9)),
    (sh(2024, 10, 2, 10), "0wh", sh(2024, 9, 30, 18)),
    (sh(2025, 2, 5, 10), "4wh", sh(2025, 1, 27, 15)),
    (sh(2025, 10, 9, 9), "1wh", sh(2025, 9, 30, 17)),
    (sh(2025, 10, 5, 12), "2wh", sh(2025, 9, 30, 16)),
    (sh(2026, 2, 24, 10), "3wh", sh(2026, 2, 14, 16)),
]


@pytest.mark.parametrize(("start", "text", "expected"), WH_WITHIN, ids=str)
def test_working_hours_within(start: datetime, text: str, expected: datetime) -> None:
    shifted = CN.shift(start, parse_duration(text))
    assert_at(shifted, expected)
    assert shifted.estimated_years == frozenset()


@pytest.mark.parametrize(("start", "text", "expected"), WH_BEFORE, ids=str)
def test_working_hours_before(start: datetime, text: str, expected: datetime) -> None:
    assert_at(CN.shift(start, parse_duration(text), before=True), expected)


def test_working_hours_from_another_zone() -> None:
    # 08:00 UTC is 16:00 in Shanghai: SPEC's example again.
    assert_at(
        CN.shift(datetime(2024, 9, 30, 8, tzinfo=UTC), Duration(4, "wh")), sh(2024, 10, 8, 11)
    )


# -- calendar durations --------------------------------------------------------------


def test_incident_at_three_on_a_holiday() -> None:
    start = sh(2024, 10, 2, 3)
    assert_at(CN.shift(start, Duration(1, "h")), sh(2024, 10, 2, 4))
    assert_at(CN.shift(start, Duration(30, "m")), sh(2024, 10, 2, 3, 30))
    assert_at(CN.shift(start, Duration(24, "h")), sh(2024, 10, 3, 3))
    assert CN.shift(start, Duration(1, "h")).estimated_years == frozenset()


def test_calendar_hours_ignore_holidays() -> None:
    assert_at(CN.shift(sh(2024, 9, 30, 16), Duration(24, "h")), sh(2024, 10, 1, 16))
    assert_at(CN.shift(sh(2024, 10, 10, 10), Duration(3, "d"), before=True), sh(2024, 10, 7, 10))


def test_calendar_time_across_dst_is_elapsed_time() -> None:
    ny = WorkCalendar(tz=NY, country="US")
    # 2024-03-10 02:00 EST jumps to 03:00 EDT: 24 elapsed hours end at 13:00 local.
    start = datetime(2024, 3, 9, 12, tzinfo=NY)
    assert_at(ny.shift(start, Duration(24, "h")), datetime(2024, 3, 10, 13, tzinfo=NY), ny)
    assert_at(ny.shift(start, Duration(1, "d")), datetime(2024, 3, 10, 13, tzinfo=NY), ny)
    assert_at(
        ny.shift(datetime(2024, 3, 10, 1, 30, tzinfo=NY), Duration(1, "h")),
        datetime(2024, 3, 10, 3, 30, tzinfo=NY),
        ny,
    )
    # 2024-11-03 falls back: 3 days before Monday noon EST is Friday 13:00 EDT.
    assert_at(
        ny.shift(datetime(2024, 11, 4, 12, tzinfo=NY), Duration(3, "d"), before=True),
        datetime(2024, 11, 1, 13, tzinfo=NY),
        ny,
    )


def test_calendar_time_from_a_dst_zone_into_the_calendar_zone() -> None:
    # 2024-03-09 12:00 EST = 17:00 UTC; +24 h = 2024-03-10 17:00 UTC = 03-11 01:00 Shanghai.
    shifted = CN.shift(datetime(2024, 3, 9, 12, tzinfo=NY), Duration(24, "h"))
    assert_at(shifted, sh(2024, 3, 11, 1))


@pytest.mark.parametrize("unit", ["m", "h", "d", "wd", "wh"])
def test_naive_start_is_rejected(unit: str) -> None:
    with pytest.raises(ValueError, match="timezone"):
        CN.shift(datetime(2024, 9, 27, 15), parse_duration(f"1{unit}"))


def test_out_of_range_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        CN.shift(sh(9999, 12, 31, 12), Duration(2, "d"))
    with pytest.raises(ValueError):
        CN.shift(sh(2024, 9, 27), Duration(10**9, "d"))


# -- company days, other countries, work hours ---------------------------------------


def test_extra_holiday_is_off() -> None:
    cal = WorkCalendar(tz=SH, extra_holidays=[date(2024, 9, 30)])
    assert not cal.is_working_day(date(2024, 9, 30))
    assert_at(cal.shift(sh(2024, 9, 27, 15), Duration(2, "wd")), sh(2024, 10, 8, 18), cal)
    assert_at(cal.shift(sh(2024, 9, 29, 16), Duration(4, "wh")), sh(2024, 10, 8, 11), cal)


def test_extra_holiday_beats_an_adjusted_working_day() -> None:
    cal = WorkCalendar(tz=SH, extra_holidays=[date(2024, 9, 29)])
    assert_at(cal.shift(sh(2024, 9, 27, 15), Duration(1, "wd")), sh(2024, 9, 30, 18), cal)


def test_extra_workday_on_a_public_holiday_and_on_a_weekend() -> None:
    cal = WorkCalendar(tz=SH, extra_workdays=[date(2024, 10, 7), date(2024, 9, 28)])
    assert_at(cal.shift(sh(2024, 9, 30, 10), Duration(1, "wd")), sh(2024, 10, 7, 18), cal)
    assert_at(cal.shift(sh(2024, 9, 30, 16), Duration(4, "wh")), sh(2024, 10, 7, 11), cal)
    assert_at(cal.shift(sh(2024, 9, 27, 15), Duration(1, "wd")), sh(2024, 9, 28, 18), cal)


def test_extra_workday_wins_over_extra_holiday() -> None:
    day = date(2024, 10, 7)
    cal = WorkCalendar(tz=SH, extra_holidays=[day], extra_workdays=[day])
    assert cal.is_working_day(day)


def test_no_country_means_saturday_and_sunday_off() -> None:
    cal = WorkCalendar(tz=SH, country=None, extra_holidays=[date(2024, 10, 2)])
    assert not cal.is_working_day(date(2024, 9, 29))
    assert cal.is_working_day(date(2024, 10, 1))
    assert not cal.is_working_day(date(2024, 10, 2))
    assert_at(cal.shift(sh(2024, 9, 27, 15), Duration(1, "wd")), sh(2024, 9, 30, 18), cal)
    assert_at(cal.shift(sh(2024, 9, 30, 15), Duration(2, "wd")), sh(2024, 10, 3, 18), cal)
    assert not cal.is_estimated(2031)


def test_other_countries_use_their_own_weekend_and_are_never_estimated() -> None:
    il = WorkCalendar(tz=ZoneInfo("Asia/Jerusalem"), country="IL")
    assert not il.is_working_day(date(2024, 6, 7))  # Friday
    assert il.is_working_day(date(2024, 6, 9))  # Sunday
    us = WorkCalendar(tz=NY, country="US")
    assert not us.is_working_day(date(2024, 7, 4))
    assert not us.is_estimated(2031)
    assert us.shift(datetime(2031, 3, 3, 10, tzinfo=NY), Duration(1, "wd")).estimated_years == set()


def test_country_code_is_case_insensitive_and_aliases_are_detected() -> None:
    assert WorkCalendar(tz=SH, country="cn").is_working_day(date(2024, 9, 29))
    assert WorkCalendar(tz=SH, country="CHN").is_estimated(2031)


def test_unknown_country() -> None:
    cal = WorkCalendar(tz=SH, country="XX")
    # calendar time never needs the country's calendar
    assert_at(cal.shift(sh(2024, 10, 2, 3), Duration(1, "h")), sh(2024, 10, 2, 4), cal)
    with pytest.raises(ValueError, match=r"^unknown calendar country 'XX'$"):
        cal.is_working_day(date(2024, 1, 1))
    with pytest.raises(ValueError, match=r"^unknown calendar country 'XX'$"):
        cal.shift(sh(2024, 10, 2, 3), Duration(1, "wd"))


def test_custom_work_hours() -> None:
    # given out of order on purpose
    cal = WorkCalendar(tz=SH, work_hours=[(time(14), time(17, 30)), (time(8, 30), time(12))])
    assert cal.close_of(date(2024, 9, 25)) == sh(2024, 9, 25, 17, 30)
    assert_at(cal.shift(sh(2024, 9, 27, 15), Duration(1, "wd")), sh(2024, 9, 29, 17, 30), cal)
    assert_at(cal.shift(sh(2024, 9, 25, 16, 30), Duration(2, "wh")), sh(2024, 9, 26, 9, 30), cal)
    assert_at(cal.shift(sh(2024, 9, 25, 12), Duration(1, "wh")), sh(2024, 9, 25, 15), cal)


@pytest.mark.parametrize(
    "work_hours",
    [
        [],
        [(time(18), time(9))],
        [(time(9), time(9))],
        [(time(9), time(13)), (time(12), time(18))],
        [(time(9, tzinfo=UTC), time(18, tzinfo=UTC))],
    ],
    ids=["empty", "reversed", "zero-length", "overlapping", "aware"],
)
def test_invalid_work_hours(work_hours: list[tuple[time, time]]) -> None:
    with pytest.raises(ValueError):
        WorkCalendar(tz=SH, work_hours=work_hours)


def test_touching_windows_are_allowed() -> None:
    cal = WorkCalendar(tz=SH, work_hours=[(time(9), time(12)), (time(12), time(18))])
    assert_at(cal.shift(sh(2024, 9, 25, 11), Duration(2, "wh")), sh(2024, 9, 25, 13), cal)


# -- day helpers ---------------------------------------------------------------------


def test_close_of() -> None:
    closing = CN.close_of(date(2024, 9, 29))
    assert closing == sh(2024, 9, 29, 18)
    assert closing.tzinfo is SH


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        (date(2024, 9, 27), date(2024, 10, 10), 5),  # 09-29, 09-30, 10-08, 10-09, 10-10
        (date(2024, 10, 1), date(2024, 10, 8), 1),
        (date(2025, 1, 24), date(2025, 2, 8), 6),  # 01-26, 01-27, 02-05 .. 02-08
        (date(2026, 2, 13), date(2026, 2, 28), 6),  # 02-14, 02-24 .. 02-28
        (date(2024, 9, 27), date(2024, 9, 27), 0),
        (date(2024, 10, 10), date(2024, 9, 27), 0),
    ],
)
def test_working_days_between(a: date, b: date, count: int) -> None:
    assert CN.working_days_between(a, b) == count


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 10, 7), date(2024, 9, 30)),
        (date(2024, 9, 29), date(2024, 9, 29)),
        (date(2024, 9, 28), date(2024, 9, 27)),
        (date(2025, 2, 4), date(2025, 1, 27)),
        (date(2025, 10, 3), date(2025, 9, 30)),  # a Friday off: weekly sync moves to Tue
        (date(2026, 2, 22), date(2026, 2, 14)),
    ],
)
def test_last_working_day_on_or_before(day: date, expected: date) -> None:
    assert CN.last_working_day_on_or_before(day) == expected


# -- estimated years -----------------------------------------------------------------


def test_published_years_are_not_estimated() -> None:
    for year in (2024, 2025, 2026):
        assert not CN.is_estimated(year)


def test_far_years_are_estimated() -> None:
    assert CN.is_estimated(2031)
    assert CN.is_estimated(2027) == (not official_schedule_published(2027))


def test_deadline_crossing_into_2027() -> None:
    shifted = CN.shift(sh(2026, 12, 31, 10), Duration(2, "wd"))
    assert (2027 in shifted.estimated_years) == (not official_schedule_published(2027))
    assert shifted.estimated_years <= {2027}
    # the exact day may move once 2027 is published; its shape may not
    assert shifted.at.year == 2027
    assert shifted.at == CN.close_of(shifted.at.date())
    assert CN.is_working_day(shifted.at.date())


def test_working_hours_walking_into_2027() -> None:
    shifted = CN.shift(sh(2026, 12, 31, 17), Duration(2, "wh"))
    assert (2027 in shifted.estimated_years) == (not official_schedule_published(2027))
    before = CN.shift(sh(2027, 1, 4, 10), Duration(1, "wd"), before=True)
    assert (2027 in before.estimated_years) == (not official_schedule_published(2027))


def test_deadlines_inside_2026_are_exact() -> None:
    wd = CN.shift(sh(2026, 12, 21, 10), Duration(3, "wd"))
    assert_at(wd, sh(2026, 12, 24, 18))
    assert wd.estimated_years == frozenset()
    wh = CN.shift(sh(2026, 12, 31, 10), Duration(4, "wh"))
    assert_at(wh, sh(2026, 12, 31, 15))
    assert wh.estimated_years == frozenset()


def test_far_ahead_deadlines_are_always_flagged() -> None:
    start = sh(2031, 3, 3, 10)
    assert CN.shift(start, Duration(1, "wd")).estimated_years == {2031}
    assert CN.shift(start, Duration(1, "wd"), before=True).estimated_years == {2031}
    assert CN.shift(start, Duration(3, "wh")).estimated_years == {2031}
    # the start day is not examined by wd: only 2031's days are
    assert CN.shift(sh(2030, 12, 31, 10), Duration(3, "wd")).estimated_years == {2031}
    assert CN.shift(sh(2030, 12, 27, 10), Duration(5, "wd")).estimated_years == {2030, 2031}


def test_entered_years_clear_the_flag() -> None:
    cal = WorkCalendar(tz=SH, entered_years=[2027, 2031], extra_holidays=[date(2031, 3, 4)])
    assert not cal.is_estimated(2027)
    assert cal.shift(sh(2026, 12, 31, 10), Duration(2, "wd")).estimated_years == frozenset()
    shifted = cal.shift(sh(2031, 3, 3, 10), Duration(1, "wd"))
    assert_at(shifted, sh(2031, 3, 5, 18), cal)  # Tue 03-04 entered as a holiday
    assert shifted.estimated_years == frozenset()


@pytest.mark.parametrize("text", ["24h", "3d", "90m"])
def test_calendar_durations_are_never_estimated(text: str) -> None:
    for start in (sh(2026, 12, 31, 23), sh(2031, 6, 1, 12)):
        for before in (False, True):
            assert CN.shift(start, parse_duration(text), before=before).estimated_years == set()
    assert_at(CN.shift(sh(2026, 12, 31, 23), Duration(24, "h")), sh(2027, 1, 1, 23))


# -- cost ----------------------------------------------------------------------------


def test_importing_does_not_load_holidays() -> None:
    code = (
        "import sys, collabkit.timing.calendar, collabkit.timing.durations; "
        "print('holidays' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "False"


def test_one_holidays_lookup_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    from collabkit.timing import country

    calls: list[int] = []
    original = country.holidays_of

    def counting(code: str, year: int) -> holidays.HolidayBase:
        calls.append(year)
        return original(code, year)  # type: ignore[no-any-return]

    monkeypatch.setattr(country, "holidays_of", counting)
    cal = WorkCalendar(tz=SH)
    for _ in range(3):
        cal.shift(sh(2024, 12, 1, 10), Duration(60, "wd"))
        cal.shift(sh(2024, 12, 20, 10), Duration(100, "wh"))
        cal.working_days_between(date(2024, 6, 1), date(2025, 6, 1))
    assert sorted(calls) == [2024, 2025]


def test_library_never_reads_the_clock() -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "collabkit" / "timing"
    for name in ("calendar.py", "durations.py"):
        text = (src / name).read_text(encoding="utf-8")
        for call in ("now(", "today(", "utcnow(", "time.time(", "print("):
            assert call not in text, f"{name} calls {call}"


# -- properties ----------------------------------------------------------------------

# Official years only, so that properties are about arithmetic, not estimation.
STARTS = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2026, 11, 30), timezones=st.just(SH)
)
ZONES = st.sampled_from([SH, NY, UTC, ZoneInfo("Europe/London"), ZoneInfo("Australia/Sydney")])
PROPERTY = settings(max_examples=100, deadline=None)
UNITS: list[Unit] = ["m", "h", "d", "wd", "wh"]
WINDOWS = ((time(9), time(12)), (time(13), time(18)))


def in_work_window(moment: datetime) -> bool:
    """On a working day, inside a window or on its edge."""
    wall = moment.astimezone(SH)
    return CN.is_working_day(wall.date()) and any(o <= wall.time() <= c for o, c in WINDOWS)


@st.composite
def window_moments(draw: st.DrawFn, *, include_closing: bool) -> datetime:
    """A minute on a working day inside a window: [open, close) or (open, close]."""
    day = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 11, 30)))
    assume(CN.is_working_day(day))
    opening, closing = draw(st.sampled_from(WINDOWS))
    length = (closing.hour - opening.hour) * 60
    offset = draw(st.integers(1, length) if include_closing else st.integers(0, length - 1))
    return datetime.combine(day, opening, tzinfo=SH) + timedelta(minutes=offset)


@PROPERTY
@given(STARTS, st.sampled_from(UNITS), st.integers(0, 40), st.integers(0, 40), st.booleans())
def test_longer_never_earlier(start: datetime, unit: Unit, n: int, k: int, before: bool) -> None:
    shorter = CN.shift(start, Duration(n, unit), before=before).at
    longer = CN.shift(start, Duration(n + k, unit), before=before).at
    assert (longer <= shorter) if before else (longer >= shorter)


@PROPERTY
@given(STARTS, st.integers(1, 40), st.booleans())
def test_wd_lands_on_a_working_day_at_closing(start: datetime, n: int, before: bool) -> None:
    at = CN.shift(start, Duration(n, "wd"), before=before).at
    day, start_day = at.date(), start.astimezone(SH).date()
    assert CN.is_working_day(day)
    assert at == CN.close_of(day)
    # and it is exactly the n-th working day away from the start day, which never counts
    if before:
        assert day < start_day
        assert CN.working_days_between(day, start_day - timedelta(days=1)) == n - 1
    else:
        assert CN.working_days_between(start_day, day) == n


@PROPERTY
@given(STARTS, st.integers(0, 40))
def test_wd_before_mirrors_within(start: datetime, n: int) -> None:
    """From a working day D: n wd before, then n wd within, gives back the close of D,
    and so does the other order."""
    day = start.date()
    assume(CN.is_working_day(day))
    back = CN.shift(start, Duration(n, "wd"), before=True).at
    assert CN.shift(back, Duration(n, "wd")).at == CN.close_of(day)
    ahead = CN.shift(start, Duration(n, "wd")).at
    assert CN.shift(ahead, Duration(n, "wd"), before=True).at == CN.close_of(day)


@PROPERTY
@given(window_moments(include_closing=False), st.integers(0, 40))
def test_wh_within_then_before_returns_to_start(start: datetime, n: int) -> None:
    """A start in [opening, closing) of a window is recovered exactly; a start on a
    closing is not, by design: it begins at the next opening."""
    ahead = CN.shift(start, Duration(n, "wh")).at
    assert CN.shift(ahead, Duration(n, "wh"), before=True).at == start


@PROPERTY
@given(window_moments(include_closing=True), st.integers(0, 40))
def test_wh_before_then_within_returns_to_start(start: datetime, n: int) -> None:
    back = CN.shift(start, Duration(n, "wh"), before=True).at
    assert CN.shift(back, Duration(n, "wh")).at == start


@PROPERTY
@given(STARTS, st.integers(0, 40), st.booleans())
def test_wh_lands_in_a_work_window(start: datetime, n: int, before: bool) -> None:
    at = CN.shift(start, Duration(n, "wh"), before=before).at
    assert in_work_window(at)
    assert (at <= start) if before else (at >= start)


def brute_force_wh(start: datetime, hours: int, before: bool) -> datetime:
    """Minute-by-minute reference: the first moment by which `hours` working hours have
    been counted (0: the nearest moment in or on the edge of a window)."""
    minute = timedelta(minutes=-1 if before else 1)
    wall, counted = start.replace(tzinfo=None), 0
    while True:
        if counted == hours * 60 and in_work_window(wall.replace(tzinfo=SH)):
            return wall.replace(tzinfo=SH)
        stepped = wall + minute
        first = min(wall, stepped)  # the minute [first, first + 1 min) being crossed
        if CN.is_working_day(first.date()) and any(o <= first.time() < c for o, c in WINDOWS):
            counted += 1
        wall = stepped


@settings(max_examples=60, deadline=None)
@given(STARTS, st.integers(0, 12), st.booleans())
def test_wh_matches_a_minute_by_minute_count(start: datetime, n: int, before: bool) -> None:
    start = start.replace(second=0, microsecond=0)
    assert CN.shift(start, Duration(n, "wh"), before=before).at == brute_force_wh(start, n, before)


@PROPERTY
@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2040, 1, 1),
        timezones=ZONES,
        allow_imaginary=False,
    ),
    st.sampled_from(["m", "h", "d"]),
    st.integers(0, 10**5),
    st.booleans(),
    ZONES,
)
def test_calendar_durations_are_exact_in_utc(
    start: datetime, unit: Unit, n: int, before: bool, zone: ZoneInfo
) -> None:
    cal = WorkCalendar(tz=zone, country=None)
    step = {"m": timedelta(minutes=n), "h": timedelta(hours=n), "d": timedelta(hours=24 * n)}[unit]
    shifted = cal.shift(start, Duration(n, unit), before=before)
    assert shifted.at.tzinfo is zone
    assert shifted.at.astimezone(UTC) == start.astimezone(UTC) + (-step if before else step)
    assert shifted.estimated_years == frozenset()


def test_absurd_working_durations_fail_cleanly() -> None:
    # the day walks are bounded (a century), so an absurd amount is an error, not a hang
    cal = WorkCalendar(tz=SH, country=None)
    for unit in ("wd", "wh"):
        with pytest.raises(ValueError, match="century"):
            cal.shift(sh(2024, 9, 27), Duration(10**7, unit), before=True)
