"""customer-request — 客户需求对接跟踪表 (SPEC §3.5, §3.7)."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import BeforeValidator, Field

from collabkit.models._base import ItemNaming, Part, RecordBase
from collabkit.models._types import Moment, Name, RecordId, Text, TextOrList
from collabkit.models.lifecycle import ItemSpec, Machine, Verb

_STATUS_ALIASES = {
    "待确认": "pending",
    "已确认": "confirmed",
    "交付中": "in_delivery",
    "实施中": "in_delivery",
    "已完成": "done",
    "已拒绝": "rejected",
}
_REVIEW_ALIASES = {"可执行": "feasible", "需调整": "adjust", "不可执行": "infeasible"}
CustomerStatus = Literal["draft", "pending", "confirmed", "in_delivery", "done", "rejected"]
ReviewResult = Literal["feasible", "adjust", "infeasible"]


def _alias(values: Any, table: dict[str, str], *, optional: bool = False) -> Any:
    """Read the Chinese names in `table` as the `values` (a Literal) they stand for."""

    def convert(value: Any) -> Any:
        return table.get(value.strip(), value.strip()) if isinstance(value, str) else value

    # Editors (JSON Schema) accept the aliases too.
    accepted: Any = Literal[(*get_args(values), *table)]
    if optional:
        accepted = accepted | None
    return BeforeValidator(convert, json_schema_input_type=accepted)


class Proposal(Part):
    version: Text = Field(description="方案版本 e.g. V1.2")
    sent_at: Moment | None = Field(None, description="发送时间")
    summary: Text | None = Field(None, description="方案要点")
    feedback: Text | None = Field(None, description="客户反馈")
    feedback_at: Moment | None = Field(None, description="反馈时间")


class Communication(Part):
    at: Moment = Field(description="沟通时间")
    channel: Text | None = Field(None, description="渠道 电话/微信/邮件/会议")
    summary: Text | None = Field(None, description="沟通内容")
    type: Literal["question", "problem", "feedback"] = Field(
        "question", description="类型 question / problem / feedback"
    )
    responded_at: Moment | None = Field(None, description="响应时间")
    solution_at: Moment | None = Field(None, description="提出解决方案时间")


class CustomerRequest(RecordBase):
    KIND: ClassVar[str] = "customer-request"
    PREFIX: ClassVar[str] = "KH"
    FOLDER: ClassVar[str] = "customer-requests"
    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ("owner",)
    DEPARTMENT_FIELDS: ClassVar[tuple[str, ...]] = ()
    ITEM_LISTS: ClassVar[dict[str, ItemNaming]] = {
        "proposals": ItemNaming("V", key="version"),
        "communications": ItemNaming("C", key=None),
    }
    TITLE_FIELDS: ClassVar[tuple[str, ...]] = ("title", "customer", "project")
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft"})
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset({"done", "rejected"})
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = (
        "customer",
        "contact",
        "description",
        "received_at",
        "owner",
    )
    TRANSITIONS: ClassVar[Machine] = {
        "draft": ("pending",),
        "pending": ("confirmed", "rejected"),
        "confirmed": ("in_delivery", "done", "rejected"),
        "in_delivery": ("done",),
        "done": (),
        "rejected": (),
    }
    VERBS: ClassVar[dict[str, Verb]] = {
        "open": Verb("pending"),
        "review": Verb(events=("reviewed_at",), options={"result": "review_result"}),
        "confirm": Verb("confirmed"),
        "reject": Verb("rejected"),
        "start": Verb("in_delivery"),
        "finish": Verb("done"),
    }
    ITEM_VERBS: ClassVar[dict[str, Verb]] = {
        "send": Verb(events=("sent_at",), items=("proposals",)),
        "feedback": Verb(events=("feedback_at",), items=("proposals",), text="feedback"),
        "respond": Verb(events=("responded_at",), items=("communications",)),
        "solve": Verb(events=("solution_at",), items=("communications",)),
    }
    ADDABLE: ClassVar[dict[str, ItemSpec]] = {
        "proposals": ItemSpec("summary", stamped=("sent_at",)),
        "communications": ItemSpec("summary", required=("summary",), stamped=("at",)),
    }
    STARTED_BY: ClassVar[str | None] = "open"
    ESSENTIALS: ClassVar[tuple[str, ...]] = ("customer", "contact", "description", "owner")

    kind: Literal["customer-request"] = Field(description="record kind")
    id: RecordId = Field(description="需求编号")
    customer: Text | None = Field(None, description="客户名称")
    project: Text | None = Field(None, description="项目名称")
    contact: Text | None = Field(None, description="客户对接人")
    description: TextOrList | None = Field(None, description="需求描述")
    budget: Text | None = Field(None, description="预算")
    received_at: Moment | None = Field(None, description="接收时间")
    reviewed_at: Moment | None = Field(None, description="可行性反馈时间")
    review_result: Annotated[
        ReviewResult | None, _alias(ReviewResult, _REVIEW_ALIASES, optional=True)
    ] = Field(None, description="评估结论 可执行/需调整/不可执行")
    proposals: list[Proposal] = Field(default_factory=list, description="方案版本")
    communications: list[Communication] = Field(default_factory=list, description="客户沟通档案")
    status: Annotated[CustomerStatus, _alias(CustomerStatus, _STATUS_ALIASES)] = Field(
        "pending", description="状态 待确认/已确认/交付中/已完成/已拒绝"
    )
    owner: Name | None = Field(None, description="负责人")
