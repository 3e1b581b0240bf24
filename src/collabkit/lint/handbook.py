"""The handbook's limits as lint checks: meeting length, topic timeboxes, notice rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from collabkit.findings import Finding
from collabkit.lint.locate import Locator
from collabkit.models import Meeting, Notice
from collabkit.timing.obligations import Timing
from collabkit.workspace import Loaded, Workspace

MEETING_LIMIT = timedelta(minutes=90)
TOPIC_LIMIT_MINUTES = 20
NOTICE_GROUP = re.compile(r"^【[^】]+】.+\d{8}$")
LATE_NIGHT_HOUR = 22


def handbook_checks(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    for rec in records:
        if isinstance(rec.record, Meeting):
            yield from _meeting(rec, rec.record, where)
        elif isinstance(rec.record, Notice):
            yield from _notice(rec, rec.record, where, ws.timing)


def _meeting(rec: Loaded, meeting: Meeting, where: Locator) -> Iterator[Finding]:
    if meeting.start and meeting.end:
        length = meeting.end - meeting.start
        if length <= timedelta(0):
            yield where.finding(rec, ("end",), "invalid-time", "the meeting ends before it starts")
        elif length > MEETING_LIMIT:
            yield where.finding(
                rec,
                ("end",),
                "meeting-too-long",
                f"meeting lasts {int(length.total_seconds() // 60)} minutes; "
                f"the handbook's limit is 90",
                "warning",
            )
    for i, topic in enumerate(meeting.topics):
        if topic.timebox and topic.timebox > TOPIC_LIMIT_MINUTES:
            yield where.finding(
                rec,
                ("topics", i, "timebox"),
                "topic-over-timebox",
                f"topic '{topic.title}' has a {topic.timebox}-minute timebox; "
                f"the handbook allows {TOPIC_LIMIT_MINUTES}",
                "warning",
            )
        if topic.timebox and topic.minutes_used and topic.minutes_used > topic.timebox:
            yield where.finding(
                rec,
                ("topics", i, "minutes_used"),
                "topic-over-timebox",
                f"topic '{topic.title}' took {topic.minutes_used} minutes, "
                f"over its {topic.timebox}-minute timebox",
                "warning",
            )


def _notice(rec: Loaded, notice: Notice, where: Locator, timing: Timing) -> Iterator[Finding]:
    if notice.group and not NOTICE_GROUP.match(notice.group.strip()):
        yield where.finding(
            rec,
            ("group",),
            "notice-group-name",
            f"group name '{notice.group}' breaks the rule 【部门/项目】+主题+日期 "
            f"(e.g. 【市场部】新品推广方案20231020)",
            "warning",
        )
    if notice.at and not notice.urgent:
        local = notice.at.astimezone(timing.calendar.tz)
        off_day = not timing.calendar.is_working_day(local.date())
        if off_day or local.hour >= LATE_NIGHT_HOUR:
            yield where.finding(
                rec,
                ("at",),
                "notice-off-hours",
                "sent outside working time (after 22:00, a weekend or a holiday) "
                "without urgent: true (非工作时间发送需注明紧急)",
                "warning",
            )
