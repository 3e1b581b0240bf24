"""`collab overdue` and `collab due`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from collabkit.cli import app
from collabkit.cli.common import Format, FormatOption, NowOption, now_from, print_json, workspace
from collabkit.errors import EXIT_FINDINGS, EXIT_OK, UsageError

if TYPE_CHECKING:
    from collabkit.durations import Duration
    from collabkit.store import Workspace
    from collabkit.timing import Obligation, Timing

    # workspace, timing, texts by file, obligations, now, and the horizon they reach
    Loaded = tuple[Workspace, Timing, dict[str, str], list[Obligation], datetime, datetime]

OwnerOption = Annotated[
    str | None, typer.Option("--owner", help="Only this person (name or email).")
]
DepartmentOption = Annotated[str | None, typer.Option("--department", help="Only this department.")]


@app.command()
def overdue(
    ctx: typer.Context,
    owner: OwnerOption = None,
    department: DepartmentOption = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when anything is overdue.")
    ] = False,
    now: NowOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Every obligation whose deadline has passed and is not met, most overdue first."""
    from collabkit.cli.output import print_obligations
    from collabkit.timing import overdue as overdue_of
    from collabkit.views import lateness_text

    ws, timing, texts, obligations, moment, _ = _obligations(ctx, now, owner, department, None)
    late = overdue_of(obligations, moment)
    if fmt is Format.json:
        print_json(_as_json(late, texts, ws.config.language))
    else:
        print_obligations(late, timing, moment, lateness_text, "overdue")
    raise typer.Exit(EXIT_FINDINGS if exit_code and late else EXIT_OK)


@app.command()
def due(
    ctx: typer.Context,
    within: Annotated[str, typer.Option("--within", help="How far ahead: 7d, 48h, 5wd ...")] = "7d",
    owner: OwnerOption = None,
    department: DepartmentOption = None,
    now: NowOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The next deadlines not yet passed, soonest first."""
    from collabkit.cli.output import print_obligations
    from collabkit.durations import parse_duration
    from collabkit.timing import due_within
    from collabkit.views import remaining_text

    try:
        span = parse_duration(within)
    except ValueError as exc:
        raise UsageError(f"--within: {exc}") from None
    ws, timing, texts, obligations, moment, until = _obligations(ctx, now, owner, department, span)
    upcoming = due_within(obligations, moment, until - moment)
    if fmt is Format.json:
        print_json(_as_json(upcoming, texts, ws.config.language))
    else:
        print_obligations(upcoming, timing, moment, remaining_text, "due")


def _obligations(
    ctx: typer.Context,
    now: str | None,
    owner: str | None,
    department: str | None,
    ahead: Duration | None,
) -> Loaded:
    """The workspace's obligations up to `now` (and `ahead` of it, for recurring rules)."""
    from collabkit.timing import Timing, select

    ws = workspace(ctx)
    moment = now_from(now, ws.config.tz)
    timing = Timing.for_config(ws.config)
    until = timing.calendar.shift(moment, ahead).at if ahead is not None else moment
    loaded = ws.load()
    texts = {rec.file.rel: rec.file.text for rec in loaded.records}
    obligations = select(
        timing.obligations(loaded.records, until),
        ws.config,
        owner=owner,
        department=department,
    )
    if loaded.findings:
        import sys

        print(
            f"collab: {len(loaded.findings)} record file(s) could not be read and were "
            f"skipped; run `collab lint`",
            file=sys.stderr,
        )
    return ws, timing, texts, obligations, moment, until


def _as_json(
    obligations: Sequence[Obligation], texts: dict[str, str], language: str
) -> list[dict[str, Any]]:
    from collabkit.views import obligation_json

    return [obligation_json(ob, texts.get(ob.file), language) for ob in obligations]
