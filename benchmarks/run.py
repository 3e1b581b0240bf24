"""Measure collab's speed and memory on a workspace of N generated records (SPEC §10).

    python benchmarks/run.py [--records N] [--repeat K] [--workspace DIR] [--json FILE]

Builds the workspace with `generate.py` in a temporary folder (unless `--workspace` names one),
then times, K times each, and prints the MEDIANS (with min–max) beside the SPEC §10 targets:

  (a) loading + validating every record (`Workspace.open(root).load()`, in a fresh process)
  (b) computing every obligation of the parsed records (`Timing.for_config` + `obligations`)
  (c) `collab lint`, end to end as a subprocess, cold (no `.collab-cache`) and warm
  (d) `collab overdue --format json`, end to end: cold, warm, and with one file changed
  (e) `collab --help` start-up
  and, when Taskwarrior (`task`) is installed, `task overdue` over as many tasks, in the same
  run, for the SPEC's "≤ 0.6x Taskwarrior" target. Peak memory (max RSS) of each subprocess
  is read from `wait4`. `--growth 1000,10000,100000` also times a cold `collab overdue` at
  each size, for the "linear to 100,000" target.

Whole-process times include Python's start-up; the OS file cache is warm throughout (every
file was just written or read), so "cold" means collab's own cache is absent, not the disk's.
Exit status: 0 when every target is met, 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dates import NOW_ISO
from generate import generate, size
from measure import (
    CACHE_DIRS,
    Spawner,
    clear_cache,
    cold_and_warm,
    collab_command,
    repeat,
    run_process,
)
from peer import taskwarrior_runs
from report import Row, print_table, write_json

# --- (a) and (b): in a fresh process each time -----------------------------------------------

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
again = timing.obligations(loaded.records, until)
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "obligations": t3 - t2,
                  "obligations_again": t4 - t3, "records": len(loaded.records),
                  "findings": len(loaded.findings), "count": len(obligations)}))
"""


def library_runs(root: Path, k: int) -> list[dict[str, float]]:
    results = []
    for _ in range(k):
        run = run_process([sys.executable, "-c", CHILD, str(root), NOW_ISO])
        if run.code != 0:
            raise SystemExit(f"run.py: the library measurement failed (exit {run.code})")
        results.append(json.loads(run.out))
    return results


