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
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import NOW_ISO, generate  # noqa: E402

CACHE_DIRS = (".collab-cache",)  # collab's own cache inside a workspace (see .gitignore)


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    rss_mb: float
    code: int
    out: bytes = b""


@dataclass
class Row:
    what: str
    runs: list[float]
    target: float | None = None  # seconds
    note: str = ""
    rss: list[float] = field(default_factory=list)
    rss_target: float | None = None  # MB
    problem: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def ok(self) -> bool | None:
        if self.problem:
            return False
        checks = []
        if self.target is not None:
            checks.append(self.median <= self.target)
        if self.rss_target is not None and self.rss:
            checks.append(statistics.median(self.rss) <= self.rss_target)
        return all(checks) if checks else None


SPAWNER = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    job = json.loads(line)
    with open(job["out"], "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(job["argv"], cwd=job["cwd"], env=job["env"], stdout=out,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]), flush=True)
"""


class Spawner:
    """Starts the measured processes from a small helper process.

    On Linux a child's peak RSS (`ru_maxrss`) starts from its parent's memory at fork/exec, so
    children of this (growing) script would all report at least its size. The helper stays at
    the size of a bare Python, which is the floor of every RSS reported here.
    """

    _proc: subprocess.Popen[str] | None = None

    @classmethod
    def start(cls) -> None:
        cls._proc = subprocess.Popen(
            [sys.executable, "-c", SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip

    @classmethod
    def stop(cls) -> None:
        if cls._proc is not None:
            assert cls._proc.stdin is not None
            cls._proc.stdin.close()
            cls._proc.wait()
            cls._proc = None

    @classmethod
    def run(cls, argv: list[str], cwd: Path | None, env: dict[str, str] | None) -> Run:
        if cls._proc is None:
            cls.start()
        assert cls._proc is not None and cls._proc.stdin and cls._proc.stdout
        with tempfile.NamedTemporaryFile(delete=False) as out:
            name = out.name
        try:
            job = {"argv": argv, "cwd": str(cwd) if cwd else None, "env": env, "out": name}
            cls._proc.stdin.write(json.dumps(job) + "\n")
            cls._proc.stdin.flush()
            seconds, rss_kb, code = json.loads(cls._proc.stdout.readline())
            return Run(seconds, rss_kb / 1024, code, Path(name).read_bytes())
        finally:
            os.unlink(name)


def run_process(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """One whole process: wall time, peak RSS (from wait4), exit code, stdout."""
    return Spawner.run(argv, cwd, env)


def repeat(
    k: int, once: Callable[[], Run], before: Callable[[int], None] | None = None
) -> list[Run]:
    runs = []
    for i in range(k):
        if before is not None:
            before(i)
        runs.append(once())
    return runs


def clear_cache(root: Path) -> None:
    for name in CACHE_DIRS:
        shutil.rmtree(root / name, ignore_errors=True)


def collab_command() -> list[str]:
    script = Path(sys.executable).parent / "collab"
    return [str(script)] if script.exists() else [sys.executable, "-m", "collabkit"]


# --- (a) and (b): in a fresh process each time -----------------------------------------------

CHILD = """
import inspect, json, sys, time
from datetime import datetime
from pathlib import Path
t0 = time.perf_counter()
from collabkit.store import Workspace
from collabkit.timing import Timing
t1 = time.perf_counter()
ws = Workspace.open(Path(sys.argv[1]))
loaded = ws.load()
t2 = time.perf_counter()
timing = Timing.for_config(ws.config)
until = (datetime.fromisoformat(sys.argv[2]),)  # recurring rules need `until` (if it exists)
until = until if len(inspect.signature(timing.obligations).parameters) > 1 else ()
obligations = timing.obligations(loaded.records, *until)
t3 = time.perf_counter()
again = timing.obligations(loaded.records, *until)
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


# --- Taskwarrior, the peer ---------------------------------------------------------------------


def taskwarrior_runs(n: int, overdue_share: float, k: int, tmp: Path) -> list[Run] | None:
    task = shutil.which("task")
    if task is None:
        return None
    data = tmp / "taskdata"
    data.mkdir()
    rc = tmp / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\ncolor=off\nhooks=off\n"
        "gc=off\nrecurrence=off\n",
        encoding="utf-8",
    )
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    late = round(n * overdue_share)
    tasks = [
        {
            "uuid": f"00000000-0000-4000-8000-{i:012d}",
            "status": "pending",
            "description": f"完成行动项 {i} 输出物与验收",
            "entry": "20250101T010000Z",
            "due": ("20250601T100000Z" if i < late else "20250801T100000Z"),
            "project": f"dept{i % 10}",
        }
        for i in range(n)
    ]
    source = tmp / "tasks.json"
    source.write_text("\n".join(json.dumps(t) for t in tasks), encoding="utf-8")
    subprocess.run([task, "import", str(source)], env=env, check=True, capture_output=True)
    argv = [task, "rc.dateformat=Y-M-D", "overdue"]
    env["TZ"] = "UTC"
    run_process(argv, env=env)  # first run settles Taskwarrior's own files
    return repeat(k, lambda: run_process(argv, env=env))


