"""Lint of a whole workspace through the answer cache (`cache.answers`)."""

from __future__ import annotations

from collabkit.cache import answers, store
from collabkit.lint.checks import Linted, lint_base
from collabkit.workspace import Workspace


def lint_whole(ws: Workspace) -> Linted:
    """`lint_base(ws)`, kept while no record file and nothing else it depends on changes."""
    stamp = store.stamp(ws.root) if store.enabled() else None
    if stamp is None:
        return lint_base(ws)
    kept = answers.load_lint(ws.root, stamp)
    if kept is not None:
        findings, events, _, _ = kept
        return Linted(findings, events)
    files = answers.identities(ws.root, store.fs_clock(ws.root))  # before anything is read
    linted = lint_base(ws)
    if files is not None:
        facts = {"language": ws.config.language, "timezone": ws.config.timezone}
        answers.save_lint(ws.root, stamp, files, linted.findings, linted.events, facts)
    return linted
