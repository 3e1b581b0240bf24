"""`collab lint`: every check of SPEC §8 over the workspace, as findings."""

from __future__ import annotations

import difflib
import typing
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from collabkit.config import Config
from collabkit.findings import Finding
from collabkit.store import Loaded, Workspace

Loc = tuple[str | int, ...]
ITEM_LISTS = ("actions", "pending", "proposals", "todos")  # what `ID/ITEM` can name


@dataclass
class Locator:
    """Line/column of a key path in a record file; parses a file only when asked."""

    trees: dict[str, Any]

    def at(self, loaded: Loaded, loc: Loc, *, value: bool = True) -> tuple[int, int]:
        from collabkit.positions import locate
        from collabkit.yamlio import load_roundtrip

        rel = loaded.file.rel
        if rel not in self.trees:
            self.trees[rel] = load_roundtrip(loaded.file.text, rel)
        return locate(self.trees[rel], loc, at_value=value)


def lint(ws: Workspace, paths: list[Path] | None = None, *, strict: bool = False) -> list[Finding]:
    """All findings for the workspace, or for `paths` (checked against the whole workspace)."""
    everything = ws.load()
    if paths is None:
        selected_files = None
        findings = list(everything.findings)
    else:
        chosen = ws.expand(paths)
        selected_files = {ws.rel(p) for p in chosen}
        outside = [p for p in chosen if not ws.rel(p).startswith("records/")]
        findings = [f for f in everything.findings if f.file in selected_files]
        findings += ws.load(outside).findings if outside else []
    where = Locator({})
    for check in (check_ids, check_links, check_names, check_completeness):
        findings.extend(check(ws, everything.records, where))
    findings.extend(timing_findings(ws, everything.records, where))
    if selected_files is not None:
        findings = [f for f in findings if f.file in selected_files]
    if strict:
        findings = [_as_error(f) if f.severity == "warning" else f for f in findings]
    return sorted(set(findings), key=Finding.sort_key)


def _as_error(f: Finding) -> Finding:
    return Finding(f.file, f.line, f.column, "error", f.code, f.message)


def _error(
    where: Locator,
    rec: Loaded,
    loc: Loc,
    code: str,
    message: str,
    severity: str = "error",
    *,
    value: bool = True,
) -> Finding:
    line, column = where.at(rec, loc, value=value)
    return Finding(rec.file.rel, line, column, severity, code, message)  # type: ignore[arg-type]


