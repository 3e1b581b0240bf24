"""`collab new`: the next free id of a kind and its commented skeleton, created exclusively.

Values given as options fill the skeleton's template; answers to the interactive questions
(field path → text) are written into the rendered skeleton as `set` would write them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from collabkit.edit.document import Document, check_valid
from collabkit.edit.skeleton import render_skeleton
from collabkit.edit.tree import order_of, put, resolve_path
from collabkit.edit.values import value_for
from collabkit.errors import UsageError
from collabkit.i18n import Msg, msg
from collabkit.io.atomic import create_exclusive
from collabkit.models import KINDS, MODELS
from collabkit.models.ids import allocate, format_id
from collabkit.models.paths import compile_path, get_path
from collabkit.workspace import Workspace


def new_record(
    ws: Workspace,
    kind: str,
    now: datetime,
    values: dict[str, Any],
    answers: Mapping[str, str] | None = None,
) -> Path:
    """Allocate the next id of `kind` for the year of `now` and write its skeleton."""
    _check_kind(kind)
    config = ws.config
    folder = ws.folder_for(kind)  # refused if it is a symlink out of the workspace
    folder.mkdir(parents=True, exist_ok=True)
    prefix, year = config.prefixes[kind], now.astimezone(config.tz).year
    taken = [p.stem for p in ws.record_paths()]

    def create(path: Path, record_id: str) -> bool:
        text = render_skeleton(kind, {**values, "id": record_id}, config.language, ws.root)
        if answers:
            text = with_answers(text, kind, answers, path, ws.rel(path))
        check_valid(text, path, ws.rel(path), config)
        return create_exclusive(path, text.encode("utf-8"))

    _, path = allocate(folder, prefix, year, taken, create)
    return path


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UsageError(msg("new.unknown_kind", kind=kind, kinds=", ".join(KINDS)))


def draft_values(ws: Workspace, kind: str, now: datetime, values: dict[str, Any]) -> dict[str, Any]:
    """What the skeleton holds at each essential of `kind` before anything is asked."""
    _check_kind(kind)
    config = ws.config
    record_id = format_id(config.prefixes[kind], now.astimezone(config.tz).year, 1)
    text = render_skeleton(kind, {**values, "id": record_id}, config.language, ws.root)
    from collabkit.io.yamlio import load_data

    data = load_data(text, f"new/{kind}.yaml.j2")
    return {path: get_path(data, compile_path(path)[1]) for path in MODELS[kind].ESSENTIALS}


def with_answers(text: str, kind: str, answers: Mapping[str, str], path: Path, rel: str) -> str:
    """The skeleton `text` with each answer written at its field path."""
    doc = Document.parse(path, rel, b"", text)
    for dotted, answer in answers.items():
        container, key, segments = resolve_path(doc.tree, dotted)
        put(container, key, value_for(kind, segments, answer), order_of(doc.tree, segments[:-1]))
    return doc.dump()


def next_step(ws: Workspace, path: Path) -> Msg | None:
    """What to do with a new record: the fields it still lacks, then the verb that puts it
    to work (`collab send RW-2024-001`)."""
    loaded = ws.get(path.stem)
    record = loaded.record
    verb = record.STARTED_BY
    if verb is None:
        return None
    lacking = [
        p
        for p in record.REQUIRED_WHEN_ACTIVE
        if get_path(record, compile_path(p)[1]) in (None, "", [])
    ]
    lacking = [p for p in lacking if p not in MODELS[record.kind].VERBS[verb].events]
    if lacking:
        return msg("new.next_fill", fields=", ".join(lacking), id=record.record_id, verb=verb)
    return msg("new.next", id=record.record_id, verb=verb)
