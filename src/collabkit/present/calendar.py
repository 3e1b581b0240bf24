"""The working calendar for people (`collab calendar`): month grids with every day that is
not an ordinary weekday or weekend marked, the reason for each, and the `--check` verdict."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from collabkit.i18n import Texts
from collabkit.timing.schedule import Day, ScheduleCheck

CELL = 4  # display columns of a day: its number (2) and its mark (a CJK character, or 1-2)


def mark_of(day: Day) -> str | None:
    """Which mark a day gets: the team's days first (they win), then the state's."""
    if day.company == "workday":
        return "company_workday"
    if day.company == "holiday":
        return "company_holiday"
    if day.holiday and not day.working:
        return "holiday"
    if day.adjusted:
        return "adjusted"
    return None


def calendar_text(days: Sequence[Day], language: str) -> str:
    """Each month of `days` as a grid (weeks from Monday) with its marked days listed below
    it, then the legend, and a note when a year is estimated."""
    t = Texts(language)
    blocks = [_month(list(month), t) for _, month in groupby(days, lambda d: d.day.month)]
    lines = ["\n\n".join(blocks), "", t("calendar.legend")]
    estimated = sorted({d.day.year for d in days if d.estimated})
    lines += [t("calendar.estimated", year=year) for year in estimated]
    return "\n".join(lines) + "\n"


def calendar_json(days: Sequence[Day]) -> list[dict[str, Any]]:
    """One item per day: `collab calendar --format json`."""
    return [
        {
            "date": d.day.isoformat(),
            "weekday": d.day.isoweekday(),
            "working": d.working,
            "weekend": d.weekend,
            "holiday": d.holiday,
            "adjusted": d.adjusted,
            "company": d.company,
            "estimated": d.estimated,
        }
        for d in days
    ]


def check_text(check: ScheduleCheck, language: str, holidays_version: str) -> str:
    """The one line `collab calendar --check` prints."""
    key = f"calendar.check.{check.state}"
    return Texts(language)(key, year=check.year, version=holidays_version)


def _month(days: list[Day], t: Texts) -> str:
    first = days[0].day
    header = " ".join(_pad(name) for name in t("calendar.weekdays").split()).rstrip()
    lines = [f"{first:%Y-%m}", header]
    week = [" " * CELL] * first.weekday()
    for day in days:
        mark = mark_of(day)
        week.append(_pad(f"{day.day.day:>2}" + (t(f"calendar.mark.{mark}") if mark else "")))
        if day.day.weekday() == 6:
            lines.append(" ".join(week).rstrip())
            week = []
    if week:
        lines.append(" ".join(week).rstrip())
    notes = [_note(day, t) for day in days if mark_of(day)]
    return "\n".join([*lines, "", *notes] if notes else lines)


def _note(day: Day, t: Texts) -> str:
    mark = mark_of(day)
    names = t("calendar.weekday_names").split()
    reason = day.holiday if mark == "holiday" and day.holiday else t(f"calendar.reason.{mark}")
    return f"{day.day:%m-%d} {names[day.day.weekday()]} {t(f'calendar.mark.{mark}')} {reason}"


def _pad(text: str) -> str:
    """`text` filled with spaces to CELL display columns (a CJK character takes two)."""
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * (CELL - width)
