"""Checks across records: ids against file names and prefixes, duplicate ids, links, names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from collabkit.findings import Finding
from collabkit.i18n import Texts
from collabkit.lint.locate import Locator
from collabkit.models import item_names
from collabkit.workspace import Loaded, Workspace
from collabkit.workspace.names import unknown_names


def check_ids(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """Id vs. file name and kind prefix; ids used by more than one file."""
    t = Texts(ws.config.language)
    by_id: dict[str, list[Loaded]] = defaultdict(list)
    for rec in records:
        by_id[rec.id].append(rec)
        stem = Path(rec.file.rel).stem
        if stem != rec.id:
            yield where.finding(
                rec,
                ("id",),
                "id-mismatch",
                t("lint.id_mismatch", id=rec.id, stem=stem),
            )
        prefix = ws.config.prefixes[rec.record.kind]
        if rec.id.split("-", 1)[0] != prefix:
            yield where.finding(
                rec,
                ("id",),
                "id-prefix",
                t(
                    "lint.id_prefix",
                    kind=t.kind(rec.record.kind),
                    prefix=prefix,
                    actual=rec.id.split("-", 1)[0],
                ),
            )
    for record_id, same in by_id.items():
        if len(same) > 1:
            for rec in same:
                others = ", ".join(o.file.rel for o in same if o is not rec)
                yield where.finding(
                    rec,
                    ("id",),
                    "duplicate-id",
                    t("lint.duplicate_id", id=record_id, others=others),
                )


def check_links(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    t = Texts(ws.config.language)
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
                message = t("lint.broken_link", target=target)
                yield where.finding(rec, ("links", i), "broken-link", message)
            elif item and item not in item_names(index[target]):
                message = t("lint.broken_item", target=target, item=item)
                yield where.finding(rec, ("links", i), "broken-link", message)


def check_names(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """People and departments must be registered, when a registry is given."""
    for rec in records:
        for loc, code, message in unknown_names(ws.config, rec.record):
            yield where.finding(rec, loc, code, message)
