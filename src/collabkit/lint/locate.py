"""Where a lint finding points: line and column of a key path, parsing a file only when asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from collabkit.findings import Finding, Severity
from collabkit.io.positions import locate
from collabkit.workspace import Loaded
from collabkit.workspace.validate import quick_position, roundtrip_or_none

Loc = tuple[str | int, ...]


@dataclass
class Locator:
    """Line/column of a key path in a record file; each file is parsed once, on demand."""

    trees: dict[str, Any] = field(default_factory=dict)

    def at(self, loaded: Loaded, loc: Loc, *, value: bool = True) -> tuple[int, int]:
        rel = loaded.file.rel
        loc = loaded.source_loc(loc)
        if rel not in self.trees:
            self.trees[rel] = roundtrip_or_none(loaded.file.text, rel)
        if self.trees[rel] is None:  # ruamel cannot read what the fast parser did
            return quick_position(loaded.file.text, loc), 1
        return locate(self.trees[rel], loc, at_value=value)

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
