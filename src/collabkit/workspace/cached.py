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
from datetime import datetime, timedelta
from pathlib import Path

from collabkit.bulk import collector_paused
from collabkit.cache import store
from collabkit.findings import Finding
from collabkit.io.scan import line_at, line_index
from collabkit.timing.obligation import Obligation, Row
from collabkit.workspace.config import Config
from collabkit.workspace.store import Workspace
from collabkit.workspace.validate import validate_file

AHEAD = timedelta(days=35)  # recurring periods are cached this far past what was asked


def open_obligations(ws: Workspace, until: datetime) -> tuple[list[Obligation], list[Finding]]:
    """Every unmet obligation of the workspace's records up to `until` (recurring periods
    up to the one holding it), and the findings of the files that could not be read."""
    stamp = store.stamp(ws.root) if store.enabled() else None
    cache = (store.read(ws.root, stamp) if stamp else None) or store.Cache(stamp or "")
    horizon = until + AHEAD
    limit = until.timestamp()
    clock = store.fs_clock(ws.root) if stamp else None
    paths, outside = ws.walk()
    fresh: dict[str, store.Entry] = {}
    obligations: list[Obligation] = []
    findings: list[Finding] = []
    changed = False
    with collector_paused():
        for path in paths:
            rel = ws.rel(path)
            if path in outside:
                findings.append(ws.outside_finding(path))
                changed = True
                continue
            entry = _valid_entry(cache.entries.get(rel), path, limit)
            if entry is None:
                entry = _read(ws, path, rel, horizon, clock)
                changed = True
            fresh[rel] = entry
            findings.extend(Finding(rel, *f) for f in entry.findings)
            obligations.extend(
                Obligation.from_row(row)
                for row in entry.rows()
                if row[2] is None or row[2] <= limit
            )
    if stamp and (changed or fresh.keys() != cache.entries.keys()):
        store.write(ws.root, store.Cache(stamp, facts(ws.config), fresh))
    return obligations, findings


def facts(config: Config) -> dict[str, object]:
    """What the fast path needs of `collab.yaml` to answer without reading it."""
    return {
        "language": config.language,
        "timezone": config.timezone,
        "people": [(p.name, p.email) for p in config.people],
        "departments": config.departments,
    }


def _valid_entry(entry: store.Entry | None, path: Path, limit: float) -> store.Entry | None:
    if entry is None or (entry.horizon is not None and limit > entry.horizon):
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return entry if store.still_valid(entry, path, st) else None


def _read(ws: Workspace, path: Path, rel: str, horizon: datetime, clock: int | None) -> store.Entry:
    """Read one record file afresh: its cache entry. A file changed just now is also
    remembered by its content (read before it is validated: an edit in between shows)."""
    digest = None
    try:
        st = os.stat(path)
        if store.is_unsure(st, clock):
            digest = store.digest(path.read_bytes())
    except OSError:
        st = None
    file, record, problems = validate_file(path, rel, ws.config)
    rows: list[Row] = []
    recurring = False
    if record is not None and file is not None:
        timing = ws.timing
        obligations = list(timing.obligations_for(record, rel, horizon))
        recurring = timing.has_recurring(record.kind)
        open_ones = [ob for ob in obligations if not ob.met]
        if open_ones:  # only what is not met is ever listed with its line
            index = line_index(file.text)
            for ob in open_ones:
                ob.line = line_at(index, ob.loc)
        rows = [ob.as_row() for ob in open_ones]
    key = store.key_of(st) if st is not None else (-1, -1, -1)
    found = tuple((f.line, f.column, f.severity, f.code, f.message) for f in problems)
    times = tuple((row[0], row[2]) for row in rows)
    ahead = horizon.timestamp() if recurring else None
    return store.Entry(key, digest, ahead, found, times, marshal.dumps(tuple(rows)))
