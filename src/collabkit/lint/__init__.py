"""`collab lint`: every check of SPEC §8 over the workspace, as findings.

May import: workspace, timing, models, io, i18n and the base modules; never present or cli.
One module per family of checks: `records` (ids, links, names), `completeness`, `timing`
(breaches, estimated years), `handbook` (meeting and notice limits).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from collabkit.findings import Finding
from collabkit.lint.completeness import check_completeness
from collabkit.lint.handbook import handbook_checks
from collabkit.lint.locate import Locator
from collabkit.lint.records import check_ids, check_links, check_names
from collabkit.lint.timing import timing_checks
from collabkit.workspace import Loaded, Workspace
from collabkit.workspace.salvage import salvage_all

Check = Callable[[Workspace, list[Loaded], Locator], Iterable[Finding]]
CHECKS: tuple[Check, ...] = (
    check_ids,
    check_links,
    check_names,
    check_completeness,
    timing_checks,
    handbook_checks,
)


def lint(ws: Workspace, paths: list[Path] | None = None, *, strict: bool = False) -> list[Finding]:
    """All findings for the workspace, or for `paths` (checked against the whole workspace)."""
    everything = ws.load()
    if paths is None:
        selected_files = None
        findings = list(everything.findings)
    else:
        chosen = ws.expand(paths)
        selected_files = {ws.rel(p) for p in chosen}
        outside = [p for p in chosen if not ws.rel(p).startswith("records/")]
        findings = [f for f in everything.findings if f.file in selected_files]
        findings += ws.load(outside).findings if outside else []
    # A record with schema errors is checked too, without the values that fail them.
    checked = [*everything.records, *salvage_all(everything, ws.config)]
    findings.extend(_run_checks(ws, checked))
    if selected_files is not None:
        findings = [f for f in findings if f.file in selected_files]
    if strict:
        findings = [f.as_error() if f.severity == "warning" else f for f in findings]
    return sorted(set(findings), key=Finding.sort_key)


def _run_checks(ws: Workspace, records: list[Loaded]) -> Iterator[Finding]:
    where = Locator()
    for check in CHECKS:
        yield from check(ws, records, where)


__all__ = ["CHECKS", "lint"]
