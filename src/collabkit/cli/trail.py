"""`collab sign`, `collab trail`: signatures as git commits (SPEC §7)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from collabkit.cli.app import app
from collabkit.cli.common import Format, FormatOption, NowOption, now_from, print_json, workspace

if TYPE_CHECKING:
    from collabkit.trail.sign import FieldChange
    from collabkit.workspace import Config


@app.command()
def sign(
    ctx: typer.Context,
    ref: Annotated[
        str, typer.Argument(metavar="ID", help="A record, or ID/ACTION: HY-2024-003/A2.")
    ],
    role: Annotated[
        str, typer.Option("--role", help="requester, receiver, owner (an action) or acceptor.")
    ],
    message: Annotated[
        str | None, typer.Option("--message", "-m", help="A note for the signing commit.")
    ] = None,
    gpg_sign: Annotated[
        bool, typer.Option("--gpg-sign", "-S", help="Sign the commit (GPG or SSH, as git is set).")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Sign although git's author is someone else.")
    ] = False,
    now: NowOption = None,
) -> None:
    """Sign a record in a role: set its events, commit only its file, as you."""
    from collabkit.i18n import Texts
    from collabkit.trail.sign import SignRequest
    from collabkit.trail.sign import sign as sign_record

    ws = workspace(ctx)
    request = SignRequest(ref, role, now_from(now, ws.config.tz), message, gpg_sign, force)
    done = sign_record(ws, request, _writer(ws.config))
    t = Texts(ws.config.language)
    shown = done.target.ref
    for change in done.changes:
        old = "-" if change.old is None else change.old
        print(t("sign.change", ref=shown, field=change.field, old=old, new=change.new))
    role_label = t(f"role.{done.target.role}")
    print(t("sign.done", ref=shown, person=done.person, role=role_label, commit=done.commit[:12]))
    if done.signed:
        print(t("sign.crypto"))
    if done.forced:
        author = f"{done.author.name} <{done.author.email}>"
        email = done.expected or "-"
        print(t("sign.forced", author=author, person=done.person, email=email), file=sys.stderr)


def _writer(config: Config) -> Callable[[Path, str, Sequence[FieldChange]], None]:
    """Set fields of a record file with the round-trip editor: open → change → save."""

    def write(path: Path, rel: str, changes: Sequence[FieldChange]) -> None:
        from collabkit.edit.document import Document, node, resolve, set_key

        doc = Document.open(path, rel)
        for change in changes:
            container, key = resolve(doc.tree, change.field)
            set_key(container, key, node(change.new), after=change.after)
        doc.save(config)

    return write


@app.command()
def trail(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="ID", help="A record, or ID/ACTION.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Every commit that touched a record: who, when, the role signed, git's verdict."""
    from collabkit.cli.output import print_table
    from collabkit.i18n import Texts
    from collabkit.trail.history import trail_items, trail_table

    ws = workspace(ctx)
    items = trail_items(ws, ref)
    if fmt is Format.json:
        print_json(items)
        return
    t = Texts(ws.config.language)
    if not items:
        print(t("trail.none", ref=ref))
        return
    headers, rows = trail_table(items, ref, ws.config)
    print_table(headers, rows)
    print(t("trail.count", n=len(items)))
