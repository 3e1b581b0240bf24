"""`collab lint`, `collab list`, `collab show`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
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
from collabkit.cli.lintout import print_findings
from collabkit.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from collabkit.workspace import Workspace


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


@app.command()
def lint(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (default: all records).")
    ] = None,
    fmt: Annotated[
        LintFormat,
        typer.Option("--format", help="text, json, github (annotations) or gitlab (code quality)."),
    ] = LintFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    now: Annotated[
        str | None,
        typer.Option(
            "--now",
            metavar="DATETIME",
            help="Event times after this are findings (default: the clock).",
        ),
    ] = None,
    trail: Annotated[
        bool, typer.Option("--trail", help="Check the signatures in git (SPEC §7).")
    ] = False,
    require_signed: Annotated[
        bool, typer.Option("--require-signed", help="With --trail: git must verify them.")
    ] = False,
    against: Annotated[
        str | None,
        typer.Option("--against", metavar="REF", help="Ids REF added too since the merge base."),
    ] = None,
) -> None:
    """Validate records: schema, ids, people, action items, timing rules (SPEC §8)."""
    from collabkit.cli.app import start_dir
    from collabkit.errors import UsageError
    from collabkit.i18n import msg
    from collabkit.lint import lint as run_lint

    # Relative paths are relative to where the command runs: `-C DIR` if given (as in git).
    targets = [start_dir(ctx) / p for p in paths or []]  # an absolute p stays itself
    ws = _workspace_of(ctx, targets)
    for given, target in zip(paths or [], targets, strict=True):
        if not target.exists():
            raise UsageError(msg("lint.no_such_path", path=str(given)))
    moment = now_from(now, ws.config.tz)
    findings = run_lint(
        ws, targets or None, strict=strict, now=moment, trail=trail,
        require_signed=require_signed, against=against,
    )  # fmt: skip
    if fmt is LintFormat.gitlab:
        from collabkit.export.codequality import code_quality

        print_json(code_quality(findings, ws.root, Path.cwd()))
    else:
        checked = lambda: len(ws.expand(targets) if targets else ws.record_paths())  # noqa: E731
        print_findings(findings, fmt.value, ws.root, checked, ws.config.language)
    failing = any(f.severity == "error" for f in findings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _workspace_of(ctx: typer.Context, targets: list[Path]) -> Workspace:
    """The workspace lint runs in: found from where it runs, or else from the first path
    given (pre-commit runs hooks at the top of a repository whose workspace is a folder)."""
    from collabkit.cli.common import set_language
    from collabkit.errors import WorkspaceNotFound
    from collabkit.workspace import Workspace

    try:
        return workspace(ctx)
    except WorkspaceNotFound:
        if not targets or not targets[0].exists():
            raise
        ws = Workspace.open(targets[0] if targets[0].is_dir() else targets[0].parent)
        set_language(ws.config.language)
        return ws


@app.command("list")
def list_records(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Argument(help="Only this kind (requirement, meeting ... or 需求 ...).")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Only this status (sent, or 已发送 ...).")
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option("--owner", help="Only records this person owns (@me: git config user.email)."),
    ] = None,
    department: Annotated[
        str | None, typer.Option("--department", help="Only this department.")
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """One line per record; a file that cannot be read keeps its line, with the error."""
    from collabkit.cli.common import owner_name
    from collabkit.cli.output import print_table
    from collabkit.i18n import Texts
    from collabkit.present.records import list_rows, table_rows
    from collabkit.query import resolve_filter
    from collabkit.workspace.cached import summaries

    ws = workspace(ctx)
    who = resolve_filter(ws.config, owner_name(ws, owner), department)
    listed, unreadable = summaries(ws, now_from(None, ws.config.tz))
    rows = list_rows(ws, listed, unreadable, kind=kind, status=status, who=who)
    warn_skipped(unreadable, ws.config.language)
    if fmt is Format.json:
        print_json(rows)
        return
    t = Texts(ws.config.language)
    if not rows:
        print(t("list.none"))
        return
    keys = ["id", "kind", "title", "status", "owner", "department", "file"]
    print_table(
        [t(f"col.{k}") for k in keys], table_rows(rows, ws.config.language), unbroken=(0, 6)
    )
    print(t("list.count", n=len(rows)))


@app.command()
def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A record id, e.g. RW-2024-001.")],
    now: NowOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """One record, human-readable, with its computed deadlines and their state."""
    from collabkit.cli.output import print_record
    from collabkit.present.show import record_view

    ws = workspace(ctx)
    view = record_view(ws, record_id, now_from(now, ws.config.tz))
    if fmt is Format.json:
        print_json(view)
    else:
        print_record(view, ws.config.language)
