"""How far ahead a listing looks (`due --within`), and which moments a command accepts as
`--now`: parsed, bounded, and refused in words rather than by an overflow deep inside.

`--within` takes every duration of the timing rules (`30m`, `2h`, `3d`, `1wd`, `4wh`, and
their Chinese spellings) and weeks (`1w`, `2周`), which are 7 calendar days each. A bare
`m` is minutes, never months.
"""

from __future__ import annotations

import re
from datetime import datetime

from collabkit.errors import UsageError
from collabkit.i18n import msg
from collabkit.timing.calendar import WorkCalendar
from collabkit.timing.durations import Duration, parse_duration

FIRST_YEAR, LAST_YEAR = 1970, 2199  # moments a command takes; beyond them is a typo
AHEAD_YEARS = 10
# The most each unit may look ahead: about AHEAD_YEARS years.
MOST_AHEAD = {"m": 5_270_400, "h": 87_840, "d": 3_660, "wd": 2_600, "wh": 20_800}
_WEEKS = re.compile(r"(?P<n>\d+)\s*(?:w|wk|wks|weeks?|个?\s*(?:周|星期|礼拜))", re.IGNORECASE)


def look_ahead(text: str) -> Duration:
    """`--within` as a Duration; weeks become days. A UsageError says what is wrong."""
    stripped = text.strip()
    weeks = _WEEKS.fullmatch(stripped)
    try:
        span = Duration(int(weeks["n"]) * 7, "d") if weeks else parse_duration(stripped)
    except ValueError:
        raise UsageError(msg("within.invalid", text=text)) from None
    if span.amount > MOST_AHEAD[span.unit]:
        most = f"{MOST_AHEAD['d']}d, {MOST_AHEAD['wd']}wd"
        raise UsageError(msg("within.too_far", text=text, years=AHEAD_YEARS, most=most))
    return span


def horizon(calendar: WorkCalendar, now: datetime, span: Duration) -> datetime:
    """The end of a look ahead of `span` from `now`, or a UsageError."""
    try:
        until = calendar.shift(now, span).at
    except (ValueError, OverflowError):
        until = None
    if until is None or until.year > LAST_YEAR:
        raise UsageError(
            msg("within.too_far", text=str(span), years=AHEAD_YEARS, most=f"{LAST_YEAR}-12-31")
        )
    return until


def check_moment(moment: datetime, option: str, text: str) -> datetime:
    """`moment` if its year is one a command can work with; else a UsageError."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise UsageError(
            msg("moment.out_of_range", option=option, text=text, first=FIRST_YEAR, last=LAST_YEAR)
        )
    return moment
