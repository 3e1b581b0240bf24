"""Pydantic errors in words a project manager reads: a lint code and one sentence."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

_CODES = {
    "vague_deadline": "vague-deadline",
    "impossible_date": "invalid-date",
    "extra_forbidden": "unknown-key",
    "missing": "missing-key",
    "union_tag_not_found": "unknown-kind",
    "union_tag_invalid": "unknown-kind",
}
_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date",
    "date_from_datetime_parsing": "a date",
    "date_parsing": "a date",
}


def clean_loc(loc: Iterable[str | int], model: type[BaseModel] | None) -> tuple[str | int, ...]:
    """The path as the user wrote it: union tags and branch names removed."""
    loc = tuple(loc)
    out: list[str | int] = []
    current: Any = _root_for(model, loc)
    for segment in loc:
        if isinstance(segment, int):
            out.append(segment)
            continue
        fields = _fields(current)
        if fields is not None and segment not in fields and _looks_like_branch(segment):
            continue  # 'requirement' (the union tag) or 'Attendee' / 'str' (a branch)
        out.append(segment)
        current = _model_in(fields.get(segment)) if fields and segment in fields else None
    return tuple(out)


def _looks_like_branch(segment: str) -> bool:
    return (
        segment[:1].isupper()
        or segment
        in {
            "str",
            "int",
            "list[str]",
            "dict[str,str]",
            "requirement",
            "meeting",
            "issue",
            "collaboration",
            "customer-request",
            "notice",
        }
        or segment.startswith(("function-", "list[", "dict[", "literal[", "constrained-"))
    )


def select(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """One error per place: of a union's failed branches keep the one that says most.

    For `attendees: [{name: x, dept: y}]` pydantic reports both "unknown key 'dept'" (the
    mapping branch) and "expected text" (the name branch); the first is what helps.
    """
    by_place: dict[tuple[Any, ...], list[ErrorDetails]] = {}
    for error in errors:
        by_place.setdefault(_branch_point(error["loc"]), []).append(error)
    kept: list[ErrorDetails] = []
    for group in by_place.values():
        specific = [e for e in group if e["type"] not in _TYPE_WORDS]
        kept.extend(specific if specific else group[:1])
    return kept


def _branch_point(loc: tuple[str | int, ...]) -> tuple[Any, ...]:
    """The path up to the first union branch name (the whole path if there is none)."""
    for i, segment in enumerate(loc):
        if i and isinstance(segment, str) and _looks_like_branch(segment):
            return tuple(loc[:i])
    return tuple(loc)


def describe(error: ErrorDetails, model: type[BaseModel] | None = None) -> tuple[str, str]:
    """(lint code, message) for one pydantic error."""
    kind = error["type"]
    loc = clean_loc(error["loc"], model)
    path = _dotted(loc)
    code = _CODES.get(kind, "schema")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        known = _fields(_model_at(model, error["loc"][:-1]))
        hint = ""
        if known:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            if close:
                hint = f" (did you mean '{close[0]}'?)"
        return code, f"unknown key '{key}'{hint}"
    if kind == "missing":
        return code, f"missing required key '{path}'"
    if kind == "union_tag_not_found":
        return (
            code,
            "record has no 'kind' (one of: requirement, meeting, issue, collaboration, "
            "customer-request, notice)",
        )
    if kind == "union_tag_invalid":
        ctx = error.get("ctx") or {}
        return code, f"unknown kind '{ctx.get('tag')}' (one of: {ctx.get('expected_tags')})"
    if kind in _TYPE_WORDS:
        return code, f"{path}: expected {_TYPE_WORDS[kind]}, got {_shown(error.get('input'))}"
    if kind == "literal_error":
        expected = (error.get("ctx") or {}).get("expected", "")
        return code, f"{path}: {_shown(error.get('input'))} is not one of {expected}"
    if kind == "string_pattern_mismatch":
        return code, f"{path}: {_shown(error.get('input'))} has the wrong form"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return code, f"{path}: {message}" if path else message


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for segment in loc:
        out += f"[{segment}]" if isinstance(segment, int) else (f".{segment}" if out else segment)
    return out


def _root_for(model: type[BaseModel] | None, loc: Iterable[str | int]) -> type[BaseModel] | None:
    """For the record union, the model of the kind named by the first path segment."""
    if model is not None:
        return model
    from collabkit.models import MODELS

    first = next(iter(loc), None)
    return MODELS.get(first) if isinstance(first, str) else None


def _model_at(model: type[BaseModel] | None, loc: Iterable[str | int]) -> type[BaseModel] | None:
    current: Any = _root_for(model, loc)
    for segment in clean_loc(loc, current):
        if isinstance(segment, int):
            continue
        fields = _fields(current)
        if not fields or segment not in fields:
            return None
        current = _model_in(fields[segment])
    return current  # type: ignore[no-any-return]


def _fields(model: Any) -> dict[str, Any] | None:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return {name: f.annotation for name, f in model.model_fields.items()}
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The first pydantic model inside an annotation such as `list[Action] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, dict, tuple) or origin is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