def check_ids(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """Id vs. file name and kind prefix; ids used by more than one file."""
    by_id: dict[str, list[Loaded]] = defaultdict(list)
    for rec in records:
        by_id[rec.id].append(rec)
        stem = Path(rec.file.rel).stem
        if stem != rec.id:
            yield _error(
                where,
                rec,
                ("id",),
                "id-mismatch",
                f"id {rec.id} does not match the file name {stem}.yaml",
            )
        prefix = ws.config.prefixes[rec.record.kind]
        if rec.id.split("-", 1)[0] != prefix:
            yield _error(
                where,
                rec,
                ("id",),
                "id-prefix",
                f"a {rec.record.kind} id starts with {prefix}-, not {rec.id.split('-', 1)[0]}-",
            )
    for record_id, same in by_id.items():
        if len(same) > 1:
            for rec in same:
                others = ", ".join(o.file.rel for o in same if o is not rec)
                yield _error(
                    where,
                    rec,
                    ("id",),
                    "duplicate-id",
                    f"duplicate id {record_id} (also in {others}); "
                    f"give one of them a new id with `collab renumber`",
                )


def item_ids(record: Any) -> set[str]:
    """Ids of the items a record holds (A1, P1, V1.2, T1) — what `ID/ITEM` can name."""
    found: set[str] = set()
    for name in ITEM_LISTS:
        for item in getattr(record, name, None) or []:
            found.add(str(getattr(item, "id", None) or getattr(item, "version", "")))
    return found


def check_links(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    index = {rec.id: rec.record for rec in records}
    for rec in records:
        for i, link in enumerate(rec.record.links):
            target, _, item = link.partition("/")
            if target not in index:
                yield _error(
                    where, rec, ("links", i), "broken-link", f"link to unknown record {target}"
                )
            elif item and item not in item_ids(index[target]):
                yield _error(
                    where, rec, ("links", i), "broken-link", f"{target} has no item {item}"
                )


def check_names(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """People and departments must be registered, when a registry is given."""
    for rec in records:
        for loc, code, message in unknown_names(ws.config, rec.record):
            yield _error(where, rec, loc, code, message)


def unknown_names(config: Config, record: BaseModel) -> Iterator[tuple[Loc, str, str]]:
    """(path, code, message) for each person or department that collab.yaml does not list."""
    people = config.people_by_key
    departments = config.departments
    if not people and departments is None:
        return
    names = [p.name for p in config.people]
    for loc, role, value in named_values(record):
        if role == "person" and people and value not in people:
            hint = _suggest(value, names)
            message = f"unknown person '{value}'{hint}; add them to people in collab.yaml"
            yield loc, "unknown-person", message
        elif role == "department" and departments is not None and value not in departments:
            message = f"unknown department '{value}'{_suggest(value, departments)}"
            yield loc, "unknown-department", message


def _suggest(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""


def named_values(obj: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, str]]:
    """(path, 'person' | 'department', value) for every name in a record."""
    roles = _roles(type(obj))
    for name in type(obj).model_fields:
        yield from _named(getattr(obj, name), (*loc, name), roles.get(name))


def _named(value: Any, loc: Loc, role: str | None) -> Iterator[tuple[Loc, str, str]]:
    if isinstance(value, BaseModel):
        yield from named_values(value, loc)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _named(item, (*loc, i), role)
    elif isinstance(value, str) and role is not None:
        yield loc, role, value


@cache
def _roles(model: type[BaseModel]) -> dict[str, str]:
    return {
        name: role
        for name, field in model.model_fields.items()
        if (role := _role_in(field.annotation)) is not None
    }


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


def check_completeness(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """What a record must hold for its status; action items and to-dos always."""
    for rec in records:
        record = rec.record
        missing = [path for path in record.REQUIRED_WHEN_ACTIVE if _empty(record, path)]
        if missing and record.is_draft:
            yield _error(
                where,
                rec,
                ("status",) if "status" in rec.file.data else ("id",),
                "incomplete",
                f"{record.status}: still to fill in: {', '.join(missing)}",
                "info",
            )
        elif missing:
            for path in missing:
                parent: Loc = tuple(path.split(".")[:-1])
                yield _error(
                    where,
                    rec,
                    parent or ("status",),
                    "incomplete",
                    f"a {record.kind} that is {record.status} needs {path}",
                    value=False,
                )
        if getattr(record, "status", None) == "declined" and not getattr(
            record, "decline_reason", None
        ):
            yield _error(
                where,
                rec,
                ("status",),
                "incomplete",
                "a declined requirement needs decline_reason (and an alternative)",
            )
        yield from _items_complete(rec, where)


def _items_complete(rec: Loaded, where: Locator) -> Iterator[Finding]:
    record = rec.record
    needs = {"actions": ("task", "owner", "due", "deliverable"), "todos": ("task", "owner", "due")}
    for list_name, fields in needs.items():
        for i, item in enumerate(getattr(record, list_name, None) or []):
            lacking = [f for f in fields if getattr(item, f) in (None, "")]
            if lacking:
                what = "action item" if list_name == "actions" else "to-do"
                yield _error(
                    where,
                    rec,
                    (list_name, i),
                    "action-incomplete",
                    f"{what} {item.id} needs {', '.join(lacking)} (做什么、谁来做、何时做)",
                    value=False,
                )


def _empty(record: Any, dotted: str) -> bool:
    value = record
    for part in dotted.split("."):
        value = getattr(value, part, None)
        if value is None:
            return True
    return value in ("", [], {})


def timing_findings(ws: Workspace, records: list[Loaded], where: Locator) -> list[Finding]:
    """Breaches, over-long meetings, estimated calendar years (see timing_lint)."""
    from collabkit.timing_lint import timing_checks

    return list(timing_checks(ws, records, where))
