"""collaboration — 跨部门协作事项 / 沟通记录 (SPEC §3.4)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from collabkit.models._base import ItemNaming, Part, ProgressEntry, RecordBase
from collabkit.models._types import Deadline, Department, Moment, Name, RecordId, Text, TextOrList
from collabkit.models.lifecycle import PROGRESS, ItemSpec, Machine, Verb


class Contact(Part):
    department: Department | None = Field(None, description="部门")
    contact: Name | None = Field(None, description="对接人")


class Risk(Part):
    risk: Text = Field(description="风险点")
    mitigation: Text | None = Field(None, description="应对措施")


class Acceptance(Part):
    result: Literal["pass", "fail"] = Field(description="验收结果 pass / fail")
    comments: Text | None = Field(None, description="验收意见")
    by: Name | None = Field(None, description="验收人")
    at: Moment | None = Field(None, description="验收时间")


class Retrospective(Part):
    highlights: TextOrList | None = Field(None, description="亮点")
    improvements: TextOrList | None = Field(None, description="待改进")
    measures: TextOrList | None = Field(None, description="改进措施")
    at: Moment | None = Field(None, description="复盘时间")


class Collaboration(RecordBase):
    KIND: ClassVar[str] = "collaboration"
    PREFIX: ClassVar[str] = "XZ"
    FOLDER: ClassVar[str] = "collaborations"
    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ("initiator.contact",)
    DEPARTMENT_FIELDS: ClassVar[tuple[str, ...]] = ("initiator.department",)
    ITEM_LISTS: ClassVar[dict[str, ItemNaming]] = {}
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft", "planned"})
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset({"cancelled"})
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = (
        "title",
        "initiator.department",
        "initiator.contact",
        "partners",
        "planned_start",
        "planned_end",
    )
    TRANSITIONS: ClassVar[Machine] = {
        "planned": ("in_progress", "cancelled"),
        "in_progress": ("done", "cancelled"),
        "done": (),
        "cancelled": (),
    }
    VERBS: ClassVar[dict[str, Verb]] = {
        "send": Verb(events=("requested_at",)),
        "confirm": Verb(events=("accepted_by_partner_at",)),
        "start": Verb("in_progress"),
        "finish": Verb("done", ("actual_end",)),
        "accept": Verb(
            events=("acceptance.at",),
            fixed={"acceptance.result": "pass"},
            options={"by": "acceptance.by", "comments": "acceptance.comments"},
        ),
        "retrospective": Verb(
            events=("retrospective.at",),
            options={
                "highlights": "retrospective.highlights",
                "improvements": "retrospective.improvements",
                "measures": "retrospective.measures",
            },
        ),
        "cancel": Verb("cancelled"),
    }
    ADDABLE: ClassVar[dict[str, ItemSpec]] = {
        "progress": PROGRESS,
        "partners": ItemSpec("department", required=("department",)),
        "risks": ItemSpec("risk", required=("risk",)),
    }
    STARTED_BY: ClassVar[str | None] = "send"
    ESSENTIALS: ClassVar[tuple[str, ...]] = (
        "title",
        "initiator.department",
        "initiator.contact",
        "planned_start",
        "planned_end",
    )

    kind: Literal["collaboration"] = Field(description="record kind")
    id: RecordId = Field(description="事项编号")
    initiator: Contact | None = Field(None, description="需求发起部门/对接人")
    partners: list[Contact] = Field(default_factory=list, description="需协助部门/对接人")
    background: Text | None = Field(None, description="协作背景")
    goal: Text | None = Field(None, description="协作目标")
    description: TextOrList | None = Field(None, description="具体需求描述")
    mode: Text | None = Field(None, description="协同方式与频次")
    risks: list[Risk] = Field(default_factory=list, description="风险点及应对措施")
    planned_start: Moment | None = Field(None, description="计划开始时间")
    planned_end: Deadline | None = Field(None, description="计划完成时间")
    actual_end: Moment | None = Field(None, description="实际完成时间")
    requested_at: Moment | None = Field(None, description="发起时间")
    accepted_by_partner_at: Moment | None = Field(None, description="协作方确认时间")
    progress: list[ProgressEntry] = Field(default_factory=list, description="进度更新")
    acceptance: Acceptance | None = Field(None, description="成果验收结果")
    retrospective: Retrospective | None = Field(None, description="复盘总结")
    status: Literal["planned", "in_progress", "done", "cancelled"] = Field(
        "planned", description="状态; 延期天数 is computed, never typed"
    )
