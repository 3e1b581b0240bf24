"""The checks lint runs over every record, and what they find in a whole workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from collabkit.findings import Event, Finding
from collabkit.lint.completeness import check_completeness
from collabkit.lint.handbook import handbook_checks
from collabkit.lint.locate import Locator
from collabkit.lint.plausible import event_list, plausibility_checks
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
    plausibility_checks,
)


@dataclass(frozen=True, slots=True)
class Linted:
    """What lint finds in a whole workspace before `--strict` and `--now`: its findings and
    its event times (each a finding once `now` is before it). A cache can keep it."""

    findings: list[Finding]
    events: list[Event]


def lint_base(ws: Workspace) -> Linted:
    """Every check of every record, and the event times for `future_events`."""
    everything = ws.load()
    checked = [*everything.records, *salvage_all(everything, ws.config)]
    where = Locator()
    findings = [*everything.findings, *run_checks(ws, checked, where)]
    return Linted(sorted(set(findings), key=Finding.sort_key), list(event_list(ws, checked)))


def run_checks(
    ws: Workspace, records: list[Loaded], where: Locator, extra: tuple[Check, ...] = ()
) -> Iterator[Finding]:
    for check in CHECKS + extra:
        yield from check(ws, records, where)
