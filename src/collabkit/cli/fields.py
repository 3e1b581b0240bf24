"""`collab fields KIND`: a kind's fields, labels, types and the rules each starts or meets."""

from __future__ import annotations

from typing import Annotated

import typer

from collabkit.cli.app import app
from collabkit.cli.common import Format, FormatOption


@app.command()
def fields(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            help="requirement, meeting, issue, collaboration, customer-request or notice."
        ),
    ],
    fmt: FormatOption = Format.table,
) -> None:
    """A kind's fields with their labels and types, and which timing rule each starts, is
    the deadline of or meets (with the command that sets it)."""
    from collabkit.cli.common import print_json, workspace
    from collabkit.cli.output import print_table
    from collabkit.edit.kindfields import kind_fields
    from collabkit.i18n import Texts

    ws = workspace(ctx)
    language = ws.config.language
    rows = kind_fields(kind, ws.config.rule_list, language)
    if fmt is Format.json:
        print_json([row.as_json() for row in rows])
        return
    t = Texts(language)
    headers = [t(f"fields.{key}") for key in ("field", "label", "type", "rules")]
    print_table(headers, [[r.path, r.label, r.type, r.roles_text(t)] for r in rows])
