"""A record in one line: what `list` shows and `show` needs of the others (its links).

Plain values, so that the record cache keeps one per file (`workspace.cached.summaries`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from collabkit.models import Record, RecordBase
from collabkit.models.paths import compile_path, get_path
from collabkit.workspace.config import Config


@dataclass(frozen=True, slots=True)
class Summary:
    id: str
    kind: str
    title: str | None
    status: str | None
    owner: str | None
    department: str | None
    file: str
    links: tuple[str, ...]

    def fields(self) -> tuple[Any, ...]:
        """The summary as plain values, in field order (`Summary(*fields)` takes them)."""
        return (self.id, self.kind, self.title, self.status, self.owner, self.department,
                self.file, self.links)  # fmt: skip

    @classmethod
    def of(cls, record: Record, file: str, config: Config) -> Summary:
        status = getattr(record, "status", None)
        return cls(
            str(record.id), record.kind, record.display_title,
            str(status) if status is not None else None, owner_of(record),
            department_of(record, config), file, tuple(record.links),
        )  # fmt: skip


def owner_of(record: RecordBase) -> str | None:
    """Who owns a record: the first of its kind's owner fields that is set."""
    for path in record.OWNER_FIELDS:
        value = get_path(record, compile_path(path)[1])
        if value:
            return str(value)
    return None


def department_of(record: RecordBase, config: Config) -> str | None:
    """The record's department: its own field, else its owner's department."""
    for path in record.DEPARTMENT_FIELDS:
        value = get_path(record, compile_path(path)[1])
        if value:
            return str(value)
    return config.department_of(owner_of(record))
