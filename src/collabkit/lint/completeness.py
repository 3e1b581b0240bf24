"""What a record must hold for its status; action items and to-dos always.

(做什么、谁来做、何时做: every action item has what, who and when.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from collabkit.findings import Finding
from collabkit.i18n import Texts
from collabkit.lint.locate import Loc, Locator
from collabkit.models.paths import compile_path, get_path
from collabkit.workspace import Loaded, Workspace

ITEM_NEEDS = {"actions": ("task", "owner", "due", "deliverable"), "todos": ("task", "owner", "due")}
ITEM_MESSAGE = {"actions": "lint.action_incomplete", "todos": "lint.todo_incomplete"}


def check_completeness(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """What a record must hold for its status; action items and to-dos always."""
    t = Texts(ws.config.language)
    for rec in records:
        record = rec.record
        status = t.status(record.kind, str(record.status))
        missing = [
            path
            for path in record.REQUIRED_WHEN_ACTIVE
            if _empty(record, path) and not rec.invalid_at(tuple(path.split(".")))
        ]
        if rec.invalid_at(("status",)):
            missing = []  # what a record needs depends on a status it does not validly have
        if missing and record.is_draft:
            yield where.finding(
                rec,
                ("status",) if "status" in rec.file.data else ("id",),
                "incomplete",
                t("lint.draft_incomplete", status=status, fields=", ".join(missing)),
                "info",
            )
        elif missing:
            kind = t.kind(record.kind)
            for path in missing:
                parent: Loc = tuple(path.split(".")[:-1])
                message = t("lint.active_incomplete", status=status, kind=kind, field=path)
                yield where.finding(rec, parent or ("status",), "incomplete", message, value=False)
        if getattr(record, "status", None) == "declined" and not getattr(
            record, "decline_reason", None
        ):
            yield where.finding(rec, ("status",), "incomplete", t("lint.declined_reason"))
        yield from _items_complete(rec, where, t)


def _items_complete(rec: Loaded, where: Locator, t: Texts) -> Iterator[Finding]:
    record = rec.record
    for list_name, fields in ITEM_NEEDS.items():
        for i, item in enumerate(getattr(record, list_name, None) or []):
            lacking = [
                f
                for f in fields
                if getattr(item, f) in (None, "") and not rec.invalid_at((list_name, i, f))
            ]
            if lacking:
                message = t(ITEM_MESSAGE[list_name], item=item.id, fields=", ".join(lacking))
                yield where.finding(rec, (list_name, i), "action-incomplete", message, value=False)


def _empty(record: Any, dotted: str) -> bool:
    value = get_path(record, compile_path(dotted)[1])
    return value is None or value in ("", [], {})
