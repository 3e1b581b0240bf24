"""The shapes of what the workspace reads: a file, a validated record, a load result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from collabkit.findings import Finding
from collabkit.models import Record


@dataclass(frozen=True, slots=True)
class RecordFile:
    """A record file as read: its text and the plain data the fast parser made of it."""

    path: Path
    rel: str
    text: str
    data: Any


@dataclass(frozen=True, slots=True)
class Loaded:
    """A record that validated, with the file it came from."""

    file: RecordFile
    record: Record

    @property
    def id(self) -> str:
        return str(self.record.id)


@dataclass
class LoadResult:
    records: list[Loaded] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[RecordFile] = field(default_factory=list)
