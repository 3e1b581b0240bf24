"""The base every record and record part shares, and the per-kind facts each kind declares."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from collabkit.models._types import Moment, Ref, Text
from collabkit.models.lifecycle import ItemSpec, Machine, Verb


class Part(BaseModel):
    """A mapping inside a record: unknown keys are errors, numbers are read as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)
    # The lists of this mapping that `collab add` appends to (models/lifecycle.py).
    ADDABLE: ClassVar[dict[str, ItemSpec]] = {}


class ProgressEntry(Part):
    at: Moment = Field(description="进展时间 when the progress was noted")
    note: Text = Field(description="进展说明 what happened")
    percent: int | None = Field(None, ge=0, le=100, description="完成百分比 0–100")


@dataclass(frozen=True, slots=True)
class ItemNaming:
    """How the items of a record's list are named in `ID/ITEM` references and field paths.

    `key` is the item field holding the name (`id` → A2, `version` → V1.2); without one,
    items are named by position: `letter` + 1-based index (C1, C2 ...). `letter` also
    starts the ids that `collab add` gives new items.
    """

    letter: str
    key: str | None = "id"

    def name_of(self, item: Any, index: int) -> str:
        if self.key is not None:
            value = item.get(self.key) if isinstance(item, dict) else getattr(item, self.key, None)
            if value not in (None, ""):
                return str(value)
        return f"{self.letter}{index + 1}"


class RecordBase(Part):
    """Fields every kind has. Each kind sets `kind`, `status` and the class facts below."""

    KIND: ClassVar[str]
    kind: str  # each kind narrows it to its Literal
    PREFIX: ClassVar[str]  # the default id prefix (collab.yaml `ids:` may change it)
    FOLDER: ClassVar[str]  # under records/
    # Fields naming who owns the record and its department, most responsible first.
    OWNER_FIELDS: ClassVar[tuple[str, ...]] = ()
    DEPARTMENT_FIELDS: ClassVar[tuple[str, ...]] = ()
    # Lists whose items `ID/ITEM` can name, and how.
    ITEM_LISTS: ClassVar[dict[str, ItemNaming]] = {}
    # Fields that make the title of a listing, first one set wins.
    TITLE_FIELDS: ClassVar[tuple[str, ...]] = ("title",)
    # Statuses in which a record may still lack what a person has not filled in yet.
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft"})
    # Statuses in which a record owes nothing more (SPEC §5).
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset()
    # Fields a record must have once it is past its draft statuses.
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = ("title",)
    # The status machine and the lifecycle verbs (models/lifecycle.py), and what an
    # interactive `collab new` asks for.
    TRANSITIONS: ClassVar[Machine] = {}
    VERBS: ClassVar[dict[str, Verb]] = {}
    ITEM_VERBS: ClassVar[dict[str, Verb]] = {}
    ESSENTIALS: ClassVar[tuple[str, ...]] = ("title",)
    STARTED_BY: ClassVar[str | None] = None  # the verb that puts a new record to work

    title: Text | None = Field(None, description="名称 the record's title")
    links: list[Ref] = Field(
        default_factory=list, description="相关记录 ids of related records or action items"
    )

    @property
    def record_id(self) -> str:
        return str(getattr(self, "id"))  # noqa: B009 - every concrete kind declares `id`

    @property
    def is_draft(self) -> bool:
        return str(getattr(self, "status", "")) in self.DRAFT_STATUSES

    @property
    def is_finished(self) -> bool:
        return str(getattr(self, "status", "")) in self.FINISHED_STATUSES

    @property
    def display_title(self) -> str | None:
        for name in self.TITLE_FIELDS:
            value = getattr(self, name, None)
            if value:
                return str(value)
        return None


@cache
def fields_holding(model: type[BaseModel], wanted: type) -> tuple[str, ...]:
    """The fields of `model`, in order, whose values may be a `wanted` or hold one: those
    typed with it, with a model or with `Any` anywhere in their type. A walk that looks for
    `wanted` values needs to visit only these (most fields of a record are text)."""
    return tuple(
        name for name, field in model.model_fields.items() if _may_hold(field.annotation, wanted)
    )


def _may_hold(annotation: Any, wanted: type) -> bool:
    if annotation is Any:
        return True
    if isinstance(annotation, type) and issubclass(annotation, (wanted, BaseModel)):
        return True
    return any(_may_hold(arg, wanted) for arg in get_args(annotation))
