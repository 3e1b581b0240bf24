"""Creating and editing records: `new`, `set`, `done`, `progress`, `renumber`.

Every edit goes through `edit.Document`: round-trip parse, change, validate, atomic write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from collabkit.atomic import create_exclusive
from collabkit.edit import Document, check_valid, find_item, node, resolve, set_key
from collabkit.errors import EditRefused, UsageError
from collabkit.ids import allocate, format_id, highest_seq, parse_id
from collabkit.models import FOLDERS, KINDS
from collabkit.store import Workspace, split_ref

PROTECTED = {
    "kind": "the kind of a record never changes",
    "id": "use `collab renumber` to change an id",
}
ITEM_LISTS = ("actions", "todos")


def moment_text(moment: datetime, workspace_tz: Any) -> str:
    """A moment as people write it in a record: local time without offset when it is in
    the workspace zone, ISO 8601 with offset otherwise."""
    local = moment.astimezone(workspace_tz)
    if local.utcoffset() == moment.utcoffset():
        return local.strftime("%Y-%m-%d %H:%M") + (f":{local.second:02d}" if local.second else "")
    return moment.isoformat(timespec="minutes")


def new_record(ws: Workspace, kind: str, now: datetime, values: dict[str, Any]) -> Path:
    """Allocate the next id of `kind` for the year of `now` and write its skeleton."""
    from collabkit.skeleton import render_skeleton

    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
    config = ws.config
    folder = ws.records_dir / FOLDERS[kind]
    folder.mkdir(parents=True, exist_ok=True)
    prefix, year = config.prefixes[kind], now.astimezone(config.tz).year
    taken = [p.stem for p in ws.record_paths()]

    def create(path: Path, record_id: str) -> bool:
        text = render_skeleton(kind, {**values, "id": record_id}, config.language, ws.root)
        check_valid(text, path, ws.rel(path), config)
        return create_exclusive(path, text.encode("utf-8"))

    _, path = allocate(folder, prefix, year, taken, create)
    return path


def set_field(ws: Workspace, record_id: str, field: str, value: str) -> Path:
    """`collab set ID FIELD VALUE`: one field, by dotted path (`actions.A2.due`)."""
    top = field.split(".")[0]
    if top in PROTECTED:
        raise EditRefused(f"cannot set {top}: {PROTECTED[top]}")
    doc = _open(ws, record_id)
    container, key = resolve(doc.tree, field)
    set_key(container, key, node(value))
    doc.save(ws.config)
    return doc.path


def mark_done(ws: Workspace, ref: str, at: datetime) -> tuple[Path, bool]:
    """`collab done ID/ACTION`: status done and done_at. False when it already was done."""
    record_id, item_id = split_ref(ref)
    if item_id is None:
        raise UsageError(f"name the action item: {record_id}/A1")
    doc = _open(ws, record_id)
    _, item = find_item(doc.tree, item_id, ITEM_LISTS)
    if item.get("status") == "done":
        return doc.path, False
    set_key(item, "status", "done", after="deliverable")
    set_key(item, "done_at", node(moment_text(at, ws.config.tz)), after="status")
    doc.save(ws.config)
    return doc.path, True


def add_progress(ws: Workspace, target: str, note: str, percent: int | None, at: datetime) -> Path:
    """`collab progress ID NOTE`: a progress entry on a collaboration or an action item."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    record_id, item_id = split_ref(target)
    doc = _open(ws, record_id)
    holder = doc.tree if item_id is None else find_item(doc.tree, item_id, ITEM_LISTS)[1]
    if item_id is None and doc.tree.get("kind") != "collaboration":
        raise EditRefused("progress is logged on a collaboration or on an action item (ID/A1)")
    entry = CommentedMap()
    entry["at"] = node(moment_text(at, ws.config.tz))
    entry["note"] = node(note) if "\n" in note else note
    if percent is not None:
        entry["percent"] = percent
    log = holder.get("progress")
    if not isinstance(log, list):
        log = CommentedSeq()
        set_key(holder, "progress", log, after="done_at" if item_id else "requested_at")
    log.append(entry)
    doc.save(ws.config)
    return doc.path


@dataclass(frozen=True)
class Renumbered:
    old: str
    new: str
    path: Path
    relinked: list[Path]


def renumber(ws: Workspace, target: str) -> Renumbered:
    """Give a record the next free id of its prefix and year, rename its file and rewrite
    the links to it. `target` is an id, or the file's path when the id is not unique."""
    path, old = _renumber_target(ws, target)
    prefix, year, _ = parse_id(old)
    taken = [p.stem for p in ws.record_paths()]
    duplicated = sum(1 for stem in taken if stem == old) > 1 or _id_in_other_files(ws, old, path)
    new = format_id(prefix, year, highest_seq(taken, prefix, year) + 1)
    doc = Document.open(path, ws.rel(path))
    doc.tree["id"] = new
    new_path = path.with_name(f"{new}.yaml")
    text = doc.dump()
    check_valid(text, new_path, ws.rel(new_path), ws.config, tolerated=None)
    if not create_exclusive(new_path, doc.encode(text)):
        raise EditRefused(f"{ws.rel(new_path)} appeared meanwhile; run renumber again")
    path.unlink()
    relinked = [] if duplicated else _relink(ws, old, new)
    return Renumbered(old, new, new_path, relinked)


def _renumber_target(ws: Workspace, target: str) -> tuple[Path, str]:
    candidate = Path(target)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        path = candidate.resolve()
        if not path.is_relative_to(ws.records_dir.resolve()):
            raise UsageError(f"{target} is not a record file of this workspace")
        data = ws.load([path])
        if not data.records:
            raise EditRefused(
                "the record does not validate; fix it first (collab lint)", path=ws.rel(path)
            )
        return path, data.records[0].id
    matches = [p for p in ws.record_paths() if p.stem == target]
    if len(matches) > 1:
        listed = ", ".join(ws.rel(p) for p in matches)
        raise UsageError(f"{target} is in several files ({listed}); name the file to renumber")
    return ws.locate_id(target), target


def _id_in_other_files(ws: Workspace, record_id: str, path: Path) -> bool:
    return any(rec.id == record_id and rec.file.path != path for rec in ws.load().records)


def _relink(ws: Workspace, old: str, new: str) -> list[Path]:
    """Rewrite `links:` entries naming `old` (or `old/ITEM`) in every record."""
    changed = []
    for rec in ws.load().records:
        if not any(link.split("/")[0] == old for link in rec.record.links):
            continue
        doc = Document.open(rec.file.path, rec.file.rel)
        links = doc.tree["links"]
        for i, link in enumerate(links):
            target, sep, item = str(link).partition("/")
            if target == old:
                links[i] = new + sep + item
        doc.save(ws.config)
        changed.append(rec.file.path)
    return changed


def _open(ws: Workspace, record_id: str) -> Document:
    path = ws.locate_id(record_id)
    return Document.open(path, ws.rel(path))
