"""Pydantic errors in words a project manager reads: a lint code and one sentence."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from collabkit.i18n import Msg, Texts, catalogue
from collabkit.models._base import ItemNaming
from collabkit.models._types import ID_PATTERN, REF_PATTERN
from collabkit.models.paths import child

_CODES = {
    "vague_deadline": "vague-deadline",
    "impossible_date": "invalid-date",
    "extra_forbidden": "unknown-key",
    "missing": "missing-key",
    "union_tag_not_found": "unknown-kind",
    "union_tag_invalid": "unknown-kind",
}
_TYPE_WORDS = {  # pydantic's type errors → the catalogue's word for what was expected
    "string_type": "type.text",
    "int_type": "type.int",
    "int_parsing": "type.int",
    "int_from_float": "type.int",
    "float_type": "type.number",
    "float_parsing": "type.number",
    "bool_type": "type.bool",
    "bool_parsing": "type.bool",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "date_type": "type.date",
    "date_from_datetime_parsing": "type.date",
    "date_parsing": "type.date",
    "datetime_type": "type.datetime",
    "datetime_parsing": "type.datetime",
    "datetime_from_date_parsing": "type.datetime",
}
_LIMITS = {
    "less_than_equal": "schema.le",
    "less_than": "schema.lt",
    "greater_than_equal": "schema.ge",
    "greater_than": "schema.gt",
    "too_short": "schema.too_few",
    "too_long": "schema.too_many",
    "string_too_long": "schema.too_long",
}
_LIMIT_KEYS = ("le", "lt", "ge", "gt", "min_length", "max_length")
_PATTERN_KEYS = {
    ID_PATTERN: "schema.pattern.id",
    REF_PATTERN: "schema.pattern.ref",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "schema.pattern.item",
}
_DATE_ONLY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
KIND_NAMES = ("requirement", "meeting", "issue", "collaboration", "customer-request", "notice")


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


def describe(
    error: ErrorDetails,
    model: type[BaseModel] | None = None,
    *,
    language: str = "zh",
    data: Any = None,
) -> tuple[str, str]:
    """(lint code, message) for one pydantic error, in `language`. With the record's `data`
    the path names list items as people do (`A2.due`, not `actions[1].due`)."""
    kind = error["type"]
    t = Texts(language)
    root = _root_for(model, error["loc"])
    path = say_path(clean_loc(error["loc"], model), data, _lists_of(root))
    code = _CODES.get(kind, "schema")
    return code, _sentence(error, kind, path, root, t)


def _sentence(
    error: ErrorDetails, kind: str, path: str, root: type[BaseModel] | None, t: Texts
) -> str:
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    where = f"{path}: " if path else ""
    got = _shown(error.get("input"), t)
    if kind == "extra_forbidden":
        return _unknown_key(error, root, t)
    if kind == "missing":
        return t("schema.missing", path=path)
    if kind == "union_tag_not_found":
        return t("schema.no_kind", kinds=", ".join(KIND_NAMES))
    if kind == "union_tag_invalid":
        return t("schema.unknown_kind", tag=ctx.get("tag"), kinds=", ".join(KIND_NAMES))
    if kind in _TYPE_WORDS:
        return t("schema.type", where=where, expected=t(_TYPE_WORDS[kind]), got=got)
    if kind in ("literal_error", "enum"):
        expected = _alternatives(str(ctx.get("expected", "")), t)
        return t("schema.literal", where=where, got=got, expected=expected)
    if kind == "string_pattern_mismatch":
        return t(_PATTERN_KEYS.get(str(ctx.get("pattern")), "schema.pattern"), where=where, got=got)
    if kind == "impossible_date":
        text = str(ctx.get("text", ""))
        key = "schema.impossible_date" if _DATE_ONLY.match(text) else "schema.impossible_datetime"
        return t(key, where=where, text=text)
    if kind in _LIMITS:
        limit = next((ctx[k] for k in _LIMIT_KEYS if k in ctx), "")
        return t(_LIMITS[kind], where=where, got=got, limit=limit)
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return t("schema.empty", where=where)
    if kind == "value_error":
        return where + _value_error(ctx.get("error"), t)
    if f"schema.{kind}" in catalogue():
        values = {k: v for k, v in ctx.items() if isinstance(v, str | int)}
        return t(f"schema.{kind}", **{"where": where, "got": got, **values})
    return t("schema.invalid", where=where, got=got)


def _unknown_key(error: ErrorDetails, root: type[BaseModel] | None, t: Texts) -> str:
    loc = clean_loc(error["loc"], root)
    key = str(loc[-1]) if loc else "?"
    known = _fields(_model_at(root, error["loc"][:-1]))
    hint = ""
    if known:
        close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
        if close:
            hint = t("hint.did_you_mean", name=close[0])
    return t("schema.unknown_key", key=key, hint=hint)


def _value_error(error: Any, t: Texts) -> str:
    """A validator's own ValueError: its catalogue message when it carries one."""
    message = getattr(error, "msg", None)
    if isinstance(message, Msg):
        return message.text(t.language)
    return str(error) if error is not None else t("schema.invalid", where="", got="")


def _alternatives(expected: str, t: Texts) -> str:
    """pydantic's "'a', 'b' or 'c'" in the reader's words."""
    values = [f"'{v}'" for v in re.findall(r"'((?:[^'\\]|\\.)*)'", expected)] or [expected]
    if len(values) == 1:
        return values[0]
    first = t("list.sep").join(values[:-1])
    return t("list.and", first=first, last=values[-1])


def _shown(value: Any, t: Texts) -> str:
    if isinstance(value, dict):
        return t("shown.mapping")
    if isinstance(value, list):
        return t("shown.list")
    if value is None:
        return t("shown.nothing")
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def say_path(
    loc: Iterable[str | int], data: Any = None, lists: Mapping[str, ItemNaming] | None = None
) -> str:
    """A path as people say it: items of the record's named lists by their name (`A2.due`,
    `V1.2.feedback_at`, `C2.at`), other list items by 0-based index as `collab set` takes
    them (`partners.0.contact`). Without `data` every index stays an index."""
    parts: list[str] = []
    node = data
    for depth, segment in enumerate(loc):
        if isinstance(segment, int):
            item = child(node, segment)
            naming = (lists or {}).get(parts[-1]) if depth == 1 and parts else None
            if naming is not None and item is not None:
                parts[-1] = naming.name_of(item, segment)
            else:
                parts.append(str(segment))
            node = item
        else:
            parts.append(segment)
            node = child(node, segment)
    return ".".join(parts)


def _lists_of(model: Any) -> Mapping[str, ItemNaming]:
    lists = getattr(model, "ITEM_LISTS", None)
    return lists if isinstance(lists, dict) else {}


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
