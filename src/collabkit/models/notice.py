"""notice — 内部沟通信息表: a group message with to-dos (SPEC §3.6)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from collabkit.models._base import ItemNaming, Part, RecordBase
from collabkit.models._types import Deadline, ItemId, Moment, Name, RecordId, Text
from collabkit.models.lifecycle import ITEM_MACHINE, ItemSpec, Machine, Verb


class Todo(Part):
    id: ItemId = Field(description="编号 T1, T2 ...")
    task: Text | None = Field(None, description="待办事项")
    owner: Name | None = Field(None, description="负责人")
    due: Deadline | None = Field(None, description="截止时间")
    status: Literal["open", "done", "cancelled"] = Field("open", description="状态")
    done_at: Moment | None = Field(None, description="完成时间")


class Notice(RecordBase):
    KIND: ClassVar[str] = "notice"
    PREFIX: ClassVar[str] = "TZ"
    FOLDER: ClassVar[str] = "notices"
    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ("initiator",)
    DEPARTMENT_FIELDS: ClassVar[tuple[str, ...]] = ()
    ITEM_LISTS: ClassVar[dict[str, ItemNaming]] = {"todos": ItemNaming("T")}
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft"})
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset({"closed"})
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = ("title", "group", "initiator", "at")
    TRANSITIONS: ClassVar[Machine] = {"draft": ("sent",), "sent": ("closed",), "closed": ()}
    VERBS: ClassVar[dict[str, Verb]] = {"send": Verb("sent", ("at",)), "close": Verb("closed")}
    ITEM_VERBS: ClassVar[dict[str, Verb]] = {
        "done": Verb("done", ("done_at",), items=("todos",)),
        "cancel": Verb("cancelled", items=("todos",)),
    }
    ADDABLE: ClassVar[dict[str, ItemSpec]] = {
        "todos": ItemSpec(
            "task",
            required=("task", "owner", "due"),
            defaults={"status": "open"},
            transitions=ITEM_MACHINE,
        ),
        "participants": ItemSpec(None, scalar=True),
    }
    STARTED_BY: ClassVar[str | None] = "send"
    ESSENTIALS: ClassVar[tuple[str, ...]] = ("title", "group", "initiator")

    kind: Literal["notice"] = Field(description="record kind")
    id: RecordId = Field(description="编号")
    group: Text | None = Field(None, description="群聊名称 【部门/项目】+主题+日期")
    initiator: Name | None = Field(None, description="发起人")
    at: Moment | None = Field(None, description="发送时间")
    content: Text | None = Field(None, description="内容")
    participants: list[Name] = Field(default_factory=list, description="参与人")
    important: bool = Field(False, description="【重要】")
    urgent: bool = Field(False, description="紧急 (required outside working time)")
    todos: list[Todo] = Field(default_factory=list, description="待办")
    status: Literal["draft", "sent", "closed"] = Field("sent", description="状态")
