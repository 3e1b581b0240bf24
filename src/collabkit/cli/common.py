"""What every command shares: the workspace, `--now`, `--format`, printing."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import typer

from collabkit.errors import UsageError

if TYPE_CHECKING:
    from collabkit.findings import Finding
    from collabkit.workspace import Workspace


class Format(StrEnum):
    table = "table"
    json = "json"


NowOption = Annotated[
    str | None,
    typer.Option(
        "--now", help="The current time, ISO 8601 (default: the clock).", metavar="DATETIME"
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="table or json.")]


_language = ["zh"]  # the language of the workspace this run opened: errors are said in it


def workspace(ctx: typer.Context) -> Workspace:
    """The workspace the command runs in (found from `-C DIR` or the current folder)."""
    from collabkit.cli.app import start_dir
    from collabkit.workspace import Workspace

    ws = Workspace.open(start_dir(ctx))
    set_language(ws.config.language)
    return ws


def language() -> str:
    """The language of the workspace this run opened (zh until one is open)."""
    return _language[0]


def set_language(value: str) -> None:
    _language[0] = value


def now_from(text: str | None, tz: ZoneInfo, option: str = "--now") -> datetime:
    """`--now` as an aware datetime (naive input is in the workspace zone); else the clock."""
    if text is None:
        return datetime.now(tz)
    from collabkit.models._types import parse_moment

    try:
        return parse_moment(text, tz, end_of_day=False)
    except Exception:
        raise UsageError(
            f"{option}: not a date/time: {text!r} (use e.g. 2024-10-14T09:00+08:00)"
        ) from None


def owner_name(ws: Workspace, owner: str | None) -> str | None:
    """`--owner` as given, with `@me` read as `git config user.email`."""
    if owner != "@me":
        return owner
    from collabkit.i18n import msg
    from collabkit.io.git import GitUnavailable, config_value, git_path

    if git_path() is None:
        raise GitUnavailable(msg("git.missing", what="--owner @me"))
    email = config_value(ws.root, "user.email")
    if email is None:
        raise UsageError("--owner @me: git config user.email is not set")
    return email


def warn_skipped(skipped: Sequence[Finding], language: str) -> None:
    """Name on stderr the record files a command skipped because they cannot be read."""
    if not skipped:
        return
    from collabkit.i18n import text

    print(text("skipped.files", language, n=len(skipped)), file=sys.stderr)
    for finding in skipped:
        print(f"  {finding.file}:{finding.line}: {finding.message}", file=sys.stderr)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def is_terminal() -> bool:
    return sys.stdout.isatty()


def console() -> Any:
    """A rich console for terminals; plain text (no colour, no wrapping) when piped."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=not is_terminal())
