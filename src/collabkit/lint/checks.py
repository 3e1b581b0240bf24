"""The checks lint runs over every record, and what they find in a whole workspace."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
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
# What one record file gave: its findings, its events (after the moment asked for), and
# what the checks across records need of it (None when it holds no record that loads).
FilePart = tuple[list[Finding], list[Event], Crossing | None]


@dataclass(frozen=True, slots=True)
class Linted:
    """What lint finds in a whole workspace before `--strict` and `--now`: its findings and
    its event times later than `after` (each a finding once `now` is before it; enough for
    any `now` from `after` on); and the same by file (`files`) and across files (`across`),
    which a cache keeps to check only the files that change."""

    findings: list[Finding]
    events: list[Event]
    after: float = float("-inf")  # POSIX seconds
    files: dict[str, FilePart] = field(default_factory=dict)
    across: list[Finding] = field(default_factory=list)


def lint_base(
    ws: Workspace,
    after: float = float("-inf"),
    kept: Mapping[str, FilePart] | None = None,
    walked: list[tuple[str, bool]] | None = None,
) -> Linted:
    """Every check of every record, and the event times after `after` for `future_events`
    (most of a record's events are long past: they are not even written down). `kept`:
    what files still as they were gave before (by path), not checked again; `walked`: the
    `record_files` of the records folder, when they were just walked. The checks of
    one record at a time run on two cores for many files; those across records run here,
    over what every file gave for them."""
    found, out = ws.files(walked)  # strings: cheaper by the ten thousand
    kept = kept or {}
    prefix = len(str(ws.root).rstrip(os.sep)) + 1
    rels = [path[prefix:].replace(os.sep, "/") for path in found]  # walked from the root
    todo = [Path(path) for path, rel in zip(found, rels, strict=True) if rel not in kept]
    outside = {Path(path) for path in out}
    parts = in_halves(
        lambda part: _check_files(ws, part, outside, after),
        todo,
        threshold=THRESHOLD,
        encode=_plain,
        decode=_unplain,
    )
    fresh = {rel: got for part in parts for rel, got in part.items()}
    files = {rel: kept[rel] if rel in kept else fresh[rel] for rel in rels}
    crossings = [part[2] for part in files.values() if part[2] is not None]
    across = list(cross_checks(ws, crossings, Locator()))
    findings = [f for part in files.values() for f in part[0]] + across
    events = [e for part in files.values() for e in part[1]]
    return Linted(sorted(set(findings), key=Finding.sort_key), events, after, files, across)


def _check_files(
    ws: Workspace, paths: Sequence[Path], outside: set[Path], after: float
) -> dict[str, FilePart]:
    """Load `paths` and run the checks of one record at a time over them, by file."""
    loaded = ws.load(list(paths), outside)
    checked = [*loaded.records, *salvage_all(loaded, ws.config)]
    found: dict[str, FilePart] = {ws.rel(path): ([], [], None) for path in paths}
    for finding in [*loaded.findings, *run_checks(ws, checked, Locator(), checks=ON_EACH)]:
        found.setdefault(finding.file, ([], [], None))[0].append(finding)
    for event in event_list(checked, after):
        found.setdefault(event.file, ([], [], None))[1].append(event)
    for rec in checked:
        findings, events, _ = found.get(rec.file.rel, ([], [], None))
        found[rec.file.rel] = findings, events, Crossing.of(rec)
    return found


def file_part_plain(part: FilePart) -> tuple[Any, ...]:
    """A FilePart as `marshal` data (`file_part` undoes it)."""
    findings, events, crossing = part
    return (
        [tuple(f) for f in findings],
        [tuple(e) for e in events],
        tuple(crossing) if crossing is not None else None,
    )


def file_part(plain: Any) -> FilePart:
    findings, events, crossing = plain  # marshal keeps tuples tuples: paths stay paths
    return (
        [Finding(*f) for f in findings],
        [Event(*e) for e in events],
        Crossing._make(crossing) if crossing is not None else None,
    )


def _plain(found: dict[str, FilePart]) -> Any:
    return {rel: file_part_plain(part) for rel, part in found.items()}


def _unplain(plain: Any) -> dict[str, FilePart]:
    return {rel: file_part(part) for rel, part in plain.items()}


def run_checks(
    ws: Workspace,
    records: list[Loaded],
    where: Locator,
    extra: tuple[Check, ...] = (),
    checks: tuple[Check, ...] = CHECKS,
) -> Iterator[Finding]:
    for check in checks + extra:
        yield from check(ws, records, where)
