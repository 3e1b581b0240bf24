"""The handbook's limits as lint checks: meeting length and day, topic timeboxes, notice rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from collabkit.findings import Finding
from collabkit.i18n import Texts
from collabkit.lint.locate import Locator
from collabkit.models import Meeting, Notice
from collabkit.query.days import day_text
from collabkit.timing.obligations import Timing
from collabkit.workspace import Loaded, Workspace

MEETING_LIMIT = timedelta(minutes=90)
TOPIC_LIMIT_MINUTES = 20
NOTICE_GROUP = re.compile(r"^【[^】]+】.+\d{8}$")
LATE_NIGHT_HOUR = 22


def handbook_checks(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    t = Texts(ws.config.language)
    for rec in records:
        if isinstance(rec.record, Meeting):
            yield from _meeting(rec, rec.record, where, ws.timing, t)
            yield from _topics(rec, rec.record, where, t)
        elif isinstance(rec.record, Notice):
            yield from _notice(rec, rec.record, where, ws.timing, t)


def _meeting(
    rec: Loaded, meeting: Meeting, where: Locator, timing: Timing, t: Texts
) -> Iterator[Finding]:
    if meeting.start and meeting.status != "cancelled":
        day = meeting.start.astimezone(timing.calendar.tz).date()
        if not timing.calendar.is_working_day(day):
            message = t("lint.meeting_day_off", day=day_text(timing.calendar, day, t))
            yield where.finding(rec, ("start",), "meeting-day-off", message, "info")
    if meeting.start and meeting.end:
        length = meeting.end - meeting.start
        if length <= timedelta(0):
            yield where.finding(rec, ("end",), "invalid-time", t("lint.meeting_ends_first"))
        elif length > MEETING_LIMIT:
            minutes = int(length.total_seconds() // 60)
            message = t("lint.meeting_too_long", minutes=minutes, limit=90)
            yield where.finding(rec, ("end",), "meeting-too-long", message, "warning")


def _topics(rec: Loaded, meeting: Meeting, where: Locator, t: Texts) -> Iterator[Finding]:
    for i, topic in enumerate(meeting.topics):
        if topic.timebox and topic.timebox > TOPIC_LIMIT_MINUTES:
            message = t(
                "lint.topic_limit",
                title=topic.title,
                timebox=topic.timebox,
                limit=TOPIC_LIMIT_MINUTES,
            )
            yield where.finding(
                rec, ("topics", i, "timebox"), "topic-over-timebox", message, "warning"
            )
        if topic.timebox and topic.minutes_used and topic.minutes_used > topic.timebox:
            message = t(
                "lint.topic_over",
                title=topic.title,
                used=topic.minutes_used,
                timebox=topic.timebox,
            )
            yield where.finding(
                rec, ("topics", i, "minutes_used"), "topic-over-timebox", message, "warning"
            )
    total = sum(topic.timebox or 0 for topic in meeting.topics)
    if meeting.start and meeting.end and meeting.end > meeting.start:
        length = int((meeting.end - meeting.start).total_seconds() // 60)
        if total > length:
            message = t("lint.topics_over_meeting", total=total, length=length)
            yield where.finding(
                rec, ("topics",), "topics-over-meeting", message, "warning", value=False
            )


def _notice(
    rec: Loaded, notice: Notice, where: Locator, timing: Timing, t: Texts
) -> Iterator[Finding]:
    if notice.group and not NOTICE_GROUP.match(notice.group.strip()):
        message = t("lint.notice_group", group=notice.group)
        yield where.finding(rec, ("group",), "notice-group-name", message, "warning")
    if notice.at and not notice.urgent:
        local = notice.at.astimezone(timing.calendar.tz)
        off_day = not timing.calendar.is_working_day(local.date())
        if off_day or local.hour >= LATE_NIGHT_HOUR:
            message = t("lint.notice_off_hours")
            yield where.finding(rec, ("at",), "notice-off-hours", message, "warning")
