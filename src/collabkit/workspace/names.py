"""People and departments named in a record, checked against the registry of collab.yaml."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from collabkit.i18n import Texts, suggest
from collabkit.models._base import fields_holding
from collabkit.workspace.config import Config

Loc = tuple[str | int, ...]


def unknown_names(config: Config, record: BaseModel) -> Iterator[tuple[Loc, str, str]]:
    """(path, code, message) for each person or department that collab.yaml does not list,
    said in the workspace language."""
    people = config.people_by_key
    departments = config.departments
    if not people and departments is None:
        return
    t = Texts(config.language)
    names = [p.name for p in config.people]
    for loc, role, value in named_values(record):
        if role == "person" and people and value not in people:
            hint = suggest(value, names, config.language)
            yield loc, "unknown-person", t("names.unknown_person", value=value, hint=hint)
        elif role == "department" and departments is not None and value not in departments:
            hint = suggest(value, departments, config.language)
            yield loc, "unknown-department", t("names.unknown_department", value=value, hint=hint)


def named_values(obj: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, str]]:
    """(path, 'person' | 'department', value) for every name in a record."""
    for name, role in _walked(type(obj)):
        yield from _named(getattr(obj, name), (*loc, name), role)


def _named(value: Any, loc: Loc, role: str | None) -> Iterator[tuple[Loc, str, str]]:
    if isinstance(value, BaseModel):
        yield from named_values(value, loc)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _named(item, (*loc, i), role)
    elif isinstance(value, str) and role is not None:
        yield loc, role, value


@cache
def _walked(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    """The fields of `model` that may name someone: (field, its role, None for a model)."""
    holding = set(fields_holding(model, BaseModel))
    return tuple(
        (name, role)
        for name, field in model.model_fields.items()
        if (role := _role_in(field.annotation)) is not None or name in holding
    )


def _role_in(annotation: Any) -> str | None:
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in typing.get_args(annotation)[1:]:
            if meta in ("person", "department"):
                return str(meta)
    for arg in typing.get_args(annotation):
        found = _role_in(arg)
        if found is not None:
            return found
    return None
