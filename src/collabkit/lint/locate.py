"""Where a lint finding points: line and column of a key path, scanning a file only when asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from collabkit.findings import Event, Finding, Place, Severity
from collabkit.workspace import Loaded
from collabkit.workspace.validate import Positions

Loc = tuple[str | int, ...]


@dataclass
class Locator:
    """Line/column of a key path in a record file; each file is scanned once, on demand,
    and parsed by ruamel only where the scan is unsure (`workspace.validate.Positions`)."""

    files: dict[str, Positions] = field(default_factory=dict)

    def at(self, loaded: Loaded, loc: Loc, *, value: bool = True) -> tuple[int, int]:
        rel = loaded.file.rel
        where = self.files.get(rel)
        if where is None:
            where = self.files[rel] = Positions(loaded.file.text, rel)
        return where.at(loaded.source_loc(loc), value=value)

    def in_file(self, root: Path, rel: str, loc: Loc) -> tuple[int, int]:
        """Line/column of the value at `loc` as written in the file `rel` under `root`, read
        now if it was not read here (a finding of a kept answer); 1:1 if it is unreadable."""
        if rel not in self.files:
            from collabkit.errors import RecordError

            try:
                self.files[rel] = _positions_on_disk(root, rel)
            except (RecordError, OSError):
                return 1, 1
        return self.files[rel].at(loc, value=True)

    def finding(
        self,
        rec: Loaded,
        loc: Loc,
        code: str,
        message: str,
        severity: Severity = "error",
        *,
        value: bool = True,
    ) -> Finding:
        """A finding at `loc` of `rec`'s file."""
        line, column = self.at(rec, loc, value=value)
        return Finding(rec.file.rel, line, column, severity, code, message)


def place_on_disk(root: Path) -> Place:
    """Where an event is, read from its file now (a kept lint answer has no texts)."""
    files: dict[str, Positions] = {}

    def place(event: Event) -> tuple[int, int]:
        where = files.get(event.file)
        if where is None:
            where = files[event.file] = _positions_on_disk(root, event.file)
        return where.at(event.loc, value=True)

    return place


def _positions_on_disk(root: Path, rel: str) -> Positions:
    """The Positions of the file `rel` under `root`, read now."""
    from collabkit.io.yamlio import decode, read_bytes

    return Positions(decode(read_bytes(root / rel, rel), rel), rel)
