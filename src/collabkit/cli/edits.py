"""Printing what an edit did: the change lines on stdout, lint problems and hints on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collabkit.edit.report import Edited
    from collabkit.workspace import Workspace


def print_edited(ws: Workspace, edited: Edited) -> None:
    """`RW-2024-001: status sent → confirmed`, the deadlines it touched, then (on stderr)
    the lint problems the edit introduced and a hint."""
    from collabkit.edit.report import describe, problems

    language = ws.config.language
    for line in describe(edited, language, ws.config.tz):
        print(line)
    for line in problems(edited, language):
        print(line, file=sys.stderr)
