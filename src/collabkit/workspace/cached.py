"""The unmet obligations of a workspace, read through the record cache (`collabkit.cache`).

A record file whose identity matches its cache entry is not read again: its unmet
obligations come back from the rows it yielded last time. Only files that are new, changed, or whose
recurring periods were computed less far ahead than asked are decoded, parsed, validated
and turned into obligations; then the cache is written whole again. The answer is the
same as without the cache (the tests compare both), only faster.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from collabkit.bulk import collector_paused
from collabkit.cache import store
from collabkit.findings import Finding
from collabkit.io.scan import line_at, line_index
from collabkit.timing.listing import Listed
from collabkit.timing.obligation import Obligation, Row
from collabkit.workspace.config import Config
from collabkit.workspace.parallel import in_parallel
from collabkit.workspace.records import RecordFile
from collabkit.workspace.store import Workspace
from collabkit.workspace.summary import Summary
from collabkit.workspace.validate import validate_files

AHEAD = timedelta(days=35)  # recurring periods are cached this far past what was asked


def open_obligations(
    ws: Workspace, until: datetime, due: tuple[datetime | None, datetime] | None = None
) -> tuple[list[Obligation], list[Finding]]:
    """Every unmet obligation of the workspace's records up to `until` (recurring periods
    up to the one holding it), and the findings of the files that could not be read.
    With `due` (first, last), only the records that owe something due in that span (the
    first None: any time before the last) give their obligations."""
    rows, findings = open_rows(ws, until, due)
    with collector_paused():
        return [Obligation.from_row(row) for row in rows], findings


def open_rows(
    ws: Workspace, until: datetime, due: tuple[datetime | None, datetime] | None = None
) -> tuple[list[Row], list[Finding]]:
    """`open_obligations` as rows (`Obligation.as_row`), for who builds only some."""
    first, last = _span(due)
    limit = until.timestamp()
    rows: list[Row] = []
    entries, findings = refreshed(ws, until)
    for entry in entries:
        if entry.has_open(first, last, limit):
            rows.extend(row for row in entry.rows() if row[2] is None or row[2] <= limit)
    return rows, findings


def open_listed(
    ws: Workspace,
    until: datetime,
    due: tuple[datetime | None, datetime] | None = None,
    cache: store.Cache | None = None,
    walked: store.Walked | None = None,
) -> tuple[list[Listed], list[Finding]]:
    """`open_obligations` as listings (`Obligation.as_listed`), for the fast path (which
    may have read the cache already, `cache`, and walked the files against it, `walked`)."""
    first, last = _span(due)
    limit = until.timestamp()
    listed: list[Listed] = []
    entries, findings = refreshed(ws, until, cache, walked)
    for entry in entries:
        if entry.has_open(first, last, limit):
            listed.extend(entry.listings(limit))
    return listed, findings


def summaries(ws: Workspace, now: datetime) -> tuple[list[Summary], list[Finding]]:
    """A Summary of every record that loads (in the order of the files), and the findings
    of the files that could not be read."""
    entries, findings = refreshed(ws, now)
    return [Summary(*marshal.loads(e.summary)) for e in entries if e.summary is not None], findings


def refreshed(
    ws: Workspace,
    until: datetime,
    cache: store.Cache | None = None,
    walked: store.Walked | None = None,
) -> tuple[list[store.Entry], list[Finding]]:
    """The cache entry of every record file, in the order of the files, read afresh where
    the file changed (or its periods end before `until`), and the findings of the files
    that could not be read; the cache is written again when anything changed. A walk
    that already checked the files against this cache (for `until`) is not repeated."""
    stamp = store.stamp(ws.root) if store.enabled() else None
    if cache is None or cache.stamp != stamp:
        cache = (store.read(ws.root, stamp) if stamp else None) or store.Cache(stamp or "")
    if walked is not None and (walked.cache is not cache or walked.folder != str(ws.records_dir)):
        walked = None
    calendar = ws.timing.calendar
    calendar.preload(cache.facts.get("years", {}))  # the same settings: the stamp says so
    known_years = len(calendar.tables())
    horizon = until + AHEAD
    limit = until.timestamp()
    clock = store.fs_clock(ws.root) if stamp else None
    paths, outside = ws.files(walked.found if walked is not None else None)
    prefix = len(str(ws.root).rstrip(os.sep)) + 1
    fresh: dict[str, store.Entry] = {}
    findings: list[Finding] = []
    with collector_paused():
        slots: list[tuple[str, store.Entry | Finding | None]] = []
        todo: list[tuple[int, str, str]] = []  # (slot, path, rel) of the files to read
        for path in paths:
            rel = path[prefix:].replace(os.sep, "/")  # walked from the root: no resolving
            if path in outside:
                slots.append((rel, ws.outside_finding(Path(path))))
                continue
            if walked is not None and rel not in walked.stale:
                entry = cache.entries.get(rel)  # confirmed by the walk
            else:
                entry = _valid_entry(cache.entries.get(rel), path, limit)
            if entry is None:
                todo.append((len(slots), path, rel))
            slots.append((rel, entry))
        read = in_parallel(lambda jobs: _read(ws, jobs, horizon, clock), todo)
        for (slot, _, rel), entry in zip(todo, read, strict=True):
            slots[slot] = (rel, entry)
        for rel, got in slots:
            if isinstance(got, Finding):
                findings.append(got)
                continue
            assert got is not None
            fresh[rel] = got
            findings.extend(Finding(rel, *f) for f in got.findings)
    changed = bool(todo) or len(fresh) != len(slots)
    grown = len(calendar.tables()) != known_years
    if stamp and (changed or grown or fresh.keys() != cache.entries.keys()):
        found = facts(ws.config) | {"years": calendar.tables()}
        store.update(ws.root, cache, store.Cache(stamp, found, fresh))
    return list(fresh.values()), findings


def facts(config: Config) -> dict[str, object]:
    """What the fast path needs of `collab.yaml` to answer without reading it."""
    return {
        "language": config.language,
        "timezone": config.timezone,
        "people": [(p.name, p.email) for p in config.people],
        "departments": config.departments,
    }


def _span(due: tuple[datetime | None, datetime] | None) -> tuple[float, float]:
    if due is None:
        return float("-inf"), float("inf")
    first, last = due
    return (first.timestamp() if first is not None else float("-inf")), last.timestamp()


def _valid_entry(entry: store.Entry | None, path: str, limit: float) -> store.Entry | None:
    if entry is None or (entry.horizon is not None and limit > entry.horizon):
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return entry if store.still_valid(entry.key, entry.digest, path, st) else None


def _read(
    ws: Workspace, jobs: Sequence[tuple[int, str, str]], horizon: datetime, clock: int | None
) -> list[store.Entry]:
    """Read record files afresh: their cache entries. Each file's identity is its status
    as it was opened; a file changed just now is also remembered by its content, the
    very bytes that were validated."""
    config = ws.config
    entries = []
    for (file, record, problems), st, raw in validate_files(
        [(Path(p), r) for _, p, r in jobs], config
    ):
        digest = (
            store.digest(raw)
            if st is not None and raw is not None and store.is_unsure(st, clock)
            else None
        )
        entries.append(_entry(ws, file, record, problems, st, digest, horizon))
    return entries


def _entry(
    ws: Workspace,
    file: RecordFile | None,
    record: Any,
    problems: list[Finding],
    st: os.stat_result | None,
    digest: str | None,
    horizon: datetime,
) -> store.Entry:
    """What one file read gives the cache."""
    rows: list[Row] = []
    open_ones: list[Obligation] = []
    recurring = False
    summary = None
    if record is not None and file is not None:
        summary = marshal.dumps(Summary.of(record, file.rel, ws.config).fields())
        timing = ws.timing
        open_ones = list(timing.obligations_for(record, file.rel, horizon, unmet_only=True))
        recurring = timing.has_recurring(record.kind)
        if open_ones:  # only what is not met is ever listed with its line
            index = line_index(file.text)
            for ob in open_ones:
                ob.line = line_at(index, ob.loc)
        rows = [ob.as_row() for ob in open_ones]
    key = store.key_of(st) if st is not None else (-1, -1, -1)
    found = tuple((f.line, f.column, f.severity, f.code, f.message) for f in problems)
    listed = tuple(ob.as_listed(ws.config.language) for ob in open_ones)
    times = tuple((x[0], x[1]) for x in listed)
    ahead = horizon.timestamp() if recurring else None
    return store.Entry(
        key, digest, ahead, found, times, marshal.dumps(listed), marshal.dumps(tuple(rows)), summary
    )
