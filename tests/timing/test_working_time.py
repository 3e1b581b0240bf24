"""Working time between two moments (what `due` and `overdue` say for working-time rules).

Work windows 09:00-12:00 and 13:00-18:00: 8 hours a working day. Calendar facts as in
tests/query/test_days.py (State Council 2024)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabkit.timing.calendar import WorkCalendar

SH = ZoneInfo("Asia/Shanghai")
CN = WorkCalendar(tz=SH)
H = timedelta(hours=1)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH)


@pytest.mark.parametrize(
    ("begin", "end", "hours"),
    [
        ("2024-09-30 09:00", "2024-10-08 18:00", 16),  # Mon, then Tue after the holiday
        ("2024-10-12 18:30", "2024-10-14 00:00", 0),  # after the close of the worked Sat
        ("2024-10-11 18:00", "2024-10-14 09:00", 8),  # the worked Saturday only
        ("2024-10-14 10:30", "2024-10-14 14:00", 2.5),  # lunch does not count
        ("2024-10-14 12:15", "2024-10-14 12:45", 0),
        ("2024-10-14 20:00", "2024-10-14 08:00", 0),  # backwards: nothing
        ("2024-09-18 18:00", "2024-10-14 09:00", 14 * 8),  # see test_deadlines
    ],
)
def test_working_time_between(begin: str, end: str, hours: float) -> None:
    assert CN.working_time_between(at(begin), at(end)) == hours * H


def test_a_working_day_is_the_sum_of_its_windows() -> None:
    assert CN.working_day_length() == 8 * H
    short = WorkCalendar(tz=SH, work_hours=[(time(10), time(12)), (time(14), time(16, 30))])
    assert short.working_day_length() == timedelta(hours=4, minutes=30)


@given(
    st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2025, 12, 31)),
    st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2025, 12, 31)),
    st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2025, 12, 31)),
)
def test_working_time_adds_up(a: datetime, b: datetime, c: datetime) -> None:
    first, middle, last = sorted(x.replace(tzinfo=SH) for x in (a, b, c))
    whole = CN.working_time_between(first, last)
    assert whole == CN.working_time_between(first, middle) + CN.working_time_between(middle, last)
    assert timedelta(0) <= whole <= last - first