# --- the report ---------------------------------------------------------------------------------


def fmt_s(x: float) -> str:
    return f"{x:.3f} s"


def print_table(rows: list[Row]) -> None:
    head = (
        f"{'what':<42} {'median':>9} {'min-max':>13} {'target':>9} {'peak RSS':>8} "
        f"{'target':>8}  result"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        ratio = row.note.startswith("ratio")
        unit = "x" if ratio else " s"
        median = f"{row.median:.3f}{unit}" if not ratio else f"{row.median:.2f}{unit}"
        spread = f"{min(row.runs):.3f}-{max(row.runs):.3f}" if len(row.runs) > 1 else ""
        target = f"<= {row.target:.2f}{unit}" if row.target is not None else ""
        rss = f"{statistics.median(row.rss):.0f} MB" if row.rss else ""
        rss_target = f"<= {row.rss_target:.0f}" if row.rss_target is not None else ""
        result = {True: "PASS", False: "MISS", None: "info"}[row.ok]
        note = f"  ({row.note})" if row.note and not ratio else ""
        print(
            f"{row.what:<42} {median:>9} {spread:>13} {target:>9} {rss:>8} {rss_target:>8}  "
            f"{result}{note}"
        )
        if row.problem:
            print(f"    !! {row.problem}")


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
        files = list((root / "records").rglob("*.yaml"))
        kb = sum(f.stat().st_size for f in files) / max(1, len(files)) / 1024
        print(
            f"workspace: {len(files)} record files, {kb:.2f} KB on average; --now {NOW_ISO}; "
            f"{k} runs each, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n"
        )
        rows, extra = measure(root, k, args, tmp)
        print_table(rows)
        for line in extra:
            print(line)
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "records": len(files),
                        "repeat": k,
                        "rows": [
                            {
                                "what": r.what,
                                "median": r.median,
                                "runs": r.runs,
                                "target": r.target,
                                "rss_mb": r.rss,
                                "ok": r.ok,
                            }
                            for r in rows
                        ],
                        "notes": extra,
                    },
                    ensure_ascii=False,
                    indent=1,
                ),
                encoding="utf-8",
            )
        return 1 if any(r.ok is False for r in rows) else 0
    finally:
        Spawner.stop()
        if args.keep and not args.workspace:
            print(f"kept {tmp / 'workspace'}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def measure(root: Path, k: int, args: argparse.Namespace, tmp: Path) -> tuple[list[Row], list[str]]:
    collab = [*collab_command(), "-C", str(root)]
    overdue_argv = [*collab, "overdue", "--format", "json", "--now", NOW_ISO]
    lint_argv = [*collab, "lint"]
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
    lint_cold = repeat(k, lambda: run_process(lint_argv), lambda _: clear_cache(root))
    run_process(lint_argv)
    lint_warm = repeat(k, lambda: run_process(lint_argv))
    lint_rows = []
    for name, runs, target in (("cold", lint_cold, 1.2), ("warm", lint_warm, 0.3)):
        row = Row(
            f"(c) collab lint, {name}",
            [r.seconds for r in runs],
            target,
            rss=[r.rss_mb for r in runs],
            rss_target=300 if name == "cold" else 100,
        )
        codes = {r.code for r in runs}
        if codes != {0}:
            row.problem = f"exit {sorted(codes)}, expected 0 (the generated workspace lints clean)"
        lint_rows.append(row)
    rows.extend(lint_rows)
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
    cold = repeat(k, lambda: run_process(overdue_argv), lambda _: clear_cache(root))
    run_process(overdue_argv)
    warm = repeat(k, lambda: run_process(overdue_argv))
    every = sorted((root / "records").rglob("*.yaml"))
    victims = every[:: max(1, len(every) // k)][:k]  # a different file before each run
    originals = {p: p.read_bytes() for p in victims}

    def touch(i: int) -> None:
        path = victims[i % len(victims)]
        path.write_bytes(originals[path] + f"# benchmark edit {i}\n".encode())

    try:
        run_process(overdue_argv)
        changed = repeat(k, lambda: run_process(overdue_argv), touch)
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
        row = Row(
            f"(d) overdue --format json, {name}",
            [r.seconds for r in runs],
            target,
            rss=[r.rss_mb for r in runs],
            rss_target=rss,
        )
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
        tw_row = Row(
            "    Taskwarrior `task overdue`, same count",
            [r.seconds for r in tw],
            rss=[r.rss_mb for r in tw],
        )
        rows.append(tw_row)
        ratio = statistics.median(r.seconds for r in warm) / tw_row.median
        rows.append(Row("(d) overdue warm / task overdue", [ratio], 0.6, note="ratio, not seconds"))
    else:
        notes.append(
            "Taskwarrior not installed (`apt-get install taskwarrior`): ratio not measured"
        )

    # (e) start-up
    helps = repeat(k, lambda: run_process([*collab_command(), "--help"]))
    rows.append(
        Row("(e) collab --help", [r.seconds for r in helps], 0.15, rss=[r.rss_mb for r in helps])
    )
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
        argv = [*collab_command(), "-C", str(root), "overdue", "--format", "json", "--now", NOW_ISO]
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
