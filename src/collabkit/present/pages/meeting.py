"""跨部门协调会议纪要: 会议基本信息, each topic as 现状描述-问题分析-方案讨论-决策确定 with
its owner and due date, the decisions, and the 行动项 table (序号, 事项, 负责人, 截止时间,
输出物, 状态)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from collabkit.models import Meeting
from collabkit.models._base import ProgressEntry
from collabkit.models.meeting import Action, Attendee, Topic
from collabkit.present.markdown import EMPTY, Table, cell, form, heading
from collabkit.present.pages.common import Site
from collabkit.present.progress import latest_percent
from collabkit.present.values import Shown
from collabkit.timing.obligations import Obligation

_TOPIC_ROWS = ("status_quo", "analysis", "options", "decision")


@dataclass(frozen=True, slots=True)
class TopicView:
    """One topic: its heading text and its 讨论要点 | 内容 table."""

    heading: str
    table: Table


def values(record: Meeting, site: Site) -> dict[str, Any]:
    """`info` (会议基本信息), `topics` (TopicView list), `decisions`, `actions`."""
    shown = site.shown
    t = shown.t
    owed = {ob.item: ob for ob in site.owed_by(record.id) if ob.rule == "action.due"}
    return {
        "info": form(t("render.meeting.info"), t("render.form.content"), _info(record, shown)),
        "topics": [_topic(n, topic, shown) for n, topic in enumerate(record.topics, 1)],
        "decisions": Table(
            [t("render.col.no"), t("render.meeting.decision_col")],
            [[str(n), cell(text)] for n, text in enumerate(record.decisions, 1)],
        ),
        "actions": actions_table(record.actions, owed, shown),
    }


def _info(record: Meeting, shown: Shown) -> list[tuple[str, str]]:
    t = shown.t
    minutes = shown.moment(record.minutes_sent_at)
    rows = {
        "id": cell(record.id),
        "title": cell(record.title),
        "objective": cell(record.objective),
        "time": _time(record, shown),
        "location": cell(record.location),
        "host": cell(record.host),
        "recorder": cell(record.recorder),
        "attendees": shown.names(_attendee(a, shown) for a in record.attendees),
        "materials": shown.lines(record.materials),
        "agenda_sent_at": shown.moment(record.agenda_sent_at),
        "minutes_sent_at": t("render.meeting.not_sent") if minutes == EMPTY else minutes,
        "cc": shown.names(record.cc),
    }
    labelled = [(t(f"render.meeting.{key}"), value) for key, value in rows.items()]
    return [*labelled, (t("render.col.status"), shown.status(record.kind, record.status))]


def _attendee(attendee: Attendee | str, shown: Shown) -> str:
    """An attendee as `names` expects raw text; departments in brackets."""
    if isinstance(attendee, str):
        return attendee
    if attendee.department:
        return shown.t("render.attendee", name=attendee.name, department=attendee.department)
    return attendee.name


def _time(record: Meeting, shown: Shown) -> str:
    if record.start is None:
        return EMPTY
    start = shown.moment(record.start)
    if record.end is None:
        return start
    same_day = record.start.astimezone(shown.tz).date() == record.end.astimezone(shown.tz).date()
    end = (
        record.end.astimezone(shown.tz).strftime("%H:%M") if same_day else shown.moment(record.end)
    )
    minutes = int((record.end - record.start).total_seconds() // 60)
    return shown.t("render.meeting_time", start=start, end=end, n=minutes)


def _topic(number: int, topic: Topic, shown: Shown) -> TopicView:
    t = shown.t
    rows = [(t("render.meeting.presenter"), cell(topic.presenter)), _timebox(topic, shown)]
    for key in _TOPIC_ROWS:
        rows.append((t(f"render.meeting.{key}"), shown.lines(getattr(topic, key))))
    rows.append((t("render.meeting.topic_owner"), cell(topic.owner)))
    rows.append((t("render.meeting.topic_due"), shown.moment(topic.due)))
    title = t("render.meeting.topic", n=number, title=heading(topic.title))
    return TopicView(title, form(t("render.meeting.points"), t("render.form.content"), rows))


def _timebox(topic: Topic, shown: Shown) -> tuple[str, str]:
    t = shown.t
    if topic.timebox is None:
        value = EMPTY
    elif topic.minutes_used is None:
        value = t("render.timebox", n=topic.timebox)
    else:
        value = t("render.timebox_used", n=topic.timebox, used=topic.minutes_used)
    return t("render.meeting.timebox"), value


def actions_table(
    actions: list[Action], owed: Mapping[str | None, Obligation], shown: Shown
) -> Table:
    """行动项: 序号, 事项, 负责人, 截止时间, 输出物, 状态 (done when, progress, or how late)."""
    t = shown.t
    keys = ("no", "task", "owner", "due", "deliverable", "status")
    rows = [
        [
            cell(action.id),
            cell(action.task),
            cell(action.owner),
            shown.moment(action.due),
            cell(action.deliverable),
            item_state(action.status, action.done_at, owed.get(action.id), shown, action.progress),
        ]
        for action in actions
    ]
    return Table([t(f"render.col.{key}") for key in keys], rows)


def item_state(
    status: str,
    done_at: datetime | None,
    ob: Obligation | None,
    shown: Shown,
    progress: Sequence[ProgressEntry] = (),
) -> str:
    """The state of an action item or a to-do: '已完成 2024-10-11 11:00', '进行中(已完成40%)',
    '未完成(逾期 1 个工作日)', '已取消'."""
    t = shown.t
    if status == "done" and done_at is not None:
        return t("render.done_at", at=shown.moment(done_at))
    if status == "open" and ob is not None and ob.state(shown.now) == "overdue":
        return shown.state(ob)
    percent = latest_percent(progress, shown.now) if status == "open" else None
    if percent is not None:
        return t("render.progress.percent", percent=percent)
    return shown.word("render.status.item", status)
