"""Checks across records: ids against file names and prefixes, duplicate ids, links, names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from collabkit.findings import Finding
from collabkit.lint.locate import Locator
from collabkit.models import item_names
from collabkit.workspace import Loaded, Workspace
from collabkit.workspace.names import unknown_names


def check_ids(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """Id vs. file name and kind prefix; ids used by more than one file."""
    by_id: dict[str, list[Loaded]] = defaultdict(list)
    for rec in records:
        by_id[rec.id].append(rec)
        stem = Path(rec.file.rel).stem
        if stem != rec.id:
            yield where.finding(
                rec,
                ("id",),
                "id-mismatch",
                f"id {rec.id} does not match the file name {stem}.yaml",
            )
        prefix = ws.config.prefixes[rec.record.kind]
        if rec.id.split("-", 1)[0] != prefix:
            yield where.finding(
                rec,
                ("id",),
                "id-prefix",
                f"a {rec.record.kind} id starts with {prefix}-, not {rec.id.split('-', 1)[0]}-",
            )
    for record_id, same in by_id.items():
        if len(same) > 1:
            for rec in same:
                others = ", ".join(o.file.rel for o in same if o is not rec)
                yield where.finding(
                    rec,
                    ("id",),
                    "duplicate-id",
                    f"duplicate id {record_id} (also in {others}); "
                    f"give one of them a new id with `collab renumber`",
                )


def check_links(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    index = {rec.id: rec.record for rec in records}
    unreadable: set[str] | None = None  # ids whose file is there but has its own error
    for rec in records:
        for i, link in enumerate(rec.record.links):
            target, _, item = link.partition("/")
            if target not in index:
                if unreadable is None:
                    unreadable = {p.stem for p in ws.record_paths()} - index.keys()
                if target in unreadable:
                    continue  # not broken: that file's own finding says what is wrong
                yield where.finding(
                    rec, ("links", i), "broken-link", f"link to unknown record {target}"
                )
            elif item and item not in item_names(index[target]):
                yield where.finding(
                    rec, ("links", i), "broken-link", f"{target} has no item {item}"
                )


def check_names(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """People and departments must be registered, when a registry is given."""
    for rec in records:
        for loc, code, message in unknown_names(ws.config, rec.record):
            yield where.finding(rec, loc, code, message)
