"""What every command shares: the workspace, `--now`, `--format`, printing."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

from collabkit.cli.plain import console as console
from collabkit.cli.plain import is_terminal as is_terminal
from collabkit.cli.plain import print_json as print_json
from collabkit.cli.plain import visible as visible
from collabkit.cli.plain import warn_skipped as warn_skipped
from collabkit.errors import UsageError

if TYPE_CHECKING:
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
    """`--now` as an aware datetime (naive input is in the workspace zone); else the clock.
    A moment outside the years collab works with is a usage error, not an overflow later."""
    if text is None:
        return datetime.now(tz)
    from collabkit.i18n import msg
    from collabkit.models._types import parse_moment
    from collabkit.query.ahead import FIRST_YEAR, LAST_YEAR, check_moment

    try:
        moment = parse_moment(text, tz, end_of_day=False)
        moment.astimezone(UTC)  # 0001-01-01 in a zone east of UTC has no UTC moment
    except Exception:
        if re.match(r"\s*\d{1,4}-\d", text):
            values = {"option": option, "text": text, "first": FIRST_YEAR, "last": LAST_YEAR}
            raise UsageError(msg("moment.out_of_range", **values)) from None
        raise UsageError(msg("moment.invalid", option=option, text=text)) from None
    return check_moment(moment, option, text)


def owner_name(ws: Workspace, owner: str | None) -> str | None:
    """`--owner` as given, with `@me` read as `git config user.email`."""
    if owner != "@me":
        return owner
    from collabkit.i18n import msg
    from collabkit.io.git import GitUnavailable, config_value, git_path

    if git_path() is None:
        raise GitUnavailable(msg("git.missing_for", what="--owner @me"))
    email = config_value(ws.root, "user.email")
    if email is None:
        from collabkit.i18n import msg

        raise UsageError(msg("owner.no_git_email"))
    return email
