"""Lint checks that need the timing rules or the calendar (SPEC §5, §8 warnings)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from collabkit.findings import Finding
from collabkit.timing import Timing
from collabkit.views import fmt_time, problem

if TYPE_CHECKING:
    from collabkit.lint import Locator
    from collabkit.store import Loaded, Workspace

MEETING_LIMIT = timedelta(minutes=90)
TOPIC_LIMIT_MINUTES = 20
NOTICE_GROUP = re.compile(r"^【[^】]+】.+\d{8}$")
LATE_NIGHT_HOUR = 22


def timing_checks(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    timing = Timing.for_config(ws.config)
    tz = ws.config.tz
    for rec in records:
        for ob in timing.obligations_for(rec):
            if ob.met and ob.met_at is not None and ob.met_at > ob.due:
                late = fmt_time(ob.met_at, tz)
                yield _warn(
                    where,
                    rec,
                    ob.loc,
                    "breach",
                    f"{ob.rule}{' ' + ob.item if ob.item else ''}: {ob.what} was due "
                    f"{fmt_time(ob.due, tz)}, met {late} (late)",
                )
            if ob.estimated_years and not ob.met:
                yield _warn(
                    where,
                    rec,
                    ob.loc,
                    "estimated-calendar",
                    f"{ob.rule}: deadline {fmt_time(ob.due, tz)} is estimated: {problem(ob, 'en')}",
                )
        kind = rec.record.kind
        if kind == "meeting":
            yield from _meeting(rec, where)
        elif kind == "notice":
            yield from _notice(rec, where, timing)


def _warn(
    where: Locator,
    rec: Loaded,
    loc: tuple[str | int, ...],
    code: str,
    message: str,
    severity: str = "warning",
) -> Finding:
    line, column = where.at(rec, loc)
    return Finding(rec.file.rel, line, column, severity, code, message)  # type: ignore[arg-type]


def _meeting(rec: Loaded, where: Locator) -> Iterator[Finding]:
    meeting = rec.record
    if meeting.start and meeting.end:
        length = meeting.end - meeting.start
        if length <= timedelta(0):
            yield _warn(
                where, rec, ("end",), "invalid-time", "the meeting ends before it starts", "error"
            )
        elif length > MEETING_LIMIT:
            yield _warn(
                where,
                rec,
                ("end",),
                "meeting-too-long",
                f"meeting lasts {int(length.total_seconds() // 60)} minutes; "
                f"the handbook's limit is 90",
            )
    for i, topic in enumerate(meeting.topics):
        if topic.timebox and topic.timebox > TOPIC_LIMIT_MINUTES:
            yield _warn(
                where,
                rec,
                ("topics", i, "timebox"),
                "topic-over-timebox",
                f"topic '{topic.title}' has a {topic.timebox}-minute timebox; "
                f"the handbook allows {TOPIC_LIMIT_MINUTES}",
            )
        if topic.timebox and topic.minutes_used and topic.minutes_used > topic.timebox:
            yield _warn(
                where,
                rec,
                ("topics", i, "minutes_used"),
                "topic-over-timebox",
                f"topic '{topic.title}' took {topic.minutes_used} minutes, "
                f"over its {topic.timebox}-minute timebox",
            )


def _notice(rec: Loaded, where: Locator, timing: Timing) -> Iterator[Finding]:
    notice = rec.record
    if notice.group and not NOTICE_GROUP.match(notice.group.strip()):
        yield _warn(
            where,
            rec,
            ("group",),
            "notice-group-name",
            f"group name '{notice.group}' breaks the rule 【部门/项目】+主题+日期 "
            f"(e.g. 【市场部】新品推广方案20231020)",
        )
    if notice.at and not notice.urgent:
        local = notice.at.astimezone(timing.calendar.tz)
        off_day = not timing.calendar.is_working_day(local.date())
        if off_day or local.hour >= LATE_NIGHT_HOUR:
            yield _warn(
                where,
                rec,
                ("at",),
                "notice-off-hours",
                "sent outside working time (after 22:00, a weekend or a holiday) "
                "without urgent: true (非工作时间发送需注明紧急)",
            )