def overdue_argv(root: Path) -> list[str]:
    return [*collab_command(), "-C", str(root), "overdue", "--format", "json", "--now", NOW_ISO]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measurement")
    parser.add_argument("--workspace", type=Path, help="use this workspace (default: generate)")
    parser.add_argument("--keep", action="store_true", help="keep the generated workspace")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--growth", default="", help="sizes for the growth check, e.g. 1000,10000")
    parser.add_argument("--no-taskwarrior", action="store_true")
    args = parser.parse_args(argv)
    k = max(1, args.repeat)
    Spawner.start()  # while this process is still small

    tmp = Path(tempfile.mkdtemp(prefix="collab-bench-"))
    try:
        if args.workspace:
            root = args.workspace.resolve()
        else:
            root = tmp / "workspace"
            start = time.perf_counter()
            generate(root, args.records)
            print(
                f"generated {args.records} records in {root} ({time.perf_counter() - start:.1f} s)"
            )
        files, kb = size(root)
        print(
            f"workspace: {files} record files, {kb:.2f} KB on average; --now {NOW_ISO}; "
            f"{k} runs each, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n"
        )
        rows, extra = measure(root, k, args, tmp)
        print_table(rows)
        for line in extra:
            print(line)
        if args.json:
            write_json(args.json, files, k, rows, extra)
        return 1 if any(r.ok is False for r in rows) else 0
    finally:
        Spawner.stop()
        if args.keep and not args.workspace:
            print(f"kept {tmp / 'workspace'}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def measure(root: Path, k: int, args: argparse.Namespace, tmp: Path) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    notes: list[str] = []

    # (a), (b)
    lib = library_runs(root, k)
    first = lib[0]
    rows.append(
        Row(
            "(a) load + validate every record (library)",
            [r["load"] for r in lib],
            note=f"{first['records']} records, {first['findings']} unreadable",
        )
    )
    rows.append(
        Row(
            "(b) every obligation (library)",
            [r["obligations"] for r in lib],
            0.30,
            note=f"{first['count']} obligations",
        )
    )
    rows.append(Row("    (b) again in the same process", [r["obligations_again"] for r in lib]))

    # (c) lint
    lint_cold, lint_warm = cold_and_warm([*collab_command(), "-C", str(root), "lint"], root, k)
    for name, runs, target, rss in (("cold", lint_cold, 1.2, 300), ("warm", lint_warm, 0.3, 100)):
        row = Row.of(f"(c) collab lint, {name}", runs, target, rss)
        codes = {r.code for r in runs}
        if codes != {0}:
            row.problem = f"exit {sorted(codes)}, expected 0 (the generated workspace lints clean)"
        rows.append(row)
    findings = lint_warm[-1].out.decode("utf-8", "replace").splitlines()
    kinds: dict[str, int] = {}
    for line in findings:
        parts = line.split()
        if len(parts) >= 3:
            kinds[f"{parts[1]} {parts[2]}"] = kinds.get(f"{parts[1]} {parts[2]}", 0) + 1
    notes.append(
        f"lint findings: {len(findings)} "
        f"({', '.join(f'{v} {n}' for n, v in sorted(kinds.items())) or 'none'})"
    )

    # (d) overdue: cold, warm, one file changed
    argv = overdue_argv(root)
    cold, warm = cold_and_warm(argv, root, k)
    every = sorted((root / "records").rglob("*.yaml"))
    victims = every[:: max(1, len(every) // k)][:k]  # a different file before each run
    originals = {p: p.read_bytes() for p in victims}

    def touch(i: int) -> None:
        path = victims[i % len(victims)]
        path.write_bytes(originals[path] + f"# benchmark edit {i}\n".encode())

    try:
        run_process(argv)
        changed = repeat(k, lambda: run_process(argv), touch)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    try:
        items = json.loads(warm[-1].out)
        notes.append(f"overdue: {len(items)} items in {len({i['record'] for i in items})} records")
    except ValueError:
        items = None
    for name, runs, target, rss in (
        ("cold", cold, 1.0, 300),
        ("warm", warm, 0.15, 100),
        ("1 file changed", changed, 0.30, None),
    ):
        row = Row.of(f"(d) overdue --format json, {name}", runs, target, rss)
        codes = {r.code for r in runs}
        if codes != {0} or items is None:
            row.problem = f"exit {sorted(codes)}; JSON {'ok' if items is not None else 'invalid'}"
        rows.append(row)
    cache = [name for name in CACHE_DIRS if (root / name).exists()]
    notes.append(
        f"collab cache: {', '.join(cache)}"
        if cache
        else "collab cache: none written (so warm and cold do the same work)"
    )

    # Taskwarrior, the peer, over as many tasks
    tw = None if args.no_taskwarrior else taskwarrior_runs(len(every), 0.10, k, tmp)
    if tw:
        tw_row = Row.of("    Taskwarrior `task overdue`, same count", tw, None, None)
        rows.append(tw_row)
        ratio = statistics.median(r.seconds for r in warm) / tw_row.median
        rows.append(Row("(d) overdue warm / task overdue", [ratio], 0.6, note="ratio, not seconds"))
    else:
        notes.append(
            "Taskwarrior not installed (`apt-get install taskwarrior`): ratio not measured"
        )

    # (e) start-up
    helps = repeat(k, lambda: run_process([*collab_command(), "--help"]))
    rows.append(Row.of("(e) collab --help", helps, 0.15, None))
    floor = repeat(k, lambda: run_process([sys.executable, "-c", "pass"]))
    notes.append(f"floor: python -c pass {statistics.median(r.seconds for r in floor):.3f} s")

    if args.growth:
        notes.extend(growth(args.growth, k, tmp))
    return rows, notes


def growth(sizes: str, k: int, tmp: Path) -> list[str]:
    """Cold `collab overdue` at several sizes: seconds per 1,000 records should stay flat."""
    out = ["growth (collab overdue --format json, cold):"]
    for n in (int(s) for s in sizes.split(",") if s.strip()):
        root = tmp / f"growth-{n}"
        generate(root, n)
        argv = overdue_argv(root)
        runs = repeat(
            max(1, min(k, 3)), lambda a=argv: run_process(a), lambda _, r=root: clear_cache(r)
        )
        med = statistics.median(r.seconds for r in runs)
        rss = statistics.median(r.rss_mb for r in runs)
        out.append(f"  {n:>7} records: {med:.3f} s, {med / n * 1000:.3f} s per 1,000, {rss:.0f} MB")
        shutil.rmtree(root, ignore_errors=True)
    return out


if __name__ == "__main__":
    sys.exit(main())
