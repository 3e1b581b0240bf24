"""Checks across records: ids against file names and prefixes, duplicate ids, links, names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import NamedTuple

from collabkit.findings import Finding
from collabkit.i18n import Texts
from collabkit.lint.locate import Loc, Locator
from collabkit.models import item_names
from collabkit.workspace import Loaded, Workspace
from collabkit.workspace.names import unknown_names


class Crossing(NamedTuple):
    """What the checks across records need of one record, as plain values (a forked child
    sends them back, the lint cache keeps them): its id, kind, links and item names, and
    where its id and links are in its file (placed, from the file, only when reported)."""

    rel: str
    id: str
    kind: str
    links: tuple[str, ...]
    items: tuple[str, ...]
    id_loc: Loc
    link_locs: tuple[Loc, ...]

    @classmethod
    def of(cls, rec: Loaded) -> Crossing:
        links = tuple(rec.record.links)
        return cls(
            rec.file.rel,
            rec.id,
            rec.record.kind,
            links,
            tuple(item_names(rec.record)),
            rec.source_loc(("id",)),
            tuple(rec.source_loc(("links", i)) for i in range(len(links))),
        )

    def finding(self, ws: Workspace, where: Locator, loc: Loc, code: str, text: str) -> Finding:
        line, column = where.in_file(ws.root, self.rel, loc)
        return Finding(self.rel, line, column, "error", code, text)


def check_across(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """The checks across records (`cross_checks`) of `records`."""
    return cross_checks(ws, [Crossing.of(rec) for rec in records], where)


def cross_checks(ws: Workspace, crossings: list[Crossing], where: Locator) -> Iterator[Finding]:
    """Ids against file names and prefixes, ids used twice, links to no record or item;
    in the order of the files, however the records were read."""
    crossings = sorted(crossings, key=lambda rec: rec.rel)
    yield from check_ids(ws, crossings, where)
    yield from check_links(ws, crossings, where)


def check_ids(ws: Workspace, crossings: list[Crossing], where: Locator) -> Iterator[Finding]:
    """Id vs. file name and kind prefix; ids used by more than one file."""
    t = Texts(ws.config.language)
    by_id: dict[str, list[Crossing]] = defaultdict(list)
    for rec in crossings:
        by_id[rec.id].append(rec)
        stem = PurePosixPath(rec.rel).stem
        if stem != rec.id:
            message = t("lint.id_mismatch", id=rec.id, stem=stem)
            yield rec.finding(ws, where, rec.id_loc, "id-mismatch", message)
        prefix = ws.config.prefixes[rec.kind]
        actual = rec.id.split("-", 1)[0]
        if actual != prefix:
            message = t("lint.id_prefix", kind=t.kind(rec.kind), prefix=prefix, actual=actual)
            yield rec.finding(ws, where, rec.id_loc, "id-prefix", message)
    for record_id, same in by_id.items():
        if len(same) > 1:
            for rec in same:
                others = ", ".join(o.rel for o in same if o is not rec)
                message = t("lint.duplicate_id", id=record_id, others=others)
                yield rec.finding(ws, where, rec.id_loc, "duplicate-id", message)


def check_links(ws: Workspace, crossings: list[Crossing], where: Locator) -> Iterator[Finding]:
    t = Texts(ws.config.language)
    index = {rec.id: rec for rec in crossings}
    unreadable: set[str] | None = None  # ids whose file is there but has its own error
    for rec in crossings:
        for link, loc in zip(rec.links, rec.link_locs, strict=True):
            target, _, item = link.partition("/")
            if target not in index:
                if unreadable is None:
                    unreadable = {p.stem for p in ws.record_paths()} - index.keys()
                if target in unreadable:
                    continue  # not broken: that file's own finding says what is wrong
                message = t("lint.broken_link", target=target)
                yield rec.finding(ws, where, loc, "broken-link", message)
            elif item and item not in index[target].items:
                message = t("lint.broken_item", target=target, item=item)
                yield rec.finding(ws, where, loc, "broken-link", message)


def check_names(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """People and departments must be registered, when a registry is given."""
    for rec in records:
        for loc, code, message in unknown_names(ws.config, rec.record):
            yield where.finding(rec, loc, code, message)
