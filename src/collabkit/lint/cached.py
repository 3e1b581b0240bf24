"""Lint of a whole workspace through its cache (`cache.answers`): only the record files
that changed since are checked again; the checks across records run over all of them."""

from __future__ import annotations

from datetime import datetime

from collabkit.cache import answers, store
from collabkit.io.walk import record_files
from collabkit.lint.checks import FilePart, Linted, file_part, file_part_plain, lint_base
from collabkit.workspace import Workspace


def lint_whole(ws: Workspace, now: datetime | None) -> Linted:
    """`lint_base(ws)` with the events after `now` (none without it), reusing what each
    file still as it was gave last time (when that was asked for no later `now`)."""
    after = now.timestamp() if now is not None else float("inf")
    stamp = store.stamp(ws.root) if store.enabled() else None
    if stamp is None:
        return lint_base(ws, after)
    walked = record_files(str(ws.records_dir))  # one walk, for the identities and the checks
    files = answers.identities(ws.root, store.fs_clock(ws.root), walked)  # before any read
    if files is None:  # a file that cannot be told apart later (a symlink): nothing kept
        return lint_base(ws, after, walked=walked)
    kept: dict[str, FilePart] = {}
    found = answers.load_lint(ws.root, stamp)
    if found is not None and after >= found.after:  # it has every event after `now`
        same = answers.still_the_same(ws.root, found.files, files)
        kept = {rel: file_part(found.parts[rel]) for rel in same}
    linted = lint_base(ws, after, kept, walked)
    if found is not None and len(kept) == len(found.parts) == len(linted.files):
        return linted  # no file changed: the kept answer stands (for its own `after`)
    parts = {rel: file_part_plain(part) for rel, part in linted.files.items()}
    facts = {"language": ws.config.language, "timezone": ws.config.timezone}
    answers.save_lint(ws.root, stamp, answers.Kept(files, parts, linted.across, after, facts))
    return linted
