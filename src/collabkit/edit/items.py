"""`collab add ID LIST [VALUE] [--field value …]` and `collab log`: append an item.

The registry says which lists take items (`ADDABLE` on the models), which field the VALUE
fills, what an item must be given and which moments default to `--at`; the item gets the
next name of its list (`A3`, `P2`, `T4`, `V1.3`, `C2`), is written in block style where the
list is, and the whole record is validated before anything is written.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from collabkit.edit.document import open_record
from collabkit.edit.fields import FieldType, model_at, type_at, type_of
from collabkit.edit.report import Change, Edited, save, shown
from collabkit.edit.tree import append_item, find_item, order_of
from collabkit.edit.values import node, typed
from collabkit.errors import EditRefused
from collabkit.i18n import msg
from collabkit.io.scalars import moment_text
from collabkit.models import MODELS, ItemNaming
from collabkit.models.ids import split_ref
from collabkit.models.lifecycle import ItemSpec
from collabkit.workspace import Workspace

_VERSION = re.compile(r"^V(\d+)\.(\d+)$")


def add_item(
    ws: Workspace,
    ref: str,
    list_name: str,
    value: str | None,
    fields: Mapping[str, str],
    at: datetime,
) -> Edited:
    """Append an item to `list_name` of the record (or of the item) `ref` names."""
    record_id, item_name = split_ref(ref)
    doc = open_record(ws, record_id)
    kind = str(doc.tree.get("kind"))
    holder: Any = doc.tree
    base: tuple[str | int, ...] = ()
    if item_name is not None:
        lists = tuple(MODELS[kind].ITEM_LISTS) if kind in MODELS else ()
        list_of_item, position, holder = find_item(doc.tree, item_name, lists)
        base = (list_of_item, position)
    model = model_at(kind, base)
    specs = model.ADDABLE if model is not None and hasattr(model, "ADDABLE") else {}
    spec = specs.get(list_name)
    if spec is None or model is None:
        close = difflib.get_close_matches(list_name, list(specs), n=1, cutoff=0.6)
        if close:
            raise EditRefused(msg("add.no_list_close", list=list_name, close=close[0]))
        raise EditRefused(msg("add.no_list", list=list_name, lists=", ".join(specs) or "-"))
    naming = MODELS[kind].ITEM_LISTS.get(list_name) if not base and kind in MODELS else None
    existing = holder.get(list_name) or []
    where = (*base, list_name, 0)
    name: str | None
    if spec.scalar:
        new, name, changes = scalar_item(type_at(kind, where), value, fields)
    else:
        item_model = model_at(kind, where)
        assert item_model is not None, f"{kind}: {list_name} items are not mappings"
        new, name, changes = build_item(
            list_name, spec, item_model, naming, existing, value, fields, at, ws
        )
    index = append_item(holder, list_name, new, order_of(doc.tree, base))
    holder_ref = ref if item_name is not None else record_id
    added = f"{holder_ref}/{name}" if name else f"{holder_ref} {list_name}.{index}"
    return save(ws, doc, holder_ref, changes, at, added=added)


def scalar_item(
    spec: FieldType | None, value: str | None, given: Mapping[str, str]
) -> tuple[Any, None, list[Change]]:
    """An item of a list of plain values (decisions, cc): the VALUE itself."""
    if value is None or given:
        raise EditRefused(msg("add.scalar_value"))
    return typed(spec, value), None, [Change("", None, shown(value))]


def build_item(
    list_name: str,
    spec: ItemSpec,
    model: type[BaseModel],
    naming: ItemNaming | None,
    existing: list[Any],
    value: str | None,
    given: Mapping[str, str],
    at: datetime,
    ws: Workspace,
) -> tuple[Any, str | None, list[Change]]:
    """(the new item, its name, the fields written as changes)."""
    values = {key.replace("-", "_"): text for key, text in given.items()}
    if value is not None:
        if spec.main is None or spec.main in values:
            raise EditRefused(msg("add.value_twice", field=spec.main or "-"))
        values[spec.main] = value
    _check_names(values, model)
    name = None
    if naming is not None and naming.key is not None:
        name = values.pop(naming.key, None) or next_name(existing, naming)
        if name in [naming.name_of(item, i) for i, item in enumerate(existing)]:
            raise EditRefused(msg("add.exists", list=list_name, name=name))
        values = {naming.key: name, **values}
    elif naming is not None:
        name = f"{naming.letter}{len(existing) + 1}"
    missing = [f for f in spec.required if not values.get(f)]
    if missing:
        raise EditRefused(msg("add.missing", fields=", ".join(f"--{f}" for f in missing)))
    if spec.bare is not None and set(values) == {spec.bare}:
        return values[spec.bare], name, [Change(spec.bare, None, values[spec.bare])]
    item = _mapping(spec, model, values, at, ws)
    return item, name, _changes(item, naming)


def _mapping(
    spec: ItemSpec, model: type[BaseModel], values: dict[str, str], at: datetime, ws: Workspace
) -> Any:
    from ruamel.yaml.comments import CommentedMap

    item = CommentedMap()
    for field in model.model_fields:
        if field in values:
            item[field] = typed(type_of(model, field), values[field]) if values[field] else None
        elif field in spec.stamped:
            item[field] = node(moment_text(at, ws.config.tz))
        elif field in spec.defaults:
            item[field] = spec.defaults[field]
        else:
            continue
        if item[field] is None:
            del item[field]
    return item


def _changes(item: Mapping[str, Any], naming: ItemNaming | None) -> list[Change]:
    skip = naming.key if naming is not None else None
    return [Change(k, None, shown(v)) for k, v in item.items() if k != skip]


def _check_names(values: Mapping[str, str], model: type[BaseModel]) -> None:
    known = list(model.model_fields)
    for key in values:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if close:
                raise EditRefused(msg("add.no_field_close", field=key, close=close[0]))
            raise EditRefused(msg("add.no_field", field=key, fields=", ".join(known)))


def next_name(items: list[Any], naming: ItemNaming) -> str:
    """The next free name in a list: A3 after A1, A2; V1.3 after V1.2; V1.0 first."""
    names = [naming.name_of(item, i) for i, item in enumerate(items)]
    if naming.key == "version":
        versions = [(int(m[1]), int(m[2])) for n in names if (m := _VERSION.match(n))]
        if not versions:
            return "V1.0"
        major, minor = max(versions)
        return f"V{major}.{minor + 1}"
    pattern = re.compile(rf"^{re.escape(naming.letter)}(\d+)$")
    numbers = [int(m[1]) for n in names if (m := pattern.match(n))]
    return f"{naming.letter}{max(numbers, default=0) + 1}"


def log_communication(
    ws: Workspace, record_id: str, summary: str, fields: Mapping[str, str], at: datetime
) -> Edited:
    """`collab log ID SUMMARY --type problem`: a customer communication."""
    return add_item(ws, record_id, "communications", summary, fields, at)
