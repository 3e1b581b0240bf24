"""Lifecycle verbs: `collab send RW-…`, `confirm`, `feedback KH-…/V1.2` … (SPEC §4, §5).

A verb sets a status and stamps the events that meet its timing rule together, as the kind's
registry declares (`VERBS`, `ITEM_VERBS` on the models). It refuses a move the status machine
does not allow, naming the statuses (and verbs) that may follow; an event already set is kept,
and a verb that would change nothing writes nothing and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from collabkit.edit.document import Document, open_record
from collabkit.edit.report import Change, Edited, save, shown
from collabkit.edit.tree import find_item, order_of, put, resolve_path
from collabkit.edit.values import node, value_for
from collabkit.errors import EditRefused, UsageError
from collabkit.i18n import msg
from collabkit.io.scalars import moment_text
from collabkit.models import MODELS, RecordBase
from collabkit.models.ids import split_ref
from collabkit.models.lifecycle import Machine, Verb
from collabkit.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Target:
    """What a verb acts on: the record, or one of its items (`base` = its list and index)."""

    ref: str
    model: type[RecordBase]
    verb: Verb
    base: tuple[str | int, ...]
    node: Any
    machine: Machine
    default_status: str | None


def apply_verb(
    ws: Workspace,
    name: str,
    ref: str,
    at: datetime,
    text: str | None = None,
    options: Mapping[str, str | None] | None = None,
    *,
    now: datetime | None = None,
) -> Edited:
    """Apply the verb `name` to the record or item `ref` at the moment `at` (the deadlines
    it touches are said as of `now`, by default `at`)."""
    record_id, item = split_ref(ref)
    doc = open_record(ws, record_id)
    target = _target(doc, name, record_id, item)
    given = {k: v for k, v in (options or {}).items() if v is not None}
    _check_arguments(target, name, text, given)
    changes = _move_status(target, name)
    stamp = moment_text(at, ws.config.tz)
    for path in target.verb.events:
        changes += _write(doc, target, path, node(stamp), keep=True)
    for path, value in target.verb.fixed.items():
        changes += _write(doc, target, path, value, keep=False)
    if text is not None and target.verb.text:
        changes += _typed(doc, target, target.verb.text, text)
    for option, value in given.items():
        changes += _typed(doc, target, target.verb.options[option], value)
    if not changes:
        return Edited(target.ref, doc.path, (), unchanged=_why_unchanged(target))
    return save(ws, doc, target.ref, changes, now or at)


def _why_unchanged(target: Target) -> Any:
    status = target.node.get("status") or target.default_status
    if target.verb.status is not None and status == target.verb.status:
        return msg("verb.already", ref=target.ref, status=status)
    return msg("verb.already_set", ref=target.ref, fields=", ".join(target.verb.fields))


def _target(doc: Document, name: str, record_id: str, item: str | None) -> Target:
    kind = str(doc.tree.get("kind"))
    model = MODELS[kind]
    table = model.ITEM_VERBS if item is not None else model.VERBS
    verb = table.get(name)
    if verb is None:
        raise _unknown_verb(model, name, record_id, item)
    if item is None:
        default = model.model_fields["status"].default
        return Target(record_id, model, verb, (), doc.tree, model.TRANSITIONS, default)
    list_name, index, node_ = find_item(doc.tree, item, verb.items)
    spec = model.ADDABLE.get(list_name)
    machine = spec.transitions if spec is not None else {}
    default = "open" if machine else None
    return Target(f"{record_id}/{item}", model, verb, (list_name, index), node_, machine, default)


def _unknown_verb(model: type[RecordBase], name: str, record_id: str, item: str | None) -> Any:
    if item is None and name in model.ITEM_VERBS:
        lists = model.ITEM_VERBS[name].items
        example = _example(model, lists[0])
        return UsageError(msg("verb.needs_item", verb=name, ref=f"{record_id}/{example}"))
    if item is not None and name in model.VERBS:
        return UsageError(msg("verb.on_record", verb=name, id=record_id))
    verbs = sorted({*model.VERBS, *model.ITEM_VERBS})
    return UsageError(msg("verb.not_for_kind", verb=name, id=record_id, verbs=", ".join(verbs)))


def _example(model: type[RecordBase], list_name: str) -> str:
    naming = model.ITEM_LISTS.get(list_name)
    if naming is None:
        return "1"
    return "V1.0" if naming.key == "version" else f"{naming.letter}1"


def _check_arguments(target: Target, name: str, text: str | None, given: Mapping[str, str]) -> None:
    verb = target.verb
    if verb.text_required and not text:
        raise UsageError(msg("verb.needs_text", verb=name, field=verb.text))
    if text is not None and verb.text is None:
        raise UsageError(msg("verb.no_text", verb=name))
    for option in given:
        if option not in verb.options:
            raise UsageError(msg("verb.no_option", verb=name, option=option))
    for option in verb.required:
        if option not in given:
            raise UsageError(msg("verb.needs_option", verb=name, option=option))


def _move_status(target: Target, name: str) -> list[Change]:
    """The status change the verb makes, or a refusal naming what may follow."""
    wanted = target.verb.status
    current = target.node.get("status") or target.default_status
    if wanted is None or wanted == current:
        return []
    allowed = target.machine.get(str(current), ())
    if wanted not in allowed:
        if target.verb.soft:
            return []
        raise EditRefused(
            msg(
                "verb.not_allowed",
                ref=target.ref,
                current=current,
                wanted=wanted,
                allowed=_next_steps(target, allowed),
            )
        )
    put(target.node, "status", wanted, _order(target))
    return [Change("status", shown(current), wanted)]


def _next_steps(target: Target, allowed: tuple[str, ...]) -> str:
    """'sent (collab send), withdrawn (collab withdraw)': what may follow, and how."""
    table = target.model.ITEM_VERBS if target.base else target.model.VERBS
    steps = []
    for status in allowed:
        verbs = [n for n, v in table.items() if v.status == status and not v.soft]
        steps.append(f"{status} (collab {verbs[0]})" if verbs else status)
    return ", ".join(steps) or "-"


def _order(target: Target) -> tuple[str, ...]:
    from collabkit.edit.fields import field_order, model_at

    return field_order(model_at(target.model.KIND, target.base))


def _write(doc: Document, target: Target, path: str, value: Any, *, keep: bool) -> list[Change]:
    """Write `value` at `path` (on the target); an event already set is kept."""
    dotted = ".".join([*(str(s) for s in target.base), path])
    container, key, segments = resolve_path(doc.tree, dotted)
    old = container.get(key)
    if (keep and old not in (None, "")) or old == value:
        return []
    put(container, key, value, order_of(doc.tree, segments[:-1]))
    return [Change(path, shown(old), shown(value))]


def _typed(doc: Document, target: Target, path: str, text: str) -> list[Change]:
    dotted = ".".join([*(str(s) for s in target.base), path])
    _, _, segments = resolve_path(doc.tree, dotted)
    return _write(doc, target, path, value_for(target.model.KIND, segments, text), keep=False)
