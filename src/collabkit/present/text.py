"""Time late and time left, in words, in the workspace language, in the rule's own terms:
working time for a rule that counts working days or hours (`1wd`, `4wh`), clock time for
every other deadline. `due` and `overdue` say it the same way."""

from __future__ import annotations

from datetime import datetime, timedelta

from collabkit.i18n import Texts
from collabkit.timing.obligations import Obligation, Timing

_HOUR = timedelta(hours=1)
_MINUTE = timedelta(minutes=1)
_DAY = timedelta(days=1)


def lateness_text(timing: Timing, ob: Obligation, now: datetime) -> str:
    """'逾期 3 个工作日' / '15 hours late', with the earlier missed periods of a recurring rule."""
    t = Texts(timing.language)
    text = span_text(timing, ob.due, now, ob.working, "late", t)
    if ob.missed_before:
        text += t("late.earlier_missed", n=ob.missed_before)
    return text


def remaining_text(timing: Timing, ob: Obligation, now: datetime) -> str:
    """'剩 2 个工作日' / 'in 3 h' / 'in 40 min': the time left before a deadline."""
    return span_text(timing, now, ob.due, ob.working, "left", Texts(timing.language))


def span_text(
    timing: Timing, begin: datetime, end: datetime, working: bool, mode: str, t: Texts
) -> str:
    """How long from `begin` to `end`, as time `mode` ('late' or 'left')."""
    if working:
        worked = timing.calendar.working_time_between(begin, end)
        day = timing.calendar.working_day_length()
        if worked >= day:
            return t(f"{mode}.working_days", n=worked // day)
        if worked >= _HOUR:
            return t(f"{mode}.working_hours", n=worked // _HOUR)
        return t(f"{mode}.under_working_hour")
    span = end - begin
    if span >= _DAY:
        return t(f"{mode}.days", n=span // _DAY)
    if span >= _HOUR:
        return t(f"{mode}.hours", n=span // _HOUR)
    if span >= _MINUTE:
        return t(f"{mode}.minutes", n=span // _MINUTE)
    return t("late.just" if mode == "late" else "left.now")
