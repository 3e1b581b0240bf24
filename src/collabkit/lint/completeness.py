"""What a record must hold for its status; action items and to-dos always.

(做什么、谁来做、何时做: every action item has what, who and when.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from collabkit.findings import Finding
from collabkit.lint.locate import Loc, Locator
from collabkit.models.paths import compile_path, get_path
from collabkit.workspace import Loaded, Workspace


def check_completeness(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """What a record must hold for its status; action items and to-dos always."""
    for rec in records:
        record = rec.record
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
                f"{record.status}: still to fill in: {', '.join(missing)}",
                "info",
            )
        elif missing:
            for path in missing:
                parent: Loc = tuple(path.split(".")[:-1])
                yield where.finding(
                    rec,
                    parent or ("status",),
                    "incomplete",
                    f"a {record.kind} that is {record.status} needs {path}",
                    value=False,
                )
        if getattr(record, "status", None) == "declined" and not getattr(
            record, "decline_reason", None
        ):
            yield where.finding(
                rec,
                ("status",),
                "incomplete",
                "a declined requirement needs decline_reason (and an alternative)",
            )
        yield from _items_complete(rec, where)


def _items_complete(rec: Loaded, where: Locator) -> Iterator[Finding]:
    record = rec.record
    needs = {"actions": ("task", "owner", "due", "deliverable"), "todos": ("task", "owner", "due")}
    for list_name, fields in needs.items():
        for i, item in enumerate(getattr(record, list_name, None) or []):
            lacking = [
                f
                for f in fields
                if getattr(item, f) in (None, "") and not rec.invalid_at((list_name, i, f))
            ]
            if lacking:
                what = "action item" if list_name == "actions" else "to-do"
                yield where.finding(
                    rec,
                    (list_name, i),
                    "action-incomplete",
                    f"{what} {item.id} needs {', '.join(lacking)} (做什么、谁来做、何时做)",
                    value=False,
                )


def _empty(record: Any, dotted: str) -> bool:
    value = get_path(record, compile_path(dotted)[1])
    return value is None or value in ("", [], {})
