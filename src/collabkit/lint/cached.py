"""Lint of a whole workspace through the answer cache (`cache.answers`)."""

from __future__ import annotations

from datetime import datetime

from collabkit.cache import answers, store
from collabkit.lint.checks import Linted, lint_base
from collabkit.workspace import Workspace


def lint_whole(ws: Workspace, now: datetime | None) -> Linted:
    """`lint_base(ws)` with the events after `now` (none without it), kept while no record
    file and nothing else it depends on changes, and asked for no earlier `now`."""
    after = now.timestamp() if now is not None else float("inf")
    stamp = store.stamp(ws.root) if store.enabled() else None
    if stamp is None:
        return lint_base(ws, after)
    kept = answers.load_lint(ws.root, stamp)
    if kept is not None and after >= kept[1][1]:  # it has every event after `now`
        findings, (events, kept_after), _, _ = kept
        return Linted(findings, events, kept_after)
    files = answers.identities(ws.root, store.fs_clock(ws.root))  # before anything is read
    linted = lint_base(ws, after)
    if files is not None:
        facts = {"language": ws.config.language, "timezone": ws.config.timezone}
        timed = (linted.events, linted.after)
        answers.save_lint(ws.root, stamp, files, linted.findings, timed, facts)
    return linted
