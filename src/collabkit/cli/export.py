"""`collab export ics`: what leaves collab for other tools (`export` is a group, so that
other formats join it as commands of their own)."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from collabkit.cli.app import app
from collabkit.cli.common import NowOption, now_from, warn_skipped, workspace
from collabkit.cli.deadlines import DepartmentOption, OwnerOption

export_app = typer.Typer(
    help="Records out of collab, for other tools.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(export_app, name="export")


@export_app.command("ics")
def ics(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the feed to FILE, not stdout.", metavar="FILE"),
    ] = None,
    owner: OwnerOption = None,
    department: DepartmentOption = None,
    alarm: Annotated[
        str, typer.Option("--alarm", help="The reminder this long before a deadline: 1h, 30m, 1d.")
    ] = "1h",
    now: NowOption = None,
) -> None:
    """Every open deadline as an iCalendar feed (RFC 5545): one event per obligation, with a
    UID that stays the same, so importing it again updates the events."""
    from collabkit.cli.app import start_dir
    from collabkit.cli.common import owner_name
    from collabkit.export.ics import RECURRING_AHEAD, ics_feed
    from collabkit.query import obligations_at, resolve_filter
    from collabkit.timing.durations import parse_duration

    ws = workspace(ctx)
    before = _alarm(alarm)
    who = resolve_filter(ws.config, owner_name(ws, owner), department)
    moment = now_from(now, ws.config.tz)
    snapshot = obligations_at(
        ws, moment, ahead=parse_duration(RECURRING_AHEAD), who=who, unmet_only=True
    )
    warn_skipped(snapshot.skipped, ws.config.language)
    data = ics_feed(snapshot, alarm=before)
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    from collabkit.io.atomic import write_atomic

    write_atomic(start_dir(ctx) / out, data)  # relative to -C DIR, as lint's paths
    print(out)


def _alarm(text: str) -> timedelta:

    from collabkit.errors import UsageError
    from collabkit.i18n import msg
    from collabkit.timing.durations import parse_duration

    units = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}
    try:
        duration = parse_duration(text)
    except ValueError:
        duration = None
    if duration is None or duration.unit not in units:
        raise UsageError(msg("ics.bad_alarm", value=text))
    return units[duration.unit] * duration.amount
