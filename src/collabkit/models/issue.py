"""issue — 问题协调解决记录表 / 突发问题处理 (SPEC §3.3)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from collabkit.models._base import ItemNaming, Part, RecordBase
from collabkit.models._types import Deadline, Department, Level, Moment, Name, RecordId, Text
from collabkit.models.lifecycle import Machine, Verb


class Team(Part):
    lead: Name | None = Field(None, description="组长")
    members: list[Name] = Field(default_factory=list, description="成员")


class Issue(RecordBase):
    KIND: ClassVar[str] = "issue"
    PREFIX: ClassVar[str] = "WT"
    FOLDER: ClassVar[str] = "issues"
    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ("owner", "reporter")
    DEPARTMENT_FIELDS: ClassVar[tuple[str, ...]] = ("department",)
    ITEM_LISTS: ClassVar[dict[str, ItemNaming]] = {}
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft"})
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset({"closed"})
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = (
        "title",
        "reporter",
        "reported_at",
        "urgency",
        "department",
        "owner",
    )
    TRANSITIONS: ClassVar[Machine] = {
        "draft": ("open",),
        "open": ("mitigated", "resolved"),
        "mitigated": ("resolved",),
        "resolved": ("closed", "open"),
        "closed": (),
    }
    VERBS: ClassVar[dict[str, Verb]] = {
        "open": Verb("open"),
        "form-team": Verb(events=("team_formed_at",), options={"lead": "team.lead"}),
        "mitigate": Verb("mitigated", ("workaround_at",)),
        "analyze": Verb(events=("analysis_meeting_at",)),
        "root-cause": Verb(events=("root_cause_at",), text="root_cause"),
        "resolve": Verb("resolved", ("resolved_at",), text="solution"),
        "verify": Verb(events=("verified_at",), text="verification"),
        "notify-users": Verb(events=("users_notified_at",)),
        "retrospective": Verb(events=("retrospective_at",), text="prevention"),
        "close": Verb("closed"),
    }
    STARTED_BY: ClassVar[str | None] = "open"
    ESSENTIALS: ClassVar[tuple[str, ...]] = ("title", "urgency", "department", "owner", "impact")

    kind: Literal["issue"] = Field(description="record kind")
    id: RecordId = Field(description="问题编号")
    description: Text | None = Field(None, description="问题描述")
    reporter: Name | None = Field(None, description="提交人")
    reported_at: Moment | None = Field(None, description="提交时间")
    urgency: Level | None = Field(None, description="紧急程度")
    impact: Text | None = Field(None, description="影响范围 e.g. 500+用户")
    department: Department | None = Field(None, description="责任部门")
    owner: Name | None = Field(None, description="责任人")
    team: Team | None = Field(None, description="临时小组 (high urgency)")
    team_formed_at: Moment | None = Field(None, description="小组成立时间")
    workaround_at: Moment | None = Field(None, description="临时方案时间")
    analysis_meeting_at: Moment | None = Field(None, description="分析会时间")
    root_cause_at: Moment | None = Field(None, description="定位报告时间")
    resolved_at: Moment | None = Field(None, description="实际解决时间")
    verified_at: Moment | None = Field(None, description="验证时间")
    users_notified_at: Moment | None = Field(None, description="通知用户时间")
    retrospective_at: Moment | None = Field(None, description="复盘会时间")
    planned_resolution: Deadline | None = Field(None, description="计划解决时间")
    root_cause: Text | None = Field(None, description="根本原因")
    solution: Text | None = Field(None, description="解决方案")
    verification: Text | None = Field(None, description="验证 e.g. 随机抽样10名用户确认")
    user_feedback: Text | None = Field(None, description="用户反馈")
    prevention: Text | None = Field(None, description="预防措施")
    status: Literal["draft", "open", "mitigated", "resolved", "closed"] = Field(
        "open", description="状态 (draft →) open → mitigated → resolved → closed"
    )
