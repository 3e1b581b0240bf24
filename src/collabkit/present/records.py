"""What `list` and `show` print, as plain data."""

from __future__ import annotations

import difflib
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from collabkit.errors import UsageError
from collabkit.i18n import Texts
from collabkit.i18n.formats import iso
from collabkit.models import KINDS, RecordBase, statuses
from collabkit.models.paths import compile_path, get_path
from collabkit.present.obligations import due_text
from collabkit.query import Filter, obligations_at
from collabkit.workspace import Config, Workspace


def owner_of(record: RecordBase) -> str | None:
    """Who owns a record: the first of its kind's owner fields that is set."""
    for path in record.OWNER_FIELDS:
        value = get_path(record, compile_path(path)[1])
        if value:
            return str(value)
    return None


def department_of(record: RecordBase, config: Config) -> str | None:
    """The record's department: its own field, else its owner's department."""
    for path in record.DEPARTMENT_FIELDS:
        value = get_path(record, compile_path(path)[1])
        if value:
            return str(value)
    return config.department_of(owner_of(record))


def check_kind_and_status(kind: str | None, status: str | None) -> None:
    """Refuse an unknown kind or status, naming the closest known one."""
    if kind is not None and kind not in KINDS:
        raise UsageError(
            f"unknown kind '{kind}'{_closest(kind, KINDS)} (one of: {', '.join(KINDS)})"
        )
    if status is not None:
        known = (
            statuses(kind) if kind else tuple(dict.fromkeys(s for k in KINDS for s in statuses(k)))
        )
        if status not in known:
            raise UsageError(
                f"--status: unknown status '{status}'{_closest(status, known)} "
                f"(one of: {', '.join(known)})"
            )


def _closest(value: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""


def list_rows(
    ws: Workspace,
    *,
    kind: str | None = None,
    status: str | None = None,
    who: Filter | None = None,
) -> list[dict[str, Any]]:
    """One dict per record, sorted by id, filtered as asked."""
    check_kind_and_status(kind, status)
    rows = []
    for rec in sorted(ws.load().records, key=lambda r: r.id):
        record = rec.record
        if (kind and record.kind != kind) or (status and record.status != status):
            continue
        owner = owner_of(record)
        department = department_of(record, ws.config)
        if who is not None and not who.keeps(owner, department):
            continue
        rows.append(
            {
                "id": rec.id,
                "kind": record.kind,
                "title": record.display_title,
                "status": record.status,
                "owner": owner,
                "department": department,
                "file": rec.file.rel,
            }
        )
    return rows


def record_view(ws: Workspace, record_id: str, now: datetime) -> dict[str, Any]:
    """A record for `show`: its fields, the records that link to it, its deadlines."""
    loaded = ws.get(record_id)
    record = loaded.record
    t = Texts(ws.config.language)
    snapshot = obligations_at(ws, now, records=[loaded])
    linked_from = sorted(
        rec.id
        for rec in ws.load().records
        if rec.id != record.id and any(link.split("/")[0] == record.id for link in rec.record.links)
    )
    deadlines = []
    for ob in sorted(snapshot.obligations, key=lambda o: o.due):
        state = ob.state(now)
        deadlines.append(
            {
                "rule": ob.rule,
                "item": ob.item,
                "what": ob.what,
                "owner": ob.owner,
                "due": iso(ob.due),
                "state": state,
                "met_at": iso(ob.met_at) if ob.met_at else None,
                "estimated": bool(ob.estimated_years),
                "line": snapshot.line_of(ob),
                "ref_rule": f"{ob.rule} {ob.item}" if ob.item else ob.rule,
                "due_text": due_text(ob, snapshot.timing),
                "state_text": t(f"state.{state}"),
            }
        )
    return {
        "id": record.id,
        "kind": record.kind,
        "title": record.display_title,
        "status": record.status,
        "file": loaded.file.rel,
        "fields": record.model_dump(mode="json", exclude_defaults=True),
        "body": describe_fields(record),
        "linked_from": linked_from,
        "deadlines": deadlines,
    }


def describe_fields(model: BaseModel, indent: str = "") -> str:
    """The set fields of a record as 'label (key): value' lines, nested parts indented."""
    lines: list[str] = []
    fields = type(model).model_fields
    for name in [n for n in fields if n in model.model_fields_set]:
        if name in ("kind", "id", "title", "status") and not indent:
            continue
        value = getattr(model, name)
        label = (fields[name].description or name).split(" ")[0]
        lines.extend(_field_lines(f"{label} ({name})" if label != name else name, value, indent))
    return "\n".join(lines)


def _field_lines(label: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, BaseModel):
        return [f"{indent}{label}:", describe_fields(value, indent + "  ")]
    if isinstance(value, list):
        out = [f"{indent}{label}:"]
        for item in value:
            if isinstance(item, BaseModel):
                inner = describe_fields(item, indent + "    ").split("\n")
                out.append(f"{indent}  - {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{indent}  - {_scalar(item)}")
        return out
    if isinstance(value, dict):
        return [f"{indent}{label}:"] + [f"{indent}  {k}: {_scalar(v)}" for k, v in value.items()]
    return [f"{indent}{label}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    text = str(value)
    return text.replace("\n", " / ").strip(" /") if "\n" in text else text
