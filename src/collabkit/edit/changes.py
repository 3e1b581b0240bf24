"""Editing records in place: `set`, `done`, `progress`.

Every edit goes through `edit.document.Document` (round-trip parse, change, validate,
atomic write) and ends in `edit.report.save`, which says what it changed.
"""

from __future__ import annotations

from datetime import datetime

from collabkit.edit.document import Document, open_record
from collabkit.edit.report import Change, Edited, save, shown
from collabkit.edit.tree import order_of, put, resolve_path
from collabkit.edit.values import value_for
from collabkit.errors import EditRefused
from collabkit.i18n import Msg, msg
from collabkit.models import MODELS
from collabkit.models.ids import split_ref
from collabkit.workspace import Workspace

PROTECTED = {"kind": "edit.kind_fixed", "id": "edit.id_fixed"}


def set_field(
    ws: Workspace, record_id: str, field: str, value: str, now: datetime | None = None
) -> Edited:
    """`collab set ID FIELD VALUE`: one field, by dotted path (`actions.A2.due`), written
    as the field reads it (text stays text); empty text clears it."""
    top = field.split(".")[0]
    if top in PROTECTED:
        raise EditRefused(msg(PROTECTED[top], field=top))
    doc = open_record(ws, record_id)
    kind = str(doc.tree.get("kind"))
    container, key, segments = resolve_path(doc.tree, field)
    old = container.get(key) if isinstance(container, dict) else container[key]
    new = value_for(kind, segments, value)
    put(container, key, new, order_of(doc.tree, segments[:-1]))
    if doc.dump() == doc.original:
        return Edited(record_id, doc.path, ())
    hint = _status_hint(doc, record_id) if field == "status" else None
    change = Change(field, shown(old), shown(new))
    return save(ws, doc, record_id, [change], now, hint=hint)


def _status_hint(doc: Document, record_id: str) -> Msg | None:
    """When `set status X` leaves out the event a verb would have stamped with it:
    the verb that sets both (`collab send` sets status sent and sent_at)."""
    kind = str(doc.tree.get("kind"))
    status = doc.tree.get("status")
    for name, verb in MODELS[kind].VERBS.items() if kind in MODELS else ():
        if verb.status == status and verb.events:
            missing = [path for path in verb.events if _empty(doc.tree, path)]
            if missing:
                return msg(
                    "hint.verb", verb=name, id=record_id, status=status, events=", ".join(missing)
                )
    return None


def _empty(tree: object, path: str) -> bool:
    node = tree
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node in (None, "")


def mark_done(ws: Workspace, ref: str, at: datetime) -> Edited:
    """`collab done ID/ACTION`: status done and done_at (nothing changes when it was done)."""
    from collabkit.edit.verbs import apply_verb

    return apply_verb(ws, "done", ref, at)


def add_progress(
    ws: Workspace, target: str, note: str, percent: int | None, at: datetime
) -> Edited:
    """`collab progress ID NOTE`: a progress entry on a collaboration or an action item."""
    from collabkit.edit.items import add_item

    record_id, item = split_ref(target)
    kind = ws.config.kind_of_prefix.get(record_id.split("-", 1)[0])
    if item is None and kind != "collaboration":
        raise EditRefused(msg("edit.progress_where"))
    fields = {"percent": str(percent)} if percent is not None else {}
    return add_item(ws, target, "progress", note, fields, at)
