"""进展情况: how far a collaboration has got, computed from plan, actual and progress —
"已完成(延期2天)" for planned 09-10 and done 09-12, "进行中(已完成60%)", "未开始". The delay
is never typed into a record (SPEC §3.4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from collabkit.i18n import Texts
from collabkit.models import Collaboration
from collabkit.models._base import ProgressEntry


def latest_percent(progress: Sequence[ProgressEntry], now: datetime) -> int | None:
    """The percent of the latest progress entry (up to `now`) that gives one."""
    dated = [p for p in progress if p.percent is not None and p.at <= now]
    return max(dated, key=lambda p: p.at).percent if dated else None


def progress_text(record: Collaboration, now: datetime, tz: tzinfo, t: Texts) -> str:
    """进展情况 of a collaboration at `now` (delays in calendar days, as the handbook says)."""
    if record.status == "cancelled":
        return t("render.progress.cancelled")
    if record.status == "done" or record.actual_end is not None:
        return _done(record, tz, t)
    if record.status == "planned":
        return t("render.progress.not_started")
    percent = latest_percent(record.progress, now)
    late = _days_past(record.planned_end, now, tz)
    if percent is not None:
        if late:
            return t("render.progress.percent_late", percent=percent, n=late)
        return t("render.progress.percent", percent=percent)
    return t("render.progress.started_late", n=late) if late else t("render.progress.started")


def _done(record: Collaboration, tz: tzinfo, t: Texts) -> str:
    if record.actual_end is None or record.planned_end is None:
        return t("render.progress.done")
    days = (record.actual_end.astimezone(tz).date() - record.planned_end.astimezone(tz).date()).days
    if days > 0:
        return t("render.progress.done_late", n=days)
    if days < 0:
        return t("render.progress.done_early", n=-days)
    return t("render.progress.done_on_time")


def _days_past(planned_end: datetime | None, now: datetime, tz: tzinfo) -> int:
    """Whole calendar days `now` is past the planned end (0 when it is not)."""
    if planned_end is None or now <= planned_end:
        return 0
    return (now.astimezone(tz).date() - planned_end.astimezone(tz).date()).days
