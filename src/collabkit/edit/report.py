"""What an edit did, for the person who made it: the fields it changed, the deadlines it
started, met or moved, and the lint problems it introduced (lint's own findings).

Every edit ends in `save`: lint the record (in its context, `edit.scope`), write it, lint it
again, and compare the record's obligations before and after (through the query layer, as
`overdue` sees them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from collabkit.edit.document import Document, validated
from collabkit.errors import CollabError
from collabkit.findings import Finding
from collabkit.i18n import Msg, msg
from collabkit.models import Record
from collabkit.timing.obligations import Obligation
from collabkit.workspace import Loaded, RecordFile, Workspace

SHOWN_CHARS = 60
Effect = Literal["started", "met", "moved", "dropped"]


@dataclass(frozen=True, slots=True)
class Change:
    """One field an edit changed, named as people address it (`status`, `A2.done_at`), with
    its value before and after as text (None: empty)."""

    where: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class DeadlineChange:
    """A deadline the edit started, met, moved or removed."""

    effect: Effect
    rule: str
    item: str | None
    what: str
    due: datetime
    old_due: datetime | None = None
    late: bool = False


@dataclass(frozen=True, slots=True)
class Edited:
    """The outcome of one edit."""

    record: str
    path: Path
    changes: tuple[Change, ...]
    added: str | None = None  # the item `add` appended (HY-2024-002/A3, "HY-2024-002 topics.1")
    introduced: tuple[Finding, ...] = ()
    deadlines: tuple[DeadlineChange, ...] = ()
    hint: Msg | None = None
    unchanged: Msg | None = None  # why nothing changed, when nothing did

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.added is not None


def shown(value: Any) -> str | None:
    """A value as one short line of text; None when empty."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        return text + value.strftime("%z") if value.tzinfo else text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        text = ", ".join(shown(v) or "" for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {shown(v) or ''}" for k, v in value.items())
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def save(
    ws: Workspace,
    doc: Document,
    record_id: str,
    changes: list[Change],
    now: datetime | None,
    *,
    added: str | None = None,
    hint: Msg | None = None,
) -> Edited:
    """Validate and write `doc`, and say what it changed (see the module docstring)."""
    from collabkit.edit.scope import RecordScope
    from collabkit.lint import lint

    before = _record(doc.original, doc, ws)
    scope = RecordScope(ws, doc)
    known = {(f.code, f.message) for f in lint(scope, [doc.path])}
    record = doc.save(ws.config)
    after = lint(scope, [doc.path])
    introduced = tuple(
        f for f in after if f.severity != "info" and (f.code, f.message) not in known
    )
    deadlines = deadline_changes(ws, doc, before, record, now) if now is not None else []
    return Edited(record_id, doc.path, tuple(changes), added, introduced, tuple(deadlines), hint)


def _record(text: str, doc: Document, ws: Workspace) -> Record | None:
    try:
        return validated(text, doc.path, doc.rel, ws.config, tolerated=None)[0]
    except CollabError:
        return None


def deadline_changes(
    ws: Workspace, doc: Document, before: Record | None, after: Record, now: datetime
) -> list[DeadlineChange]:
    """The deadlines of the record that the edit started, met, moved or dropped."""
    old = _obligations(ws, doc, before, now)
    new = _obligations(ws, doc, after, now)
    out: list[DeadlineChange] = []
    for key, ob in new.items():
        was = old.get(key)
        if ob.met and (was is None or not was.met) and (was is not None or ob.recurring):
            late = ob.met_at is not None and ob.met_at > ob.due
            out.append(_change("met", ob, late=late))
        elif ob.recurring:  # a period is said only when the edit meets it
            continue
        elif was is None and not ob.met:
            out.append(_change("started", ob))
        elif was is not None and ob.due != was.due and not ob.met:
            out.append(_change("moved", ob, old_due=was.due))
    gone = [ob for key, ob in old.items() if key not in new and not ob.met and not ob.recurring]
    out += [_change("dropped", ob) for ob in gone]
    return sorted(out, key=lambda d: (d.due, d.rule, d.item or ""))


def _change(
    effect: Effect, ob: Obligation, *, old_due: datetime | None = None, late: bool = False
) -> DeadlineChange:
    return DeadlineChange(effect, ob.rule, ob.item, ob.what, ob.due, old_due, late)


def _obligations(
    ws: Workspace, doc: Document, record: Record | None, now: datetime
) -> dict[tuple[str, str | None], Obligation]:
    from collabkit.query import obligations_at

    if record is None:
        return {}
    loaded = Loaded(RecordFile(doc.path, doc.rel, "", None), record)
    snapshot = obligations_at(ws, now, records=[loaded])
    return {(ob.rule, ob.item): ob for ob in snapshot.obligations}


def describe(edited: Edited, language: str, tz: Any) -> list[str]:
    """What the edit did, in words: one line for the fields, one per deadline."""
    from collabkit.i18n import Texts
    from collabkit.i18n.formats import local_time

    t = Texts(language)
    fields = ", ".join(_change_text(t, c) for c in edited.changes)
    if not edited.changed:
        return [(edited.unchanged or msg("edit.unchanged", ref=edited.record)).text(language)]
    if edited.added is not None:
        ref = edited.added
        lines = [t("done.added", ref=ref, fields=fields) if fields else t("done.added0", ref=ref)]
    else:
        lines = [f"{edited.record}: {fields}"]
    for d in edited.deadlines:
        rule = f"{d.rule} {d.item}" if d.item else d.rule
        due = local_time(d.due, tz)
        if d.effect == "moved" and d.old_due is not None:
            lines.append(
                t("deadline.moved", rule=rule, what=d.what, old=local_time(d.old_due, tz), due=due)
            )
        elif d.effect == "met":
            lines.append(
                t(
                    "deadline.met_late" if d.late else "deadline.met",
                    rule=rule,
                    what=d.what,
                    due=due,
                )
            )
        else:
            lines.append(t(f"deadline.{d.effect}", rule=rule, what=d.what, due=due))
    return lines


def _change_text(t: Any, change: Change) -> str:
    empty = t("value.empty")
    if change.old is None and change.new is not None:
        return f"{change.where} {change.new}".strip()
    return f"{change.where} {change.old or empty} → {change.new or empty}"


def problems(edited: Edited, language: str) -> list[str]:
    """The lint findings the edit introduced, as lint prints them, and the hint."""
    from collabkit.i18n import Texts

    if not edited.introduced and edited.hint is None:
        return []
    t = Texts(language)
    lines = [t("edit.introduced", n=len(edited.introduced))] if edited.introduced else []
    lines += [
        f"  {f.file}:{f.line}:{f.column}: {f.severity} {f.code} {f.message}"
        for f in edited.introduced
    ]
    if edited.hint is not None:
        lines.append(edited.hint.text(language))
    return lines
