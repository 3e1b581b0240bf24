"""Editing records in place: `set`, `done`, `progress`.

Every edit goes through `edit.document.Document`: round-trip parse, change, validate,
atomic write.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from collabkit.edit.document import Document, find_item, node, resolve, set_key
from collabkit.errors import EditRefused, UsageError
from collabkit.io.scalars import moment_text, needs_escape
from collabkit.models.ids import split_ref
from collabkit.workspace import Workspace

PROTECTED = {
    "kind": "the kind of a record never changes",
    "id": "use `collab renumber` to change an id",
}
ITEM_LISTS = ("actions", "todos")


def set_field(ws: Workspace, record_id: str, field: str, value: str) -> Path:
    """`collab set ID FIELD VALUE`: one field, by dotted path (`actions.A2.due`)."""
    top = field.split(".")[0]
    if top in PROTECTED:
        raise EditRefused(f"cannot set {top}: {PROTECTED[top]}")
    doc = open_record(ws, record_id)
    container, key = resolve(doc.tree, field)
    set_key(container, key, node(value))
    doc.save(ws.config)
    return doc.path


def mark_done(ws: Workspace, ref: str, at: datetime) -> tuple[Path, bool]:
    """`collab done ID/ACTION`: status done and done_at. False when it already was done."""
    record_id, item_id = split_ref(ref)
    if item_id is None:
        raise UsageError(f"name the action item: {record_id}/A1")
    doc = open_record(ws, record_id)
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
    doc = open_record(ws, record_id)
    holder = doc.tree if item_id is None else find_item(doc.tree, item_id, ITEM_LISTS)[1]
    if item_id is None and doc.tree.get("kind") != "collaboration":
        raise EditRefused("progress is logged on a collaboration or on an action item (ID/A1)")
    entry = CommentedMap()
    entry["at"] = node(moment_text(at, ws.config.tz))
    entry["note"] = node(note) if "\n" in note or needs_escape(note) else note
    if percent is not None:
        entry["percent"] = percent
    log = holder.get("progress")
    if not isinstance(log, list):
        log = CommentedSeq()
        set_key(holder, "progress", log, after="done_at" if item_id else "requested_at")
    log.append(entry)
    doc.save(ws.config)
    return doc.path


def open_record(ws: Workspace, record_id: str) -> Document:
    """The file of `record_id`, opened for a round-trip edit."""
    path = ws.locate_id(record_id)
    return Document.open(path, ws.rel(path))
