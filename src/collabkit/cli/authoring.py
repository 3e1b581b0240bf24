"""`collab init`, `new`, `set`, `done`, `progress`, `renumber`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from collabkit.cli.app import app
from collabkit.cli.common import NowOption, now_from, workspace
from collabkit.errors import EXIT_FINDINGS, UsageError


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder of the new workspace.")] = Path("."),
    lang: Annotated[str, typer.Option("--lang", help="zh or en.")] = "zh",
    ci: Annotated[
        str, typer.Option("--ci", help="The CI workflow to write: github, gitlab or none.")
    ] = "github",
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            help="The pip requirement CI installs collab with, e.g. "
            "'collabkit @ git+https://host/collab@v0.1.0' (default: where this collab came from).",
            metavar="REQUIREMENT",
        ),
    ] = None,
) -> None:
    """Create a workspace: collab.yaml, records/, a CI workflow, editor schema settings."""
    import os

    from collabkit.cli.common import set_language
    from collabkit.edit.scaffold import init_workspace

    set_language(lang)  # its errors are said in the language asked for
    done = init_workspace(directory, lang, ci=ci, install=install)
    for path in done.written:  # as given, or relative to here (the top of the repository)
        print(os.path.relpath(path) if path.is_absolute() else path)
    print("", *done.next_steps, sep="\n")


def _party(text: str | None) -> tuple[str | None, str | None]:
    """'市场部:张伟' → ('市场部', '张伟'); '市场部' → ('市场部', None)."""
    if not text:
        return None, None
    department, _, lead = text.replace("：", ":").partition(":")
    return department.strip() or None, lead.strip() or None


def _prompt(label: str, current: str | None, interactive: bool) -> str | None:
    if current is not None or not interactive:
        return current
    answer: str = typer.prompt(label, default="", show_default=False)
    return answer.strip() or None


@app.command()
def new(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            help="requirement, meeting, issue, collaboration, customer-request or notice."
        ),
    ],
    title: Annotated[str | None, typer.Option("--title", help="Title.")] = None,
    requester: Annotated[
        str | None,
        typer.Option("--requester", help="DEPARTMENT[:LEAD] asking (requirement, collaboration)."),
    ] = None,
    receiver: Annotated[
        str | None, typer.Option("--receiver", help="DEPARTMENT[:LEAD] receiving (requirement).")
    ] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Owner / host / initiator.")] = None,
    department: Annotated[
        str | None, typer.Option("--department", help="Responsible department (issue).")
    ] = None,
    urgency: Annotated[
        str | None, typer.Option("--urgency", help="high, medium or low (issue).")
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", help="Start (meeting, collaboration).")
    ] = None,
    end: Annotated[str | None, typer.Option("--end", help="End (meeting).")] = None,
    due: Annotated[
        str | None, typer.Option("--due", help="Deadline (requirement, collaboration).")
    ] = None,
    customer: Annotated[
        str | None, typer.Option("--customer", help="Customer (customer-request).")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    schema_comment: Annotated[
        bool,
        typer.Option(
            "--schema-comment",
            help="Start the file with a `# yaml-language-server: $schema=` comment for editors.",
        ),
    ] = False,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open $VISUAL/$EDITOR, then lint the file.")
    ] = False,
    now: NowOption = None,
) -> None:
    """Allocate the next id and write a commented skeleton; prints its path."""
    from collabkit.edit.new import new_record
    from collabkit.i18n import Texts
    from collabkit.io.scalars import moment_text

    ws = workspace(ctx)
    moment = now_from(now, ws.config.tz)
    editor = _editor() if edit else []  # before anything is written
    interactive = not no_input and sys.stdin.isatty()
    t = Texts(ws.config.language)
    title = _prompt(t("prompt.title"), title, interactive)
    if kind == "requirement":
        requester = _prompt(t("prompt.requester"), requester, interactive)
    elif kind == "meeting":
        start = _prompt(t("prompt.start"), start, interactive)
    elif kind == "issue":
        urgency = _prompt(t("prompt.urgency"), urgency, interactive)
    stamp = moment_text(moment, ws.config.tz)
    values: dict[str, Any] = {
        "title": title,
        "priority": "medium",
        "due": due,
        "start": start,
        "end": end,
        "host": owner,
        "owner": owner,
        "reporter": owner,
        "department": department,
        "urgency": urgency,
        "customer": customer,
        "at": stamp,
        "reported_at": stamp,
        "received_at": stamp,
    }
    values["requester_department"], values["requester_lead"] = _party(requester)
    values["receiver_department"], values["receiver_lead"] = _party(receiver)
    values["initiator_department"], values["initiator_contact"] = _party(requester)
    complete_issue = all(values[k] for k in ("title", "owner", "urgency", "department"))
    values["status"] = "open" if complete_issue else "draft"
    path = new_record(ws, kind, moment, values)
    if schema_comment:
        from collabkit.edit.scaffold import add_schema_comment

        add_schema_comment(ws.root, path)
    print(ws.rel(path))
    if edit:
        _edit_and_lint(ws, path, editor)


def _editor() -> list[str]:
    import os
    import shlex

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UsageError("--edit: set VISUAL or EDITOR to your editor")
    return shlex.split(editor)


def _edit_and_lint(ws: Any, path: Path, editor: list[str]) -> None:
    import subprocess

    from collabkit.lint import lint

    subprocess.run([*editor, str(path)], check=False)
    findings = [f for f in lint(ws, [path]) if f.severity != "info"]
    for f in findings:
        print(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.code} {f.message}", file=sys.stderr)
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("set")
def set_command(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID")],
    field: Annotated[
        str, typer.Argument(metavar="FIELD", help="Dotted path: receiver.lead, actions.A2.due.")
    ],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="A YAML value; empty clears it.")],
) -> None:
    """Set one field, keeping the file's comments, order and layout."""
    from collabkit.edit.changes import set_field

    ws = workspace(ctx)
    print(ws.rel(set_field(ws, record_id, field, value)))


@app.command()
def done(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="ID/ACTION", help="e.g. HY-2024-003/A2.")],
    at: Annotated[str | None, typer.Option("--at", help="When it was done (default: now).")] = None,
    now: NowOption = None,
) -> None:
    """Mark an action item (or a notice's to-do) done."""
    from collabkit.edit.changes import mark_done

    ws = workspace(ctx)
    moment = now_from(at, ws.config.tz, "--at") if at else now_from(now, ws.config.tz)
    path, changed = mark_done(ws, ref, moment)
    print(ws.rel(path) if changed else f"{ref} was already done")


@app.command()
def progress(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="ID", help="A collaboration, or ID/ACTION.")],
    note: Annotated[str, typer.Argument(metavar="NOTE")],
    percent: Annotated[
        int | None, typer.Option("--percent", min=0, max=100, help="Done so far, 0-100.")
    ] = None,
    now: NowOption = None,
) -> None:
    """Log progress on a collaboration or an action item."""
    from collabkit.edit.changes import add_progress

    ws = workspace(ctx)
    print(ws.rel(add_progress(ws, target, note, percent, now_from(now, ws.config.tz))))


@app.command()
def renumber(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="An id, or the record's file when the id is in several files."
        ),
    ],
) -> None:
    """Give a record the next free id (after two clones allocated the same one)."""
    from collabkit.edit.renumber import renumber as renumber_record

    ws = workspace(ctx)
    result = renumber_record(ws, target)
    print(f"{result.old} → {result.new}: {ws.rel(result.path)}")
    for path in result.relinked:
        print(f"  links updated: {ws.rel(path)}")
