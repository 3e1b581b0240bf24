"""`collab overdue` and `collab due`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from collabkit.cli.app import app
from collabkit.cli.common import (
    Format,
    FormatOption,
    NowOption,
    now_from,
    print_json,
    warn_skipped,
    workspace,
)
from collabkit.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from collabkit.present.obligations import When
    from collabkit.query import Snapshot
    from collabkit.timing.durations import Duration
    from collabkit.timing.obligations import Obligation

OwnerOption = Annotated[
    str | None,
    typer.Option("--owner", help="Only this person (name or email; @me: git config user.email)."),
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
    from collabkit.present.text import lateness_text

    snapshot = _snapshot(ctx, now, owner, department, None)
    late = snapshot.overdue()
    _print(snapshot, late, fmt, "overdue", lateness_text)
    raise typer.Exit(EXIT_FINDINGS if exit_code and late else EXIT_OK)


@app.command()
def due(
    ctx: typer.Context,
    within: Annotated[
        str,
        typer.Option(
            "--within",
            help="How far ahead: 7d, 48h, 1w (or 2周), 5wd (working days), 4wh (working hours), "
            "90m. A bare m is minutes, never months.",
        ),
    ] = "7d",
    owner: OwnerOption = None,
    department: DepartmentOption = None,
    now: NowOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The next deadlines not yet passed, soonest first."""
    from collabkit.present.text import remaining_text
    from collabkit.query.ahead import look_ahead

    snapshot = _snapshot(ctx, now, owner, department, look_ahead(within))
    _print(snapshot, snapshot.due(), fmt, "due", remaining_text)


def _snapshot(
    ctx: typer.Context,
    now: str | None,
    owner: str | None,
    department: str | None,
    ahead: Duration | None,
) -> Snapshot:
    from collabkit.cli.common import owner_name
    from collabkit.query import obligations_at, resolve_filter

    ws = workspace(ctx)
    who = resolve_filter(ws.config, owner_name(ws, owner), department)
    moment = now_from(now, ws.config.tz)
    snapshot = obligations_at(ws, moment, ahead=ahead, who=who, unmet_only=True)
    warn_skipped(snapshot.skipped, ws.config.language)
    return snapshot


def _print(snapshot: Snapshot, items: list[Obligation], fmt: Format, mode: str, when: When) -> None:
    from collabkit.cli.output import print_obligations
    from collabkit.present.obligations import obligation_json

    if fmt is Format.json:
        print_json([obligation_json(ob, snapshot) for ob in items])
    else:
        print_obligations(items, snapshot, when, mode)
