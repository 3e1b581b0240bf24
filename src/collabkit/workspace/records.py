"""The shapes of what the workspace reads: a file, a validated record, a load result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from collabkit.findings import Finding
from collabkit.models import Record

Loc = tuple[str | int, ...]


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

    def invalid_at(self, loc: Loc) -> bool:
        """Whether the value at `loc` was left out because it did not validate."""
        return False

    def source_loc(self, loc: Loc) -> Loc:
        """`loc` in the file's own terms (list positions as written)."""
        return loc


@dataclass(frozen=True, slots=True)
class Salvaged(Loaded):
    """A record that did not validate, read without the values that failed, so that lint
    can report everything else about it at once. Only lint uses it: for every other
    command the file is skipped and named.

    `removed` holds the left-out paths as written in the file; `kept` maps a list (by its
    path as written) to the positions, as written, of the items still in it.
    """

    removed: frozenset[Loc] = frozenset()
    kept: Mapping[Loc, tuple[int, ...]] = field(default_factory=dict)

    def invalid_at(self, loc: Loc) -> bool:
        source = self.source_loc(loc)
        return any(source[: len(gone)] == gone for gone in self.removed)

    def source_loc(self, loc: Loc) -> Loc:
        return source_loc(loc, self.kept)


def source_loc(loc: Loc, kept: Mapping[Loc, tuple[int, ...]]) -> Loc:
    """`loc` after items were taken out of lists, in the positions the file has them."""
    out: list[str | int] = []
    for segment in loc:
        positions = kept.get(tuple(out)) if isinstance(segment, int) else None
        if positions is not None and isinstance(segment, int) and 0 <= segment < len(positions):
            segment = positions[segment]
        out.append(segment)
    return tuple(out)


@dataclass
class LoadResult:
    records: list[Loaded] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[RecordFile] = field(default_factory=list)
