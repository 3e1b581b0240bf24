"""The checks lint runs over every record, and what they find in a whole workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from collabkit.findings import Event, Finding
from collabkit.lint.completeness import check_completeness
from collabkit.lint.handbook import handbook_checks
from collabkit.lint.locate import Locator
from collabkit.lint.plausible import event_list, plausibility_checks
from collabkit.lint.records import Crossing, check_across, check_names, cross_checks
from collabkit.lint.timing import timing_checks
from collabkit.workspace import Loaded, Workspace
from collabkit.workspace.parallel import in_halves
from collabkit.workspace.salvage import salvage_all

Check = Callable[[Workspace, list[Loaded], Locator], Iterable[Finding]]
ON_EACH: tuple[Check, ...] = (  # each looks at one record at a time
    check_names,
    check_completeness,
    timing_checks,
    handbook_checks,
    plausibility_checks,
)
CHECKS: tuple[Check, ...] = (check_across, *ON_EACH)
THRESHOLD = 400  # fewer files: one process (checking a file costs ~0.5 ms, a fork ~15 ms)


@dataclass(frozen=True, slots=True)
class Linted:
    """What lint finds in a whole workspace before `--strict` and `--now`: its findings and
    its event times later than `after` (each a finding once `now` is before it; enough for
    any `now` from `after` on). A cache can keep it."""

    findings: list[Finding]
    events: list[Event]
    after: float = float("-inf")  # POSIX seconds


Part = tuple[list[Finding], list[Event], list[Crossing]]


def lint_base(ws: Workspace, after: float = float("-inf")) -> Linted:
    """Every check of every record, and the event times after `after` for `future_events`
    (most of a record's events are long past: they are not even written down). The checks
    of one record at a time run on two cores for a big workspace; those across records
    run here, over what every record gave for them."""
    paths, outside = ws.walk()
    parts = in_halves(
        lambda part: _lint_part(ws, part, outside, after),
        paths,
        threshold=THRESHOLD,
        encode=_plain,
        decode=_unplain,
    )
    findings = [f for part in parts for f in part[0]]
    crossings = [c for part in parts for c in part[2]]
    findings.extend(cross_checks(ws, crossings, Locator()))
    events = [e for part in parts for e in part[1]]
    return Linted(sorted(set(findings), key=Finding.sort_key), events, after)


def _lint_part(ws: Workspace, paths: Sequence[Path], outside: set[Path], after: float) -> Part:
    """Load `paths` and run the checks of one record at a time over them."""
    loaded = ws.load(list(paths), outside)
    checked = [*loaded.records, *salvage_all(loaded, ws.config)]
    where = Locator()
    findings = [*loaded.findings, *run_checks(ws, checked, where, checks=ON_EACH)]
    events = list(event_list(checked, after))
    return findings, events, [Crossing.of(rec) for rec in checked]


def _plain(part: Part) -> Any:
    findings, events, crossings = part
    return (
        [(f.file, f.line, f.column, f.severity, f.code, f.message) for f in findings],
        [(e.at, e.file, e.loc, e.field) for e in events],
        [tuple(c) for c in crossings],
    )


def _unplain(plain: Any) -> Part:
    findings, events, crossings = plain
    return (
        [Finding(*f) for f in findings],
        [Event(*e) for e in events],
        [Crossing._make(c) for c in crossings],
    )


def run_checks(
    ws: Workspace,
    records: list[Loaded],
    where: Locator,
    extra: tuple[Check, ...] = (),
    checks: tuple[Check, ...] = CHECKS,
) -> Iterator[Finding]:
    for check in checks + extra:
        yield from check(ws, records, where)
