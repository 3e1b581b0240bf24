"""meeting — 跨部门协调会议议程与纪要 (SPEC §3.2)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from collabkit.models._base import ItemNaming, Part, ProgressEntry, RecordBase
from collabkit.models._types import (
    Deadline,
    Department,
    ItemId,
    Moment,
    Name,
    RecordId,
    Text,
    TextOrList,
)
from collabkit.models.lifecycle import ITEM_MACHINE, PROGRESS, ItemSpec, Machine, Verb

ItemStatus = Literal["open", "done", "cancelled"]


class Attendee(Part):
    name: Name = Field(description="姓名")
    department: Department | None = Field(None, description="部门")


class Topic(Part):
    title: Text = Field(description="议题")
    presenter: Name | None = Field(None, description="汇报人")
    timebox: int | None = Field(None, ge=1, description="时长 (minutes)")
    minutes_used: int | None = Field(None, ge=0, description="实际用时 (minutes)")
    status_quo: Text | None = Field(None, description="现状描述")
    analysis: Text | None = Field(None, description="问题分析")
    options: TextOrList | None = Field(None, description="方案讨论")
    decision: Text | None = Field(None, description="决策确定")
    owner: Name | None = Field(None, description="负责人")
    due: Deadline | None = Field(None, description="完成时限")


class Action(Part):
    """An action item: 做什么、谁来做、何时做 — never a draft."""

    id: ItemId = Field(description="序号 A1, A2 ...")
    task: Text | None = Field(None, description="事项 what to do")
    owner: Name | None = Field(None, description="负责人 exactly one owner")
    due: Deadline | None = Field(None, description="截止时间")
    deliverable: Text | None = Field(None, description="输出物")
    status: ItemStatus = Field("open", description="状态 open / done / cancelled")
    done_at: Moment | None = Field(None, description="完成时间")
    progress: list[ProgressEntry] = Field(default_factory=list, description="进展")
    ADDABLE: ClassVar[dict[str, ItemSpec]] = {"progress": PROGRESS}


class Meeting(RecordBase):
    KIND: ClassVar[str] = "meeting"
    PREFIX: ClassVar[str] = "HY"
    FOLDER: ClassVar[str] = "meetings"
    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ("host", "recorder")
    DEPARTMENT_FIELDS: ClassVar[tuple[str, ...]] = ()
    ITEM_LISTS: ClassVar[dict[str, ItemNaming]] = {"actions": ItemNaming("A")}
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft", "planned"})
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset({"closed", "cancelled"})
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = (
        "title",
        "objective",
        "start",
        "end",
        "location",
        "host",
        "recorder",
        "attendees",
    )
    TRANSITIONS: ClassVar[Machine] = {
        "planned": ("held", "cancelled"),
        "held": ("closed",),
        "closed": (),
        "cancelled": (),
    }
    VERBS: ClassVar[dict[str, Verb]] = {
        "send-agenda": Verb(events=("agenda_sent_at",)),
        "hold": Verb("held"),
        "send-minutes": Verb("held", ("minutes_sent_at",), soft=True),
        "close": Verb("closed"),
        "cancel": Verb("cancelled"),
    }
    ITEM_VERBS: ClassVar[dict[str, Verb]] = {
        "done": Verb("done", ("done_at",), items=("actions",)),
        "cancel": Verb("cancelled", items=("actions",)),
    }
    ADDABLE: ClassVar[dict[str, ItemSpec]] = {
        "actions": ItemSpec(
            "task",
            required=("task", "owner", "due", "deliverable"),
            defaults={"status": "open"},
            transitions=ITEM_MACHINE,
        ),
        "topics": ItemSpec("title", required=("title",)),
        "attendees": ItemSpec("name", required=("name",), bare="name"),
        "decisions": ItemSpec(None, scalar=True),
        "cc": ItemSpec(None, scalar=True),
    }
    STARTED_BY: ClassVar[str | None] = "send-agenda"
    ESSENTIALS: ClassVar[tuple[str, ...]] = (
        "title",
        "start",
        "end",
        "location",
        "host",
        "recorder",
    )

    kind: Literal["meeting"] = Field(description="record kind")
    id: RecordId = Field(description="会议编号")
    objective: Text | None = Field(None, description="会议目标 明确分工 / 解决争议 / 同步进度")
    start: Moment | None = Field(None, description="开始时间")
    end: Moment | None = Field(None, description="结束时间")
    location: Text | None = Field(None, description="会议地点 room and/or online link")
    host: Name | None = Field(None, description="主持人")
    recorder: Name | None = Field(None, description="记录人")
    attendees: list[Attendee | Name] = Field(default_factory=list, description="参会人")
    agenda_sent_at: Moment | None = Field(None, description="议程发送时间")
    materials: TextOrList | None = Field(None, description="背景材料")
    topics: list[Topic] = Field(default_factory=list, description="议题")
    decisions: list[Text] = Field(default_factory=list, description="决议事项")
    actions: list[Action] = Field(default_factory=list, description="行动项")
    minutes_sent_at: Moment | None = Field(None, description="纪要发送时间")
    cc: list[Name] = Field(default_factory=list, description="抄送")
    status: Literal["planned", "held", "closed", "cancelled"] = Field(
        "planned", description="状态 planned → held → closed, or cancelled"
    )
