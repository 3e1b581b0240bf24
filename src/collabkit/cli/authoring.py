"""`collab init`, `new`, `set`, `done`, `progress`, `renumber`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from collabkit.cli.app import app
from collabkit.cli.common import NowOption, now_from, workspace
from collabkit.cli.edits import AtOption, moments


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


def _skeleton_values(
    options: dict[str, str | None], requester: str | None, receiver: str | None, stamp: str
) -> dict[str, Any]:
    """What `new`'s options fill in the skeleton (`--owner` is the host of a meeting, the
    reporter of an issue …; the creation moment stamps what was received or reported)."""
    owner = options["owner"]
    values: dict[str, Any] = {**options, "priority": "medium", "host": owner, "reporter": owner}
    values |= {"at": stamp, "reported_at": stamp, "received_at": stamp}
    values["requester_department"], values["requester_lead"] = _party(requester)
    values["receiver_department"], values["receiver_lead"] = _party(receiver)
    values["initiator_department"], values["initiator_contact"] = _party(requester)
    return values


def _party(text: str | None) -> tuple[str | None, str | None]:
    """'市场部:张伟' → ('市场部', '张伟'); '市场部' → ('市场部', None)."""
    if not text:
        return None, None
    department, _, lead = text.replace("：", ":").partition(":")
    return department.strip() or None, lead.strip() or None


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
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input", help="Never prompt (on a terminal, new asks for the essentials)."
        ),
    ] = False,
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
    """Allocate the next id and write a commented skeleton; prints its path (and, on stderr,
    what to do next). On a terminal it asks for the kind's essentials first."""
    from collabkit.cli.prompts import ask_essentials, edit_and_lint, editor_command
    from collabkit.edit.new import new_record, next_step
    from collabkit.io.scalars import moment_text

    ws = workspace(ctx)
    moment = now_from(now, ws.config.tz)
    editor = editor_command() if edit else []  # before anything is written
    options = {"title": title, "due": due, "start": start, "end": end, "owner": owner}
    options |= {"department": department, "urgency": urgency, "customer": customer}
    values = _skeleton_values(options, requester, receiver, moment_text(moment, ws.config.tz))
    interactive = not no_input and sys.stdin.isatty()
    answers = ask_essentials(ws, kind, moment, values) if interactive else {}
    merged = {**values, **answers}
    complete_issue = all(merged.get(k) for k in ("title", "owner", "urgency", "department"))
    values["status"] = "open" if complete_issue else "draft"
    path = new_record(ws, kind, moment, values, answers)
    if schema_comment:
        from collabkit.edit.scaffold import add_schema_comment

        add_schema_comment(ws.root, path)
    print(ws.rel(path))
    if edit:
        edit_and_lint(ws, path, editor)
    step = next_step(ws, path)
    if step is not None:
        print(step.text(ws.config.language), file=sys.stderr)


# A value may begin with "-" (`-5% 流失`): it is not an option, and only --help is help
# (click reads "-5% churn" as the short options -5 -% … -h otherwise).
VALUES_MAY_BEGIN_WITH_A_DASH = {"ignore_unknown_options": True, "help_option_names": ["--help"]}


@app.command("set", context_settings=VALUES_MAY_BEGIN_WITH_A_DASH)
def set_command(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A record id, e.g. RW-2024-001.")],
    field: Annotated[
        str, typer.Argument(metavar="FIELD", help="Dotted path: receiver.lead, actions.A2.due.")
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="The value; a text field keeps it as text (even -5% or 0123); empty clears it.",
        ),
    ],
    now: NowOption = None,
) -> None:
    """Set one field, keeping the file's comments, order and layout; says what changed."""
    from collabkit.cli.edits import print_edited
    from collabkit.edit.changes import set_field

    ws = workspace(ctx)
    edited = set_field(ws, record_id, field, value, now_from(now, ws.config.tz))
    print_edited(ws, edited)


@app.command(context_settings=VALUES_MAY_BEGIN_WITH_A_DASH)
def progress(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="ID", help="A collaboration, or ID/ACTION.")],
    note: Annotated[str, typer.Argument(metavar="NOTE", help="What was done.")],
    percent: Annotated[
        int | None, typer.Option("--percent", min=0, max=100, help="Done so far, 0-100.")
    ] = None,
    at: AtOption = None,
    now: NowOption = None,
) -> None:
    """Log progress on a collaboration or an action item (meets the weekly sync)."""
    from collabkit.cli.edits import print_edited
    from collabkit.edit.changes import add_progress

    ws = workspace(ctx)
    moment, _ = moments(ws.config.tz, at, now)
    print_edited(ws, add_progress(ws, target, note, percent, moment))


@app.command()
def renumber(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="ID|FILE",
            help="An id, or the record's file when the id is in several files.",
        ),
    ],
    split: Annotated[
        bool,
        typer.Option(
            "--split",
            help="FILE holds git's add/add conflict: keep both records, the other with a new id.",
        ),
    ] = False,
    keep: Annotated[
        str | None,
        typer.Option(
            "--keep",
            help="With --split: the side that keeps the id, ours or theirs (default: the "
            "published one: theirs while merging, ours while rebasing).",
        ),
    ] = None,
) -> None:
    """Give a record the next free id (after two clones allocated the same one)."""
    from collabkit.cli.app import start_dir
    from collabkit.edit.renumber import renumber as renumber_record
    from collabkit.edit.renumber import split_conflict
    from collabkit.i18n import Texts

    ws = workspace(ctx)
    t = Texts(ws.config.language)
    given = Path(target)
    path = str(start_dir(ctx) / given) if given.suffix in (".yaml", ".yml") else target
    if split:
        done = split_conflict(ws, path, keep)
        kept, new = ws.rel(done.kept_path), ws.rel(done.new_path)
        print(t("split.done", id=done.kept, file=kept, side=done.kept_side))
        print(t("split.new", id=done.new, file=new, side=done.new_side))
        print(t("split.next", a=kept, b=new), file=sys.stderr)
        return
    result = renumber_record(ws, path)
    print(f"{result.old} → {result.new}: {ws.rel(result.path)}")
    for moved in result.relinked:
        print(t("renumber.relinked", file=ws.rel(moved)))
