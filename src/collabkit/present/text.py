"""Time late and time left, in words, in the workspace language."""

from __future__ import annotations

from datetime import datetime, timedelta

from collabkit.i18n import Texts
from collabkit.timing.obligations import Obligation, Timing


def lateness_text(timing: Timing, ob: Obligation, now: datetime) -> str:
    """'逾期 3 个工作日' / '15 hours late', with the earlier missed periods of a recurring rule."""
    t = Texts(timing.language)
    text = _lateness(timing, ob, now, t)
    if ob.missed_before:
        text += t("late.earlier_missed", n=ob.missed_before)
    return text


def _lateness(timing: Timing, ob: Obligation, now: datetime, t: Texts) -> str:
    hours = int((now - ob.due) / timedelta(hours=1))
    if hours < 24:
        return t("late.hours", n=hours) if hours >= 1 else t("late.just")
    days = timing.calendar.working_days_between(
        ob.due.astimezone(timing.calendar.tz).date(), now.astimezone(timing.calendar.tz).date()
    )
    return t("late.working_days", n=days) if days >= 1 else t("late.hours", n=hours)


def remaining_text(timing: Timing, ob: Obligation, now: datetime) -> str:
    """'2 天后' / 'in 3 h' / 'in 40 min': the time left before a deadline."""
    t = Texts(timing.language)
    left = ob.due - now
    hours = int(left // timedelta(hours=1))
    if hours >= 24:
        return t("left.days", n=hours // 24)
    if hours >= 1:
        return t("left.hours", n=hours)
    minutes = int(left // timedelta(minutes=1))
    return t("left.minutes", n=minutes) if minutes >= 1 else t("left.now")
