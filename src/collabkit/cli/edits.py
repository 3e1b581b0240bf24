"""What every edit command shares: `--at` (when it happened), and printing what the edit did
(the change lines on stdout, lint problems and hints on stderr)."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from collabkit.edit.report import Edited
    from collabkit.workspace import Workspace


AtOption = Annotated[
    str | None,
    typer.Option("--at", help="When it happened, ISO 8601 (default: --now).", metavar="DATETIME"),
]


def moments(tz: Any, at: str | None, now: str | None) -> tuple[datetime, datetime]:
    """(when it happened, now): `--at` defaults to `--now`, which defaults to the clock."""
    from collabkit.cli.common import now_from

    current = now_from(now, tz)
    return (now_from(at, tz, "--at") if at else current), current


def print_edited(ws: Workspace, edited: Edited) -> None:
    """`RW-2024-001: status sent → confirmed`, the deadlines it touched, then (on stderr)
    the lint problems the edit introduced and a hint."""
    from collabkit.edit.report import describe, problems

    language = ws.config.language
    for line in describe(edited, language, ws.config.tz):
        print(line)
    for line in problems(edited, language):
        print(line, file=sys.stderr)
