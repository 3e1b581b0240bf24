"""`collab lint`, `collab list`, `collab show`."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from collabkit.cli.app import app
from collabkit.cli.common import (
    Format,
    FormatOption,
    NowOption,
    is_terminal,
    now_from,
    print_json,
    visible,
    warn_skipped,
    workspace,
)
from collabkit.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from collabkit.findings import Finding
    from collabkit.workspace import Workspace


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


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
    if fmt is LintFormat.json:
        print_json([f.as_json() for f in findings])
    elif fmt is LintFormat.gitlab:
        from collabkit.export.codequality import code_quality

        print_json(code_quality(findings, ws.root, Path.cwd()))
    elif fmt is LintFormat.github:
        for f in findings:
            level = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
            shown = os.path.relpath(ws.root / f.file)
            message = f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(
                visible(
                    f"::{level} file={shown},line={f.line},col={f.column},title={f.code}::{message}"
                )
            )
    elif is_terminal():
        checked = len(ws.expand(targets) if targets else ws.record_paths())
        _print_findings_on_terminal(findings, checked, ws.config.language)
    else:
        for f in findings:
            print(visible(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.code} {f.message}"))
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


def _print_findings_on_terminal(findings: list[Finding], checked: int, language: str) -> None:
    """Findings with coloured severities, then a summary line: errors, warnings, files."""
    from rich.text import Text

    from collabkit.cli.common import console
    from collabkit.i18n import Texts

    t = Texts(language)
    out = console()
    for f in findings:
        line = Text()
        line.append(f"{f.file}:{f.line}:{f.column}: ", style="bold")
        line.append(f.severity, style=SEVERITY_STYLES[f.severity])
        line.append(f" {f.code} ", style="dim")
        line.append(visible(f.message))
        out.print(line)
    if not findings:
        out.print(Text(t("lint.clean", n=checked), style="green"))
        return
    count = {s: sum(f.severity == s for f in findings) for s in SEVERITY_STYLES}
    parts = [t("lint.errors", n=count["error"]), t("lint.warnings", n=count["warning"])]
    if count["info"]:
        parts.append(t("lint.infos", n=count["info"]))
    files = t("lint.files", n=len({f.file for f in findings}), checked=checked)
    summary = Text(", ".join(parts), style=SEVERITY_STYLES["error"] if count["error"] else "")
    summary.append(f"; {files}")
    out.print()
    out.print(summary)


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

    ws = workspace(ctx)
    who = resolve_filter(ws.config, owner_name(ws, owner), department)
    loaded = ws.load()
    rows = list_rows(ws, kind=kind, status=status, who=who, loaded=loaded)
    warn_skipped(loaded.findings, ws.config.language)
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
