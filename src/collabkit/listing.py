"""What `list` and `show` print, as plain data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from collabkit.store import Loaded, Workspace
from collabkit.views import fmt_time, iso, line_of

# Who owns a record of each kind, and which department it belongs to.
OWNER_FIELDS = {
    "requirement": ("receiver.lead", "requester.lead"),
    "meeting": ("host", "recorder"),
    "issue": ("owner", "reporter"),
    "collaboration": ("initiator.contact",),
    "customer-request": ("owner",),
    "notice": ("initiator",),
}
DEPARTMENT_FIELDS = {
    "requirement": ("receiver.department", "requester.department"),
    "issue": ("department",),
    "collaboration": ("initiator.department",),
}


def _get(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _title(record: Any) -> str | None:
    return record.title or getattr(record, "customer", None) or getattr(record, "project", None)


def list_rows(
    ws: Workspace,
    *,
    kind: str | None = None,
    status: str | None = None,
    owner: str | None = None,
    department: str | None = None,
) -> list[dict[str, Any]]:
    """One dict per record, sorted by id, filtered as asked."""
    from collabkit.errors import UsageError
    from collabkit.models import KINDS

    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
    rows = []
    for rec in sorted(ws.load().records, key=lambda r: r.id):
        record = rec.record
        owners = [v for p in OWNER_FIELDS[record.kind] if (v := _get(record, p))]
        depts = [v for p in DEPARTMENT_FIELDS.get(record.kind, ()) if (v := _get(record, p))]
        depts += [d for o in owners if (d := ws.config.department_of(o))]
        if (kind and record.kind != kind) or (status and record.status != status):
            continue
        if owner and owner not in owners and not _same_person(ws, owner, owners):
            continue
        if department and department not in depts:
            continue
        rows.append(
            {
                "id": rec.id,
                "kind": record.kind,
                "title": _title(record),
                "status": record.status,
                "owner": owners[0] if owners else None,
                "department": depts[0] if depts else None,
                "file": rec.file.rel,
            }
        )
    return rows


def _same_person(ws: Workspace, who: str, owners: list[str]) -> bool:
    person = ws.config.people_by_key.get(who)
    return person is not None and any(ws.config.people_by_key.get(o) is person for o in owners)


def record_view(ws: Workspace, record_id: str, now: datetime) -> dict[str, Any]:
    """A record for `show`: its fields, the records that link to it, its deadlines."""
    from collabkit.timing import Timing

    loaded = ws.get(record_id)
    record = loaded.record
    timing = Timing.for_config(ws.config)
    others = ws.load().records
    linked_from = sorted(
        rec.id
        for rec in others
        if rec.id != record.id and any(link.split("/")[0] == record.id for link in rec.record.links)
    )
    deadlines = []
    for ob in sorted(timing.obligations_for(loaded, now), key=lambda o: o.due):
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
                "line": line_of(ob, loaded.file.text),
                "ref_rule": f"{ob.rule} {ob.item}" if ob.item else ob.rule,
                "due_text": fmt_time(ob.due, ws.config.tz) + (" ≈" if ob.estimated_years else ""),
                "state_text": _state_text(state, ws.config.language),
            }
        )
    return {
        "id": record.id,
        "kind": record.kind,
        "title": _title(record),
        "status": record.status,
        "file": loaded.file.rel,
        "fields": record.model_dump(mode="json", exclude_defaults=True),
        "body": describe_fields(record),
        "linked_from": linked_from,
        "deadlines": deadlines,
    }


_STATES = {
    "open": ("未到期", "open"),
    "overdue": ("已逾期", "overdue"),
    "met": ("已完成", "met"),
    "breach": ("超时完成", "met late"),
}


def _state_text(state: str, language: str) -> str:
    zh, en = _STATES[state]
    return zh if language == "zh" else en


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


def owners_of(loaded: Loaded) -> list[str]:
    return [v for p in OWNER_FIELDS[loaded.record.kind] if (v := _get(loaded.record, p))]
