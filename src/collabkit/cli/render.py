"""`collab render` (the handbook's tables as Markdown) and `collab report weekly`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from collabkit.cli.app import app, start_dir
from collabkit.cli.common import (
    NowOption,
    now_from,
    set_language,
    warn_skipped,
    workspace,
)

if TYPE_CHECKING:
    from collabkit.present.pages import SignOffs
    from collabkit.render.site import Progress
    from collabkit.workspace import Workspace

LangOption = Annotated[
    str | None, typer.Option("--lang", help="zh or en (default: language in collab.yaml).")
]


class ReportFormat(StrEnum):
    md = "md"
    json = "json"


PROGRESS_FROM = 20  # pages: fewer render too fast for a progress line to help


@app.command()
def render(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="ID", help="Records to render (default: all, and the index)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write one page per record and index.md into DIR.", metavar="DIR"
        ),
    ] = None,
    now: NowOption = None,
    lang: LangOption = None,
) -> None:
    """The handbook's tables as Markdown: to stdout, or a folder of pages with --out."""
    from collabkit.i18n import text
    from collabkit.render.site import in_language, render_text, write_site

    ws = in_language(workspace(ctx), lang)
    set_language(ws.config.language)
    moment = now_from(now, ws.config.tz)
    signoffs = _signoffs(ws)
    if out is None:
        rendered = render_text(ws, moment, ids or (), signoffs)
        warn_skipped(rendered.skipped, ws.config.language)
        sys.stdout.write(rendered.text)
        return
    out = _from_start(ctx, out)
    result = write_site(ws, out, moment, ids or (), signoffs, progress=_progress_line())
    warn_skipped(result.skipped, ws.config.language)
    print(
        text(
            "render.cmd.site_written",
            ws.config.language,
            folder=str(out),
            n=len(result.written),
            unchanged=len(result.unchanged),
        )
    )


def _signoffs(ws: Workspace) -> SignOffs:
    """The 确认签字 of every record from the git trail, read once (none outside git)."""
    from collabkit.trail.signoffs import signoff_index

    index = signoff_index(ws, ws.load().records)
    return lambda ref: index.get(ref, {})


def _from_start(ctx: typer.Context, path: Path) -> Path:
    """A relative path is relative to `-C DIR` when given, as in git; else to the cwd."""
    start = start_dir(ctx)
    return path if start.resolve() == Path.cwd().resolve() else start / path


def _progress_line() -> Progress | None:
    """A progress line on stderr when it is a terminal: 'render 12/40'."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def tick(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        percent = done * 100 // total
        if percent != shown[0] or done == total:
            shown[0] = percent
            bar = "#" * (percent // 5)
            end = "\n" if done == total else ""
            sys.stderr.write(f"\rrender [{bar:<20}] {done}/{total}{end}")
            sys.stderr.flush()

    return tick


report_app = typer.Typer(
    help="Reports a lead forwards: `collab report weekly`.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(report_app, name="report")


@report_app.command("weekly")
def report_weekly(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option("--week", help="ISO week, e.g. 2024-W41 (default: the week of --now)."),
    ] = None,
    department: Annotated[
        str | None, typer.Option("--department", help="Only what involves this department.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the report to FILE.", metavar="FILE")
    ] = None,
    now: NowOption = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="md (Markdown) or json.")
    ] = ReportFormat.md,
    lang: LangOption = None,
) -> None:
    """周度协作报告: done this week, in progress, overdue, breaches, missed syncs, next
    week's deadlines and open risks (Markdown; --format json for programs)."""
    import json

    from collabkit.i18n import text
    from collabkit.io.atomic import write_atomic
    from collabkit.render.report import weekly, weekly_json, weekly_markdown
    from collabkit.render.site import in_language

    ws = in_language(workspace(ctx), lang)
    set_language(ws.config.language)
    report = weekly(ws, now_from(now, ws.config.tz), week, department)
    warn_skipped(report.skipped, ws.config.language)
    if fmt is ReportFormat.json:
        body = json.dumps(weekly_json(ws, report), ensure_ascii=False, indent=2) + "\n"
    else:
        body = weekly_markdown(ws, report)
    if out is None:
        sys.stdout.write(body)
        return
    out = _from_start(ctx, out)
    write_atomic(out, body.encode("utf-8"))
    print(text("report.written", ws.config.language, path=str(out)))
