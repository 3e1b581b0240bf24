"""What `collab lint` found, kept: by record file, and across files.

Each file's findings, events and what the checks across records need of it are kept with
the file's identity taken *before* it was read (an edit made while lint ran shows as a
change next time): a later lint checks again only the files that changed, and when none
did, the kept answer is the answer. The events that become findings once `now` passes
them are kept apart (`findings.Event`): those after the `--now` lint was asked for, so a
kept answer serves that `--now` and any later one. Stamped like the record cache
(`store.stamp`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from collabkit.cache import store
from collabkit.findings import Event, Finding
from collabkit.io.walk import record_files

LINT = "lint.cache"
Identities = dict[str, tuple[store.Key, str | None]]


def identities(
    root: Path, clock: int | None, walked: list[tuple[str, bool]] | None = None
) -> Identities | None:
    """The identity of every record file now (None when one cannot be read or is a
    symlink: no answer is kept then); `walked`: the `record_files` of `records/`, when
    they were just walked."""
    found: Identities = {}
    prefix = len(str(root).rstrip(os.sep)) + 1
    if walked is None:
        walked = record_files(os.path.join(str(root), "records"))
    for path, link in walked:
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


class Kept(NamedTuple):
    """Lint's answer as kept: the identity of every record file taken before it was read,
    what each file gave (`lint.checks.FilePart` as plain values, by path), the findings
    across files, the moment all kept events are later than, and the settings it needs."""

    files: Identities
    parts: dict[str, Any]
    across: list[Finding]
    after: float
    facts: dict[str, Any]

    def findings(self) -> list[Finding]:
        """Every finding of the answer (what each file gave, and across files)."""
        found = [Finding(*f) for part in self.parts.values() for f in part[0]]
        return found + self.across

    def events(self) -> list[Event]:
        return [Event(*e) for part in self.parts.values() for e in part[1]]


def save_lint(root: Path, stamp: str, kept: Kept) -> bool:
    """Keep lint's answer."""
    files, parts, across, after, facts = kept
    return store.save_blob(
        root, LINT, stamp, (files, parts, [tuple(f) for f in across], after, facts)
    )


def load_lint(root: Path, stamp: str) -> Kept | None:
    """Lint's kept answer, whatever changed since (`unchanged`, `still_the_same` tell)."""
    payload = store.load_blob(root, LINT, stamp)
    try:
        files, parts, across, after, facts = payload
        return Kept(files, parts, [Finding(*f) for f in across], float(after), facts)
    except Exception:  # not what this version writes
        return None


def still_the_same(root: Path, kept: Identities, now: Identities) -> list[str]:
    """The record files (by path) whose identity `now` says they are as `kept` knew them."""
    same = []
    for rel, (key, digest) in now.items():
        was = kept.get(rel)
        if was is None or tuple(was[0]) != key:
            continue
        known = was[1]
        if known is not None and not (
            known == digest if digest is not None else store.same_content(root / rel, known)
        ):
            continue
        same.append(rel)
    return same
