"""`collab schema [KIND]`: the JSON Schema of the records, for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from collabkit.cli.app import app


@app.command()
def schema(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Argument(help="Only this kind (requirement, meeting ...); default: any record."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write it to FILE instead of stdout.", metavar="FILE"),
    ] = None,
) -> None:
    """JSON Schema (2020-12) of the records, with every field's label and description."""
    from collabkit.errors import UsageError
    from collabkit.i18n import msg
    from collabkit.models import KINDS
    from collabkit.models.schema import record_schema

    if kind is not None and kind not in KINDS:
        raise UsageError(msg("jsonschema.unknown_kind", kind=kind, kinds=", ".join(KINDS)))
    text = json.dumps(record_schema(kind), ensure_ascii=False, indent=2) + "\n"
    if out is None:
        print(text, end="")
        return
    from collabkit.cli.app import start_dir
    from collabkit.io.atomic import write_atomic

    write_atomic(start_dir(ctx) / out, text.encode("utf-8"))  # relative to -C DIR, as lint's
    print(out)
