"""What a field of a kind holds, read from the models: its type, label and choices.

`set` and `add` use it to write a value the way the field reads it (text stays text: `0123`,
`1_000`); interactive `new` to ask for it with its expected format; `collab fields` to list a
kind's fields with the rules each starts or meets.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from collabkit.models import MODELS
from collabkit.models._types import (
    Deadline,
    Department,
    ItemId,
    Level,
    Moment,
    Name,
    RecordId,
    Ref,
    Text,
    TextOrList,
)

Category = Literal[
    "text",
    "text-or-list",
    "moment",
    "deadline",
    "person",
    "department",
    "level",
    "choice",
    "number",
    "flag",
    "id",
    "list",
    "mapping",
    "any",
]
_NAMED: dict[int, Category] = {
    id(Moment): "moment",
    id(Deadline): "deadline",
    id(Level): "level",
    id(Name): "person",
    id(Department): "department",
    id(Text): "text",
    id(TextOrList): "text-or-list",
    id(RecordId): "id",
    id(Ref): "id",
    id(ItemId): "id",
}


@dataclass(frozen=True, slots=True)
class FieldType:
    """A field's type, as a person fills it in."""

    category: Category
    choices: tuple[str, ...] = ()
    item: FieldType | None = None  # what a list holds
    model: type[BaseModel] | None = None  # what a mapping (or a list of mappings) holds

    @property
    def is_text(self) -> bool:
        """A value written as text whatever it looks like (`0123` stays `0123`)."""
        return self.category in ("text", "person", "department", "id")


def field_type(annotation: Any) -> FieldType:
    """The FieldType of a pydantic annotation (Optional and Annotated seen through)."""
    named = _NAMED.get(id(annotation))
    if named is not None:
        return FieldType(named, ("high", "medium", "low") if named == "level" else ())
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return field_type(args[0])
    if origin in (typing.Union, types.UnionType):
        if len(args) == 1:
            return field_type(args[0])
        kinds = [field_type(a) for a in args]
        if any(k.category == "list" for k in kinds):
            return next(k for k in kinds if k.category == "list")
        return kinds[0]
    if origin is Literal:
        return FieldType("choice", tuple(str(a) for a in args))
    if origin is list:
        inner = field_type(args[0]) if args else FieldType("any")
        return FieldType("list", item=inner, model=inner.model)
    if origin is dict:
        return FieldType("mapping")
    if isinstance(annotation, type):
        return _plain(annotation)
    return FieldType("any")


def _plain(annotation: type) -> FieldType:
    if issubclass(annotation, BaseModel):
        return FieldType("mapping", model=annotation)
    if issubclass(annotation, bool):
        return FieldType("flag")
    if issubclass(annotation, int | float):
        return FieldType("number")
    if issubclass(annotation, datetime):
        return FieldType("moment")
    if issubclass(annotation, str):
        return FieldType("text")
    return FieldType("any")


def type_of(model: type[BaseModel], name: str) -> FieldType:
    """The FieldType of one field of a model. pydantic keeps a field's own `Annotated`
    markers apart (`at: Moment` arrives as datetime plus metadata): they are read too."""
    spec = model.model_fields[name]
    found = field_type(spec.annotation)
    for marker in spec.metadata:
        if marker in ("person", "department"):
            return FieldType(marker)
        if getattr(marker, "func", None) is _DEADLINE_PARSER:
            return FieldType("deadline")
    return found


_DEADLINE_PARSER = typing.get_args(Deadline)[1].func


def type_at(kind: str, segments: tuple[str | int, ...]) -> FieldType | None:
    """The type of the field a path of `kind` ends at (None when it names no field)."""
    model: type[BaseModel] | None = MODELS.get(kind)
    current: FieldType | None = None
    for segment in segments:
        if isinstance(segment, int):
            if current is None or current.category != "list":
                return None
            current = current.item
            model = current.model if current else None
            continue
        if model is None or segment not in model.model_fields:
            return None
        current = type_of(model, segment)
        model = current.model
    return current


def model_at(kind: str, segments: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model of the mapping a path of `kind` names (the record's for an empty path)."""
    if not segments:
        return MODELS.get(kind)
    found = type_at(kind, segments)
    if found is None:
        return None
    return found.model if found.category == "mapping" else None


def field_order(model: type[BaseModel] | None) -> tuple[str, ...]:
    """The fields of a model in the order a record has them: for a record `kind`, `id` and
    `title` first and `links` last (SPEC §3), the kind's own fields as it declares them."""
    if model is None:
        return ()
    names = tuple(model.model_fields)
    if "kind" not in names or "id" not in names:
        return names
    first, last = ("kind", "id", "title"), ("links",)
    return (*first, *(n for n in names if n not in first + last), *last)


_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


@cache
def labels(model: type[BaseModel], name: str) -> tuple[str, str]:
    """(zh, en) label of a field: the Chinese words that open its description, and the
    field's own name in words (`sent_at` → "sent at")."""
    description = model.model_fields[name].description or ""
    first = re.split(r"[\s;(]", description.strip(), maxsplit=1)[0]
    english = name.replace("_", " ")
    return (first if _CJK.search(first) else english), english
