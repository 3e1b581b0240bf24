"""`collab calendar [YEAR|YEAR-MM] [--check]`: the working calendar, and whether next year's
official schedule is known yet."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated

import typer

from collabkit.cli.app import app
from collabkit.cli.common import Format, FormatOption, NowOption, now_from, print_json
from collabkit.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from datetime import date

    from collabkit.workspace import Config

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


@app.command()
def calendar(
    ctx: typer.Context,
    period: Annotated[
        str | None,
        typer.Argument(metavar="[YEAR|YEAR-MM]", help="A year (2024) or a month (2024-10)."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Fail (exit 1) from December while next year has no official schedule.",
        ),
    ] = False,
    now: NowOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Working days: weekends, public holidays, 调休 working days, the team's own days."""
    from collabkit.present.calendar import calendar_json, calendar_text, check_text
    from collabkit.timing.obligations import Timing
    from collabkit.timing.schedule import check_schedule, days_between

    config = _config(ctx)
    timing = Timing.for_config(config)
    today = now_from(now, config.tz).astimezone(config.tz).date()
    if check:
        verdict = check_schedule(timing.calendar, today)
        print(check_text(verdict, config.language, _holidays_version()))
        raise typer.Exit(EXIT_FINDINGS if verdict.failed else EXIT_OK)
    first, last = _span(period, today)
    from collabkit.i18n import text

    locale = text("calendar.holidays_locale", config.language)  # the data's own language names
    days = days_between(timing.calendar, config.calendar, first, last, locale)
    if fmt is Format.json:
        print_json(calendar_json(days))
    else:
        print(calendar_text(days, config.language), end="")


def _config(ctx: typer.Context) -> Config:
    """The workspace's settings; outside a workspace, the handbook's defaults (CN)."""
    from collabkit.cli.common import workspace
    from collabkit.errors import WorkspaceNotFound
    from collabkit.workspace import Config

    try:
        return workspace(ctx).config
    except WorkspaceNotFound:
        return Config()


def _span(period: str | None, today: date) -> tuple[date, date]:
    from collabkit.errors import UsageError
    from collabkit.i18n import msg
    from collabkit.timing.schedule import month_span

    if period is None:
        return month_span(today.year, today.month)
    found = _PERIOD.match(period)
    if not found or not 1 <= int(found[2] or 1) <= 12 or int(found[1]) < 1:
        raise UsageError(msg("calendar.bad_period", value=period))
    year = int(found[1])
    if found[2] is None:
        return month_span(year, 1)[0], month_span(year, 12)[1]
    return month_span(year, int(found[2]))


def _holidays_version() -> str:
    from importlib.metadata import version

    return version("holidays")
