"""`collab new`: the next free id of a kind and its commented skeleton, created exclusively."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from collabkit.edit.document import check_valid
from collabkit.edit.skeleton import render_skeleton
from collabkit.errors import UsageError
from collabkit.io.atomic import create_exclusive
from collabkit.models import KINDS
from collabkit.models.ids import allocate
from collabkit.workspace import Workspace


def new_record(ws: Workspace, kind: str, now: datetime, values: dict[str, Any]) -> Path:
    """Allocate the next id of `kind` for the year of `now` and write its skeleton."""
    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
    config = ws.config
    folder = ws.folder_for(kind)  # refused if it is a symlink out of the workspace
    folder.mkdir(parents=True, exist_ok=True)
    prefix, year = config.prefixes[kind], now.astimezone(config.tz).year
    taken = [p.stem for p in ws.record_paths()]

    def create(path: Path, record_id: str) -> bool:
        text = render_skeleton(kind, {**values, "id": record_id}, config.language, ws.root)
        check_valid(text, path, ws.rel(path), config)
        return create_exclusive(path, text.encode("utf-8"))

    _, path = allocate(folder, prefix, year, taken, create)
    return path
