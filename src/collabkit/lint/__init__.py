"""`collab lint`: every check of SPEC §8 over the workspace, as findings.

May import: workspace, timing, models, io, i18n and the base modules; never present or cli.
One module per family of checks: `records` (ids, links, names), `completeness`, `timing`
(breaches, estimated years, deadlines on days off), `handbook` (meeting and notice limits),
`plausible` (what a PM would catch: progress, due before sent, impossible event times); and,
when asked for, `trail` (signatures in git) and `against` (ids another branch took too).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from collabkit.findings import Finding, finish
from collabkit.lint.checks import CHECKS, Check, Linted, lint_base, run_checks
from collabkit.lint.locate import Locator, place_on_disk
from collabkit.lint.plausible import event_list
from collabkit.workspace import Workspace
from collabkit.workspace.salvage import salvage_all


def lint(
    ws: Workspace,
    paths: list[Path] | None = None,
    *,
    strict: bool = False,
    now: datetime | None = None,
    trail: bool = False,
    require_signed: bool = False,
    against: str | None = None,
) -> list[Finding]:
    """All findings for the workspace, or for `paths` (checked against the whole workspace).
    With `now`, event times later than it are findings too; `trail` adds the signature checks
    (`require_signed`: git must verify them), `against` the ids that branch REF added too."""
    if paths is None and not (trail or require_signed or against):
        from collabkit.lint.cached import lint_whole

        return _finish(lint_whole(ws, now), ws, strict, now)
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
    extra = _git_checks(trail or require_signed, require_signed, against)
    where = Locator()
    findings.extend(run_checks(ws, checked, where, extra))
    events = list(event_list(checked, now.timestamp())) if now is not None else []
    if selected_files is not None:
        findings = [f for f in findings if f.file in selected_files]
        events = [e for e in events if e.file in selected_files]
    return _finish(Linted(findings, events), ws, strict, now)


def _finish(linted: Linted, ws: Workspace, strict: bool, now: datetime | None) -> list[Finding]:
    language, tz, place = ws.config.language, ws.config.tz, place_on_disk(ws.root)
    return finish(
        linted.findings, linted.events, strict=strict, now=now, language=language, tz=tz,
        place=place,
    )  # fmt: skip


def _git_checks(trail: bool, require_signed: bool, against: str | None) -> tuple[Check, ...]:
    """The checks that ask git (imported only when asked for)."""
    from functools import partial

    checks: list[Check] = []
    if trail:
        from collabkit.lint.trail import trail_checks

        checks.append(partial(trail_checks, require_signed=require_signed))
    if against is not None:
        from collabkit.lint.against import against_checks

        checks.append(partial(against_checks, ref=against))
    return tuple(checks)


__all__ = ["CHECKS", "Linted", "lint", "lint_base"]
