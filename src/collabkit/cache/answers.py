"""Whole answers kept while no record file changes: what `collab lint` found.

Lint looks across records (duplicate ids, links), so its findings are kept for the
workspace as a whole, with the identity of every record file taken *before* they were
read: an edit made while lint ran shows as a change next time. The events that become
findings once `now` passes them are kept apart (`findings.Event`): those after the `--now`
lint was asked for, so a kept answer serves that `--now` and any later one. Stamped like
the record cache (`store.stamp`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from collabkit.cache import store
from collabkit.findings import Event, Finding
from collabkit.io.walk import record_files

LINT = "lint.cache"
Identities = dict[str, tuple[store.Key, str | None]]


def identities(root: Path, clock: int | None) -> Identities | None:
    """The identity of every record file now (None when one cannot be read or is a
    symlink: no answer is kept then)."""
    found: Identities = {}
    prefix = len(str(root).rstrip(os.sep)) + 1
    for path, link in record_files(os.path.join(str(root), "records")):
        if link:
            return None
        try:
            st = os.stat(path)
            digest = None
            if store.is_unsure(st, clock):
                with open(path, "rb") as data:
                    digest = store.digest(data.read())
        except OSError:
            return None
        found[path[prefix:].replace(os.sep, "/")] = (store.key_of(st), digest)
    return found


def unchanged(root: Path, kept: Identities) -> bool:
    """Whether every record file is as it was when `kept` was taken, and no other is there."""
    prefix = len(str(root).rstrip(os.sep)) + 1
    seen = 0
    for path, link in record_files(os.path.join(str(root), "records")):
        ident = kept.get(path[prefix:].replace(os.sep, "/"))
        if ident is None or link:
            return False
        try:
            st = os.stat(path)
        except OSError:
            return False
        key, digest = ident
        if not store.still_valid(key, digest, path, st):
            return False
        seen += 1
    return seen == len(kept)


def save_lint(
    root: Path, stamp: str, files: Identities, findings: list[Finding],
    events: tuple[list[Event], float], facts: dict[str, Any],
) -> bool:  # fmt: skip
    """Keep lint's answer for the record files `files` describe: its findings, and its
    events with the moment they are all later than."""
    listed, after = events
    payload = (
        files,
        [(f.file, f.line, f.column, f.severity, f.code, f.message) for f in findings],
        [(e.at, e.file, e.loc, e.field) for e in listed],
        after,
        facts,
    )
    return store.save_blob(root, LINT, stamp, payload)


def load_lint(
    root: Path, stamp: str
) -> tuple[list[Finding], tuple[list[Event], float], dict[str, Any], int] | None:
    """Lint's kept answer (findings, (events, the moment they are later than), facts,
    files checked), if no record file changed since; else None."""
    payload = store.load_blob(root, LINT, stamp)
    try:
        files, findings, events, after, facts = payload
        if not unchanged(root, files):
            return None
        return (
            [Finding(*f) for f in findings],
            ([Event(at, file, tuple(loc), field) for at, file, loc, field in events], float(after)),
            facts,
            len(files),
        )
    except Exception:  # not what this version writes
        return None
