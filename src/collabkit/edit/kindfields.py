"""`collab fields KIND`: every field a record of a kind can hold, with its label, its type in
words, and the timing rules it starts, is the deadline of, or meets (and the verb that sets it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from collabkit.edit.fields import FieldType, field_order, labels, type_of
from collabkit.errors import UsageError
from collabkit.i18n import Texts, msg
from collabkit.models import KINDS, MODELS
from collabkit.timing.rules import Rule

SKIPPED = ("kind", "id")


ROLES = ("starts", "deadline_of", "meets", "set_by")


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One field of a kind, as `collab fields` lists it: the rules it starts, is the
    deadline of, or meets, and the commands that set it."""

    path: str  # requester.lead, pending[].answered_at
    label: str
    type: str
    starts: tuple[str, ...] = ()
    deadline_of: tuple[str, ...] = ()
    meets: tuple[str, ...] = ()
    set_by: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        head: dict[str, object] = {"field": self.path, "label": self.label, "type": self.type}
        return head | {role: list(getattr(self, role)) for role in ROLES}

    def roles_text(self, t: Texts) -> str:
        """`开始 requirement.confirm; collab send` in the table."""
        words = [t(f"role.{role}", rule=r) for role in ROLES[:3] for r in getattr(self, role)]
        return "; ".join([*words, *self.set_by])


def kind_fields(kind: str, rules: list[Rule], language: str) -> list[FieldRow]:
    """The fields of `kind` in the order a skeleton has them, nested ones expanded."""
    if kind not in MODELS:
        raise UsageError(msg("new.unknown_kind", kind=kind, kinds=", ".join(KINDS)))
    t = Texts(language)
    roles = _roles(kind, [r for r in rules if r.kind == kind])
    return [
        FieldRow(
            path,
            label,
            _type_text(spec, t),
            **{role: tuple(roles.get((path, role), ())) for role in ROLES},
        )
        for path, label, spec in _walk(MODELS[kind], "", language)
    ]


def _walk(
    model: type[BaseModel], prefix: str, language: str
) -> Iterator[tuple[str, str, FieldType]]:
    for name in field_order(model):
        if not prefix and name in SKIPPED:
            continue
        spec = type_of(model, name)
        zh, en = labels(model, name)
        path = prefix + name
        yield path, Texts(language).pick(zh, en), spec
        inner = spec.model
        if inner is not None:
            below = f"{path}[]." if spec.category == "list" else f"{path}."
            yield from _walk(inner, below, language)


def _type_text(spec: FieldType, t: Texts) -> str:
    if spec.category == "list":
        inner = spec.item
        plain = inner is not None and inner.model is None
        what = _type_text(inner, t) if plain and inner is not None else t("fields.type.item")
        return t("fields.type.list", item=what)
    if spec.category == "choice":
        return " / ".join(spec.choices)
    if spec.category == "level":
        return "high / medium / low"
    return t(f"fields.type.{spec.category}")


def _roles(kind: str, rules: list[Rule]) -> dict[tuple[str, str], list[str]]:
    """(field path, role) → the rules it starts / is the deadline of / meets, or the
    commands that set it."""
    out: dict[tuple[str, str], list[str]] = {}

    def add(path: str | None, each: str | None, role: str, what: str) -> None:
        if path is None:
            return
        on_record = path.startswith("record.") or each is None
        bare = path.removeprefix("record.")
        if not on_record:
            bare = f"{each}[].{bare}"
        elif "." in bare and bare.split(".")[0] in _lists(kind):
            head, _, rest = bare.partition(".")
            bare = f"{head}[].{rest}"
        out.setdefault((bare, role), []).append(what)

    for rule in rules:
        add(rule.start, rule.each, "starts", rule.id)
        add(rule.deadline, rule.each, "deadline_of", rule.id)
        for path in rule.met_by:
            add(path, rule.each, "meets", rule.id)
    model = MODELS[kind]
    for name, verb in model.VERBS.items():
        for path in verb.events:
            add(path, None, "set_by", f"collab {name}")
    for name, verb in model.ITEM_VERBS.items():
        for path in verb.events:
            add(path, verb.items[0], "set_by", f"collab {name}")
    for list_name, spec in model.ADDABLE.items():
        command = "collab progress" if list_name == "progress" else f"collab add {list_name}"
        for path in spec.stamped:
            add(path, list_name, "set_by", command)
    return out


def _lists(kind: str) -> set[str]:
    model = MODELS[kind]
    return {name for name in model.model_fields if type_of(model, name).category == "list"}
