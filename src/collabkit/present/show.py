"""What `show` prints, as plain data: a record's fields with their labels, the records that
link to it, and its deadlines with their state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from collabkit.i18n import Texts, catalogue
from collabkit.i18n.formats import iso
from collabkit.present.obligations import due_text
from collabkit.query import obligations_at
from collabkit.workspace import Workspace
from collabkit.workspace.cached import summaries

HEADER_FIELDS = ("kind", "id", "title", "status")
LEVEL_FIELDS = ("priority", "urgency")


def record_view(ws: Workspace, record_id: str, now: datetime) -> dict[str, Any]:
    """A record for `show`: its fields, the records that link to it, its deadlines."""
    loaded = ws.get(record_id)
    record = loaded.record
    t = Texts(ws.config.language)
    snapshot = obligations_at(ws, now, records=[loaded])
    linked_from = sorted(
        other.id
        for other in summaries(ws, now)[0]
        if other.id != record.id and any(link.split("/")[0] == record.id for link in other.links)
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
        "kind_text": t.kind(record.kind),
        "title": record.display_title,
        "status": record.status,
        "status_text": t.status(record.kind, str(record.status)),
        "file": loaded.file.rel,
        "fields": record.model_dump(mode="json", exclude_defaults=True),
        "body": describe_fields(record, t, record.kind),
        "linked_from": linked_from,
        "deadlines": deadlines,
    }


def field_label(model: type[BaseModel], name: str, t: Texts) -> str:
    """A field's label: the handbook's word in Chinese (the first word of the field's
    description), the catalogue's or the field name's in English."""
    if t.language == "en":
        key = f"label.{name}"
        return t(key) if key in catalogue() else name.replace("_", " ").capitalize()
    description = model.model_fields[name].description or name
    return description.split(" ")[0].rstrip(";；") or name


def describe_fields(model: BaseModel, t: Texts, kind: str, indent: str = "") -> str:
    """The filled-in fields of a record as 'label (key): value' lines, nested parts indented;
    empty fields are left out."""
    lines: list[str] = []
    fields = type(model).model_fields
    for name in [n for n in fields if n in model.model_fields_set]:
        if name in HEADER_FIELDS and not indent:
            continue
        value = getattr(model, name)
        if value is None or value in ("", [], {}):
            continue
        label = field_label(type(model), name, t)
        said = label.lower() in (name, name.replace("_", " "))
        shown = label if said else f"{label} ({name})"
        lines.extend(_field_lines(shown, name, value, t, kind if not indent else "action", indent))
    return "\n".join(line for line in lines if line)


def _field_lines(label: str, name: str, value: Any, t: Texts, kind: str, indent: str) -> list[str]:
    if isinstance(value, BaseModel):
        return [f"{indent}{label}:", describe_fields(value, t, kind, indent + "  ")]
    if isinstance(value, list):
        out = [f"{indent}{label}:"]
        for item in value:
            if isinstance(item, BaseModel):
                inner = describe_fields(item, t, kind, indent + "    ").split("\n")
                out.append(f"{indent}  - {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{indent}  - {_scalar(item, t)}")
        return out
    if isinstance(value, dict):
        return [f"{indent}{label}:"] + [f"{indent}  {k}: {_scalar(v, t)}" for k, v in value.items()]
    if name == "status":
        return [f"{indent}{label}: {t.status(kind, str(value))}"]
    if name in LEVEL_FIELDS:
        return [f"{indent}{label}: {t(f'level.{value}')}"]
    return [f"{indent}{label}: {_scalar(value, t)}"]


def _scalar(value: Any, t: Texts) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return t("word.yes" if value else "word.no")
    if value is None:
        return "-"
    text = str(value)
    return text.replace("\n", " / ").strip(" /") if "\n" in text else text
