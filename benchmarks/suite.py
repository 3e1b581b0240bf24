"""The measurements of one workspace: the rows of its table (see run.py and README.md).

    library   (a) load + validate, (b) every obligation — in a fresh process, info only
    lint      `collab lint`, cold, one file changed (information) and warm
    overdue   `collab overdue --format json --now …`, cold, warm and one file changed
    imports   the warm `overdue` once more under `python -X importtime`: the import budget
    peer      Taskwarrior `task overdue` over as many tasks, and the ratio to `overdue` warm

"cold" = no `.collab-cache` in the workspace (removed before each run); "warm" = after a run
that could write it, nothing changed; "one file changed" = a different record file edited (a
comment appended) before each run. Targets are SPEC §10's, times `scale` (2 for the stress
workspace).
"""

from __future__ import annotations

import json
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dates import NOW_ISO
from measure import (
    CACHE_DIRS,
    Run,
    cold_and_warm,
    collab_command,
    collab_with_python,
    repeat,
    run_process,
)
from peer import taskwarrior_runs
from report import Row

# SPEC §10 on the realistic workspace: seconds and MB (None: no target).
TARGETS = {
    "lint cold": (1.2, 300),
    "lint warm": (0.3, 100),
    "overdue cold": (1.0, 300),
    "overdue warm": (0.15, 100),
    "overdue changed": (0.30, None),
}
RATIO = 0.6  # overdue warm ≤ 0.6 × Taskwarrior `task overdue`, same run
HELP = 0.15
# What the warm path (nothing changed) must not import; pydantic_core is pydantic's.
BANNED = ("pydantic", "pydantic_core", "yaml_rs", "ruamel", "holidays", "rich", "typer")


@dataclass
class Plan:
    """What to measure in a workspace and what to expect of it."""

    name: str
    scale: float = 1.0  # the targets' factor
    lint_exit: int | None = 0  # expected `collab lint` exit (None: 0 or 1)
    error_files: int | None = 0  # files expected to have a lint error (None: unknown)
    library: bool = True  # the (a)/(b) rows
    taskwarrior: bool = True  # the peer and the ratio
    notes: list[str] = field(default_factory=list)


def overdue_argv(root: Path, command: list[str] | None = None) -> list[str]:
    command = command or collab_command()
    return [*command, "-C", str(root), "overdue", "--format", "json", "--now", NOW_ISO]


def measure_workspace(root: Path, plan: Plan, k: int, tmp: Path) -> list[Row]:
    rows: list[Row] = []
    if plan.library:
        rows.extend(library_rows(root, k, plan))
    rows.extend(lint_rows(root, k, plan))
    overdue, warm = overdue_rows(root, k, plan)
    if plan.taskwarrior:  # beside `overdue` warm
        records = len(list((root / "records").rglob("*.yaml")))
        overdue[2:2] = peer_rows(records, warm, k, tmp / f"taskwarrior-{plan.name}", plan)
    rows.extend(overdue)
    rows.append(import_budget(root))
    return rows


def target(name: str, plan: Plan) -> tuple[float, float | None]:
    seconds, mb = TARGETS[name]
    return seconds * plan.scale, None if mb is None else mb * plan.scale


# --- (a) and (b): the library, in a fresh process each time ---------------------------------

CHILD = """
import json, sys, time
from datetime import datetime
from pathlib import Path
t0 = time.perf_counter()
from collabkit.bulk import freeze_after_bulk
from collabkit.workspace import Workspace
from collabkit.timing.obligations import Timing
freeze_after_bulk()  # as the `collab` command does
t1 = time.perf_counter()
ws = Workspace.open(Path(sys.argv[1]))
loaded = ws.load()
t2 = time.perf_counter()
timing = Timing.for_config(ws.config)
until = datetime.fromisoformat(sys.argv[2])  # recurring rules yield periods up to `until`
obligations = timing.obligations(loaded.records, until)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "obligations": t3 - t2,
                  "records": len(loaded.records), "findings": len(loaded.findings),
                  "count": len(obligations)}))
"""


def library_rows(root: Path, k: int, plan: Plan) -> list[Row]:
    """(a) and (b), info only; a note instead when the library's API moved under them."""
    results = []
    for _ in range(k):
        run = run_process([sys.executable, "-c", CHILD, str(root), NOW_ISO], stderr=True)
        if run.code != 0:
            last = (run.err.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1]
            plan.notes.append(f"library rows (a)/(b) not measured: exit {run.code}: {last}")
            return []
        results.append(json.loads(run.out))
    first = results[0]
    return [
        Row(
            "(a) load + validate every record (library)",
            [r["load"] for r in results],
            note=f"{first['records']} records read, {first['findings']} findings while reading",
        ),
        Row(
            "(b) every obligation (library)",
            [r["obligations"] for r in results],
            note=f"{first['count']} obligations",
        ),
    ]


# --- lint --------------------------------------------------------------------------------


