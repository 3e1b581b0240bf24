"""The base every record and record part shares."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from collabkit.models._types import Moment, Ref, Text


class Part(BaseModel):
    """A mapping inside a record: unknown keys are errors, numbers are read as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class ProgressEntry(Part):
    at: Moment = Field(description="进展时间 when the progress was noted")
    note: Text = Field(description="进展说明 what happened")
    percent: int | None = Field(None, ge=0, le=100, description="完成百分比 0–100")


class RecordBase(Part):
    """Fields every kind has. Subclasses set `kind`, `status` and the class constants."""

    # Statuses in which a record may still lack what a person has not filled in yet.
    DRAFT_STATUSES: ClassVar[frozenset[str]] = frozenset({"draft"})
    # Statuses in which a record owes nothing more (SPEC §5).
    FINISHED_STATUSES: ClassVar[frozenset[str]] = frozenset()
    # Fields a record must have once it is past its draft statuses.
    REQUIRED_WHEN_ACTIVE: ClassVar[tuple[str, ...]] = ("title",)

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
