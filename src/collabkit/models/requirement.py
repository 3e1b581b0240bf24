"""requirement — 需求沟通与确认表 (SPEC §3.1)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from collabkit.models._base import ItemNaming, Part, RecordBase
from collabkit.models._types import (
    Deadline,
    Department,
    ItemId,
    Level,
    Moment,
    Name,
    RecordId,
    Text,
    TextOrList,
)
from collabkit.models.lifecycle import ItemSpec, Machine, Verb

RequirementStatus = Literal[
    "draft",
    "sent",
    "confirmed",
    "in_progress",
    "delivered",
    "accepted",
    "closed",
    "declined",
    "withdrawn",
]


class Party(Part):
    department: Department | None = Field(None, description="部门")
    lead: Name | None = Field(None, description="负责人 who signs for this side")


class Milestones(Part):
    plan: Text | None = Field(None, description="方案期望 e.g. 确认后5个工作日内输出活动方案")
    plan_at: Moment | None = Field(None, description="方案输出时间 meets requirement.plan")
    build: Text | None = Field(None, description="开发期望 e.g. 10个工作日内开发完成")
    launch: Text | None = Field(None, description="上线安排")


class PendingItem(Part):
    id: ItemId = Field(description="编号 e.g. P1")
    question: Text | None = Field(None, description="待确认事项")
    owner: Name | None = Field(None, description="负责确认的人")
    raised_at: Moment | None = Field(None, description="提出时间")
    due: Deadline | None = Field(None, description="反馈时限; default: 24h after raised_at")
    answer: Text | None = Field(None, description="确认结果")
    answered_at: Moment | None = Field(None, description="确认时间")


class Requirement(RecordBase):
    KIND: ClassVar[str] = "requirement"
    PREFIX: ClassVar[str] = "RW"
    FOLDER: ClassVar[str] = "requirements"
    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ("receiver.lead", "requester.lead")
    DEPARTMENT_FIELDS: ClassVar[tuple[str, ...]] = ("receiver.department", "requester.department")
    ITEM_LISTS: ClassVar[dict[str, ItemNaming]] = {"pending": ItemNaming("P")}
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft"})
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset({"closed", "declined", "withdrawn"})
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = (
        "title",
        "requester.department",
        "requester.lead",
        "receiver.department",
        "receiver.lead",
        "background",
        "goal",
        "description",
        "priority",
        "due",
        "sent_at",
    )
    TRANSITIONS: ClassVar[Machine] = {
        "draft": ("sent", "withdrawn"),
        "sent": ("confirmed", "declined", "withdrawn"),
        "confirmed": ("in_progress", "delivered", "withdrawn"),
        "in_progress": ("delivered", "withdrawn"),
        "delivered": ("accepted", "in_progress"),
        "accepted": ("closed",),
        "closed": (),
        "declined": (),
        "withdrawn": (),
    }
    VERBS: ClassVar[dict[str, Verb]] = {
        "send": Verb("sent", ("sent_at",)),
        "confirm": Verb("confirmed", ("confirmed_at",)),
        "decline": Verb(
            "declined",
            options={"reason": "decline_reason", "alternative": "alternative"},
            required=("reason",),
        ),
        "start": Verb("in_progress"),
        "plan": Verb(events=("milestones.plan_at",)),
        "deliver": Verb("delivered", ("delivered_at",)),
        "accept": Verb("accepted", ("accepted_at",)),
        "close": Verb("closed"),
        "withdraw": Verb("withdrawn"),
    }
    ITEM_VERBS: ClassVar[dict[str, Verb]] = {
        "answer": Verb(
            events=("answered_at",), items=("pending",), text="answer", text_required=True
        ),
    }
    ADDABLE: ClassVar[dict[str, ItemSpec]] = {
        "pending": ItemSpec("question", required=("question",), stamped=("raised_at",)),
    }
    STARTED_BY: ClassVar[str | None] = "send"
    ESSENTIALS: ClassVar[tuple[str, ...]] = (
        "title",
        "requester.department",
        "requester.lead",
        "receiver.department",
        "receiver.lead",
        "priority",
        "due",
    )

    kind: Literal["requirement"] = Field(description="record kind")
    id: RecordId = Field(description="需求编号")
    requester: Party | None = Field(None, description="需求方 {department, lead}")
    receiver: Party | None = Field(None, description="承接方 {department, lead}")
    background: Text | None = Field(None, description="需求背景 why")
    goal: Text | None = Field(None, description="核心目标 a measurable result")
    description: TextOrList | None = Field(None, description="具体需求描述")
    priority: Level | None = Field(None, description="优先级")
    due: Deadline | None = Field(None, description="期望上线/完成时间 (met when delivered)")
    milestones: Milestones | None = Field(None, description="期望完成时间 (阶段)")
    resources: TextOrList | dict[str, Text] | None = Field(
        None, description="配合资源 budget, people, each side's contribution"
    )
    pending: list[PendingItem] = Field(default_factory=list, description="待确认事项")
    status: RequirementStatus = Field("draft", description="状态")
    decline_reason: Text | None = Field(None, description="拒绝原因 (declined)")
    alternative: Text | None = Field(None, description="替代方案 (declined)")
    sent_at: Moment | None = Field(None, description="发送时间")
    confirmed_at: Moment | None = Field(None, description="确认时间 (both leads signed)")
    delivered_at: Moment | None = Field(None, description="交付时间")
    accepted_at: Moment | None = Field(None, description="验收时间")
