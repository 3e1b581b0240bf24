"""`collab add ID LIST [VALUE] [--field value …]` and `collab log ID SUMMARY`."""

from __future__ import annotations

from typing import Annotated

import typer

from collabkit.cli.app import app
from collabkit.cli.common import NowOption
from collabkit.cli.edits import AtOption, moments
from collabkit.errors import UsageError
from collabkit.i18n import msg

# Field options are the item's fields; a value may begin with "-"; only --help is help.
FREE_OPTIONS = {
    "ignore_unknown_options": True,
    "allow_extra_args": True,
    "help_option_names": ["--help"],
}


def field_values(args: list[str]) -> tuple[str | None, dict[str, str]]:
    """(VALUE, {field: value}) from `写方案 --owner 李娜 --due=2024-10-25`: a value after an
    option is that option's, whatever it starts with (`--goal -5%`)."""
    value: str | None = None
    fields: dict[str, str] = {}
    i = 0
    while i < len(args):
        token = args[i]
        if token.startswith("--") and len(token) > 2:
            name, sep, given = token[2:].partition("=")
            if not sep:
                if i + 1 >= len(args):
                    raise UsageError(msg("add.option_value", option=token))
                i += 1
                given = args[i]
            fields[name.replace("-", "_")] = given
        elif value is None:
            value = token
        else:
            raise UsageError(msg("add.extra", value=token))
        i += 1
    return value, fields


@app.command(context_settings=FREE_OPTIONS)
def add(
    ctx: typer.Context,
    ref: Annotated[
        str, typer.Argument(metavar="ID", help="A record id (or ID/A1 for an item's list).")
    ],
    list_name: Annotated[
        str,
        typer.Argument(
            metavar="LIST",
            help="actions, pending, topics, proposals, todos, attendees, communications, "
            "progress, decisions ...",
        ),
    ],
    at: AtOption = None,
    now: NowOption = None,
) -> None:
    """Append an item with the next item id: `collab add HY-2024-002 actions 出方案 --owner 李娜
    --due 2024-10-25 --deliverable 方案`. VALUE fills the list's main field (task, question,
    title, summary, note ...); every other field is an option (--field value)."""
    from collabkit.cli.common import workspace
    from collabkit.cli.edits import print_edited
    from collabkit.edit.items import add_item

    ws = workspace(ctx)
    value, fields = field_values(ctx.args)
    moment, _ = moments(ws.config.tz, at, now)
    print_edited(ws, add_item(ws, ref, list_name, value, fields, moment))


@app.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
def log(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A customer request.")],
    summary: Annotated[str, typer.Argument(metavar="SUMMARY", help="What the customer said.")],
    kind: Annotated[
        str, typer.Option("--type", help="question, problem or feedback.")
    ] = "question",
    channel: Annotated[
        str | None, typer.Option("--channel", help="电话 / 微信 / 邮件 / 会议 ...")
    ] = None,
    at: AtOption = None,
    now: NowOption = None,
) -> None:
    """Log a customer communication (a problem owes a response within 1 h, a solution
    within 24 h)."""
    from collabkit.cli.common import workspace
    from collabkit.cli.edits import print_edited
    from collabkit.edit.items import log_communication

    ws = workspace(ctx)
    moment, _ = moments(ws.config.tz, at, now)
    fields = {"type": kind} | ({"channel": channel} if channel else {})
    print_edited(ws, log_communication(ws, record_id, summary, fields, moment))
