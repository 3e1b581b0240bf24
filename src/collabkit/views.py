"""Plain data for output: obligations and records as JSON-ready dicts and table rows.

The CLI prints these; nothing here knows about terminals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from collabkit.positions import quick_line
from collabkit.timing import Obligation, Timing

ESTIMATED_MARK = "≈"


def fmt_time(moment: datetime, tz: Any) -> str:
    """'2024-10-25 18:00' in the workspace zone."""
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def line_of(ob: Obligation, text: str | None) -> int | None:
    """The line an obligation points at, by a quick scan of its file's text."""
    if text is None:
        return None
    loc = ob.loc
    while loc:
        line = quick_line(text, loc)
        if line is not None:
            return line
        loc = loc[:-1]
    return None


def problem(ob: Obligation, language: str) -> str | None:
    if not ob.estimated_years:
        return None
    years = ", ".join(str(y) for y in sorted(ob.estimated_years))
    if language == "zh":
        return (
            f"{years} 年的官方节假日与调休安排尚未收录,截止时间按估算日历计算;"
            f"请升级 holidays,或在 collab.yaml 的 calendar.extra_holidays / extra_workdays "
            f"中录入该年安排并把 {years} 加入 calendar.entered_years"
        )
    return (
        f"no official holiday schedule for {years} yet, so this deadline is estimated; "
        f"upgrade holidays, or enter {years}'s days in calendar.extra_holidays / "
        f"extra_workdays and add {years} to calendar.entered_years in collab.yaml"
    )


def obligation_json(ob: Obligation, text: str | None, language: str) -> dict[str, Any]:
    """The JSON item of SPEC §4."""
    item: dict[str, Any] = {
        "record": ob.record,
        "kind": ob.kind,
        "item": ob.item,
        "rule": ob.rule,
        "what": ob.what,
        "owner": ob.owner,
        "department": ob.department,
        "due": iso(ob.due),
        "file": ob.file,
        "line": line_of(ob, text),
    }
    if ob.estimated_years:
        item["estimated"] = True
        item["problem"] = problem(ob, language)
    if ob.missed_before:
        item["missed_before"] = ob.missed_before
    return item


def lateness_text(timing: Timing, ob: Obligation, now: datetime) -> str:
    text = _lateness(timing, ob, now)
    if ob.missed_before:
        n = ob.missed_before
        zh = timing.config.language == "zh"
        text += f"（此前另有 {n} 期未完成）" if zh else f" ({n} earlier missed)"
    return text


def _lateness(timing: Timing, ob: Obligation, now: datetime) -> str:
    days, hours = timing.lateness(ob.due, now)
    zh = timing.config.language == "zh"
    if days >= 1:
        return f"逾期 {days} 个工作日" if zh else f"{days} working day{'s' * (days != 1)} late"
    if hours >= 1:
        return f"逾期 {hours} 小时" if zh else f"{hours} hour{'s' * (hours != 1)} late"
    return "刚逾期" if zh else "just late"


def remaining_text(timing: Timing, ob: Obligation, now: datetime) -> str:
    hours = int((ob.due - now).total_seconds() // 3600)
    zh = timing.config.language == "zh"
    if hours >= 24:
        days = hours // 24
        return f"{days} 天后" if zh else f"in {days} day{'s' * (days != 1)}"
    return f"{hours} 小时后" if zh else f"in {hours} h"


def obligation_row(
    ob: Obligation,
    timing: Timing,
    now: datetime,
    when: Callable[[Timing, Obligation, datetime], str],
) -> list[str]:
    due = fmt_time(ob.due, timing.calendar.tz) + (
        f" {ESTIMATED_MARK}" if ob.estimated_years else ""
    )
    return [
        ob.ref,
        ob.rule,
        ob.what,
        ob.owner or "-",
        ob.department or "-",
        due,
        when(timing, ob, now),
    ]


def headers(language: str, last: str) -> list[str]:
    if language == "zh":
        return ["记录", "规则", "事项", "负责人", "部门", "截止时间", last]
    return ["record", "rule", "what", "owner", "department", "due", last]
