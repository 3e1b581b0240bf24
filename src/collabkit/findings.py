"""A lint finding: one problem at one place in one file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    file: str  # relative to the workspace root, '/'-separated
    line: int  # 1-based
    column: int  # 1-based
    severity: Severity
    code: str
    message: str

    def as_error(self) -> Finding:
        """The same finding as an error (`lint --strict`)."""
        return Finding(self.file, self.line, self.column, "error", self.code, self.message)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (
            self.file,
            self.line,
            self.column,
            SEVERITY_ORDER[self.severity],
            self.code,
            self.message,
        )