def lint_rows(root: Path, k: int, plan: Plan) -> list[Row]:
    argv = [*collab_command(), "-C", str(root), "lint"]
    cold, warm = cold_and_warm(argv, root, k)
    changed = one_file_changed(argv, root, k)
    expected = {0, 1} if plan.lint_exit is None else {plan.lint_exit}
    rows = []
    for name, runs in (("cold", cold), ("changed", changed), ("warm", warm)):
        label = "one file changed" if name == "changed" else name
        limits = (None, None) if name == "changed" else target(f"lint {name}", plan)
        row = Row.of(f"collab lint, {label}", runs, *limits)
        codes = {r.code for r in runs}
        if not codes <= expected:
            row.problem = f"exit {sorted(codes)}, expected {sorted(expected)}"
        rows.append(row)
    rows[1].note = "information (the edit is a comment); only that file is checked again"
    if not rows[1].problem and changed[-1].out != cold[-1].out:
        rows[1].problem = "its output differs from the cold run's (the edit is a comment)"
    # What the last warm run found: `path:line:col: severity code message` lines.
    severities: dict[str, int] = {}
    error_files = set()
    for line in warm[-1].out.decode("utf-8", "replace").splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0].endswith(":"):
            severities[parts[1]] = severities.get(parts[1], 0) + 1
            if parts[1] == "error":
                error_files.add(parts[0].split(":")[0])
    found = ", ".join(f"{v} {s}{'s' * (v != 1)}" for s, v in sorted(severities.items()))
    rows[-1].note = f"{found or 'no findings'}; {len(error_files)} files with an error"
    if plan.error_files is not None and len(error_files) != plan.error_files:
        rows[
            -1
        ].problem = (
            f"{len(error_files)} files with a lint error, the generator broke {plan.error_files}"
        )
    return rows


# --- overdue -------------------------------------------------------------------------------


def overdue_rows(root: Path, k: int, plan: Plan) -> tuple[list[Row], list[Run]]:
    argv = overdue_argv(root)
    cold, warm = cold_and_warm(argv, root, k)
    changed = one_file_changed(argv, root, k)
    rows = []
    for name, runs in (("cold", cold), ("warm", warm), ("changed", changed)):
        label = "one file changed" if name == "changed" else name
        what = f"collab overdue --format json, {label}"
        row = Row.of(what, runs, *target(f"overdue {name}", plan))
        codes = {r.code for r in runs}
        items = [_items(r.out) for r in runs]
        if codes != {0} or any(i is None for i in items):
            row.problem = f"exit {sorted(codes)}, JSON {'ok' if None not in items else 'invalid'}"
        elif name == "warm":
            last = items[-1] or []
            row.note = f"{len(last)} items in {len({i['record'] for i in last})} records"
        rows.append(row)
    reference = _items(cold[-1].out)
    for row, runs, why in ((rows[1], warm, ""), (rows[2], changed, " (the edit is a comment)")):
        if not row.problem and _items(runs[-1].out) != reference:
            row.problem = f"its output differs from the cold run's{why}"
    cache = [name for name in CACHE_DIRS if (root / name).exists()]
    rows[0].note = f"cache: {', '.join(cache)}" if cache else "no .collab-cache written"
    return rows, warm


def one_file_changed(argv: list[str], root: Path, k: int) -> list[Run]:
    """k runs of `argv`, a different record file edited (a comment appended) before each;
    every file is as it was afterwards."""
    every = sorted((root / "records").rglob("*.yaml"))
    victims = every[:: max(1, len(every) // k)][:k]
    originals = {p: p.read_bytes() for p in victims}

    def touch(i: int) -> None:
        path = victims[i % len(victims)]
        path.write_bytes(originals[path] + f"# benchmark edit {i}\n".encode())

    try:
        run_process(argv)  # the cache, if any, of the unchanged workspace
        return repeat(k, lambda: run_process(argv), touch)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)


def _items(out: bytes) -> list[dict[str, object]] | None:
    try:
        items = json.loads(out)
    except ValueError:
        return None
    return items if isinstance(items, list) else None


# --- the import budget ---------------------------------------------------------------------


def import_budget(root: Path) -> Row:
    """The warm `overdue` once more under `-X importtime`: PASS when it imports none of BANNED.
    The row's time is the total import time (the sum of every module's own time)."""
    argv = overdue_argv(root, collab_with_python("-X", "importtime"))
    run_process(overdue_argv(root))  # the cache is written, nothing changed since
    run = run_process(argv, stderr=True)
    total = 0.0  # seconds
    banned: dict[str, float] = {}  # a banned package → its import's cumulative seconds
    for line in run.err.decode("utf-8", "replace").splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, cumulative, module = (p.strip() for p in line[len("import time:") :].split("|"))
        total += int(own) / 1e6
        top = module.split(".")[0]
        if top in BANNED:  # the package's outermost import: its largest cumulative time
            banned[top] = max(banned.get(top, 0.0), int(cumulative) / 1e6)
    row = Row(
        "import budget: warm overdue imports",
        [total],
        verdict=not banned,
        target_text="0 banned imports",
    )
    if banned:
        row.note = "imported " + ", ".join(f"{m} {s * 1000:.0f} ms" for m, s in banned.items())
    else:
        row.note = f"none of {', '.join(b for b in BANNED if b != 'pydantic_core')} imported"
    row.note += f"; {total * 1000:.0f} ms importing in all (the time shown)"
    if run.code != 0:
        row.problem = f"exit {run.code} under -X importtime"
    return row


# --- the peer --------------------------------------------------------------------------------


def peer_rows(records: int, warm: list[Run], k: int, data: Path, plan: Plan) -> list[Row]:
    """Taskwarrior beside `overdue` warm: its own row and the ratio row."""
    data.mkdir(parents=True, exist_ok=True)
    tw = taskwarrior_runs(records, 0.10, k, data)
    if tw is None:
        row = Row("overdue warm / task overdue", [], RATIO * plan.scale, unit="x")
        row.problem = "Taskwarrior is not installed (apt-get install taskwarrior): not measured"
        return [row]
    peer = Row.of(f"  Taskwarrior `task overdue`, {records} tasks", tw, None, None)
    peer.note = f"{round(records * 0.10)} overdue"
    ratio = statistics.median(r.seconds for r in warm) / peer.median
    return [peer, Row("  overdue warm / task overdue", [ratio], RATIO * plan.scale, unit="x")]
