"""Measure collab's speed and memory against the performance issue's targets (SPEC §10).

    python benchmarks/run.py [--records N] [--repeat K] [--growth 1000,10000,100000 | --no-growth]
    python benchmarks/run.py --quick          # 1,000 records, 2 runs, no growth: a smoke run

Generates two workspaces of N records (default 10,000) in a temporary folder — the realistic
one (`generate.py`'s defaults) and the stress one (`generate.py --stress`: a quarter of the
files with a lint error, ~40,000 overdue rows) — and prints, for each, a table of MEDIANS of K
runs (min–max) against the targets (the stress workspace's are twice the realistic's):

  (a), (b)  loading + validating, every obligation (library, fresh process; info only)
  lint      `collab lint`, cold (no `.collab-cache`), one file changed (information) and
            warm (nothing changed since a run)
  overdue   `collab overdue --format json --now …`: cold, warm, one file changed; on the
            realistic workspace beside Taskwarrior's `task overdue` over as many tasks
            (its own row) and the ratio (≤ 0.6×)
  imports   the warm `overdue` under `python -X importtime`: PASS when it imports none of
            pydantic, yaml_rs, ruamel, holidays, rich, typer
then `collab --help` and the growth table (`growth.py`: cold and warm `overdue` at each size,
seconds per 1,000 records, peak RSS, and whether that stays within 2x: linear).

Whole-process times include Python's start-up; the OS file cache is warm throughout, so
"cold" means collab's own cache is absent, not the disk's. Peak memory is each process's
`ru_maxrss`. Exit status: 0 when every target row passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dates import NOW_ISO
from generate import REALISTIC, STRESS, generate, size
from growth import measure_growth, print_growth
from measure import Spawner, collab_command, compile_collab, repeat, run_process
from report import Row, print_table, row_json, write_json
from suite import HELP, Plan, measure_workspace

WORKSPACES = ("realistic", "stress")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, help="records per workspace (default 10,000)")
    parser.add_argument("--repeat", type=int, help="runs of each measurement (default 5)")
    parser.add_argument("--quick", action="store_true", help="1,000 records, 2 runs, no growth")
    parser.add_argument(
        "--only", choices=WORKSPACES, help="measure one of the two workspaces, not both"
    )
    parser.add_argument(
        "--workspace", type=Path, help="measure this workspace instead (realistic targets)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated workspaces")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--growth", default="1000,10000,100000", help="sizes of the growth table")
    parser.add_argument("--no-growth", action="store_true", help="skip the growth table")
    parser.add_argument("--no-taskwarrior", action="store_true", help="skip the peer and ratio")
    parser.add_argument("--no-library", action="store_true", help="skip the (a)/(b) rows")
    args = parser.parse_args(argv)
    args.records = args.records or (1_000 if args.quick else 10_000)
    args.repeat = max(1, args.repeat or (2 if args.quick else 5))
    args.sizes = [] if args.quick or args.no_growth else [
        int(s.replace("_", "")) for s in args.growth.split(",") if s.strip()
    ]  # fmt: skip
    return args


def workspaces(args: argparse.Namespace, tmp: Path) -> list[tuple[Path, Plan]]:
    """The workspaces to measure, generated when they are not given."""
    common = {"library": not args.no_library}
    if args.workspace:
        plan = Plan("given", lint_exit=None, error_files=None, **common)
        plan.taskwarrior = not args.no_taskwarrior
        return [(args.workspace.resolve(), plan)]
    out = []
    for name in [args.only] if args.only else WORKSPACES:
        root = tmp / name
        shares = STRESS if name == "stress" else REALISTIC
        start = time.perf_counter()
        counts = generate(root, args.records, **shares)  # type: ignore[arg-type]
        made = time.perf_counter() - start
        broken = sum(v for key, v in counts.items() if key.startswith("broken:"))
        if name == "stress":
            plan = Plan(name, 2.0, lint_exit=1, error_files=broken, taskwarrior=False, **common)
        else:
            plan = Plan(name, taskwarrior=not args.no_taskwarrior, **common)
        options = ", ".join(f"{k} {v}" for k, v in shares.items())
        plan.notes.append(f"generated in {made:.1f} s ({options})")
        out.append((root, plan))
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    k = args.repeat
    compile_collab()  # bytecode as an installed collab has it (see compile_collab)
    Spawner.start()  # while this process is still small
    tmp = Path(tempfile.mkdtemp(prefix="collab-bench-"))
    began = time.perf_counter()
    results: dict[str, Any] = {"now": NOW_ISO, "repeat": k, "workspaces": {}}
    every: list[Row] = []
    try:
        print(
            f"--now {NOW_ISO}; {k} runs each; Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} CPUs, {load()}; collab: {' '.join(collab_command())}\n"
        )
        for root, plan in workspaces(args, tmp):
            files, kb = size(root)
            scale = f", targets x{plan.scale:g}" if plan.scale != 1 else ""
            print(f"measuring the {plan.name} workspace ({files:,} files) ...", flush=True)
            rows = measure_workspace(root, plan, k, tmp)
            print_table(
                rows,
                f"== {plan.name} workspace: {files:,} record files, {kb:.2f} KB on average"
                f"{scale} ({root}) ==",
            )
            for note in plan.notes:
                print(f"  {note}")
            print()
            every.extend(rows)
            results["workspaces"][plan.name] = {
                "files": files, "scale": plan.scale, "rows": [row_json(r) for r in rows],
                "notes": plan.notes,
            }  # fmt: skip
        start_up = [
            Row.of("collab --help", repeat(k, lambda: run_process([*collab_command(), "--help"])),
                   HELP, None),
            Row.of("  python -c pass (the floor)",
                   repeat(k, lambda: run_process([sys.executable, "-c", "pass"])), None, None),
        ]  # fmt: skip
        print_table(start_up, "== start-up ==")
        every.extend(start_up)
        results["start_up"] = [row_json(r) for r in start_up]
        if args.sizes:
            sizes = measure_growth(args.sizes, min(k, 3), tmp)
            growth_rows = print_growth(sizes)
            every.extend(growth_rows)
            results["growth"] = {
                "sizes": [s.as_json() for s in sizes], "rows": [row_json(r) for r in growth_rows],
            }  # fmt: skip
        return summary(every, began, args, results)
    finally:
        Spawner.stop()
        if args.keep and not args.workspace:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def summary(
    rows: list[Row], began: float, args: argparse.Namespace, results: dict[str, Any]
) -> int:
    checked = [r for r in rows if r.ok is not None]
    missed = [r for r in checked if not r.ok]
    took = time.perf_counter() - began
    results["seconds"] = took
    if args.json:
        write_json(args.json, results)
    verdict = (
        f"every target met ({len(checked)} rows)"
        if not missed
        else f"{len(missed)} of {len(checked)} target rows FAIL"
    )
    print(f"{verdict}; the whole run took {took / 60:.1f} min; {load(warn=False)}")
    return 1 if missed else 0


def load(warn: bool = True) -> str:
    """The load average; at the start, a warning when something else keeps the CPUs busy (the
    times measured then are not this machine's). At the end it counts this run's own work."""
    if not hasattr(os, "getloadavg"):
        return "load average unknown"
    one, five, _ = os.getloadavg()
    busy = warn and one > 0.75 * (os.cpu_count() or 1)
    return f"load average {one:.2f} (5 min {five:.2f})" + (
        " -- BUSY lately: if something else still runs, times are inflated" if busy else ""
    )


if __name__ == "__main__":
    sys.exit(main())
