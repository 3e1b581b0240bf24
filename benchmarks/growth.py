"""The growth table: `collab overdue --format json` cold and warm on realistic workspaces of
several sizes (default 1,000, 10,000 and 100,000 records), for "cost linear from 1,000 to
100,000 records".

Linear here: the cost per 1,000 records at no size is more than LIMIT times the cost per 1,000
at the smallest size (a fixed start-up cost makes small sizes dearer per record, which is fine;
cost growing faster than the records is not). Checked for cold and warm separately.
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generate import generate
from measure import Run, clear_cache, repeat, run_process
from report import Row
from suite import overdue_argv

LIMIT = 2.0


@dataclass
class Size:
    records: int
    generate_s: float
    cold: list[Run]
    warm: list[Run]

    def per_1000(self, runs: list[Run]) -> float:
        return statistics.median(r.seconds for r in runs) / self.records * 1000

    def median(self, name: str) -> float:
        return statistics.median(r.seconds for r in getattr(self, name))

    def as_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "generate_s": self.generate_s,
            **{
                name: {
                    "seconds": [r.seconds for r in runs],
                    "rss_mb": [r.rss_mb for r in runs],
                    "codes": [r.code for r in runs],
                }
                for name, runs in (("cold", self.cold), ("warm", self.warm))
            },
        }


def measure_growth(sizes: list[int], k: int, tmp: Path) -> list[Size]:
    out = []
    for n in sizes:
        root = tmp / f"growth-{n}"
        start = time.perf_counter()
        generate(root, n)
        made = time.perf_counter() - start
        print(f"  growth: generated {n:,} records in {made:.1f} s, measuring ...", flush=True)
        argv = overdue_argv(root)
        cold = repeat(k, lambda a=argv: run_process(a), lambda _, r=root: clear_cache(r))
        run_process(argv)  # the cache, if any
        warm = repeat(k, lambda a=argv: run_process(a))
        out.append(Size(n, made, cold, warm))
        shutil.rmtree(root, ignore_errors=True)
    return out


def print_growth(sizes: list[Size]) -> list[Row]:
    """The table, then one verdict row each for cold and warm (returned for the exit status)."""
    print("growth: collab overdue --format json on the realistic workspace, medians")
    head = (
        f"{'records':>8} {'cold':>9} {'per 1,000':>10} {'peak MB':>8}   "
        f"{'warm':>9} {'per 1,000':>10} {'peak MB':>8}   {'generated in':>12}"
    )
    print(head)
    print("-" * len(head))
    for s in sizes:
        cells = []
        for runs in (s.cold, s.warm):
            med = statistics.median(r.seconds for r in runs)
            rss = statistics.median(r.rss_mb for r in runs)
            cells.append(f"{med:>8.3f}s {s.per_1000(runs):>9.4f}s {rss:>8.0f}")
        bad = sorted({r.code for r in s.cold + s.warm} - {0})
        print(
            f"{s.records:>8,} {cells[0]}   {cells[1]}   {s.generate_s:>11.1f}s"
            + (f"  !! exit {bad}" if bad else "")
        )
    rows = []
    for name in ("cold", "warm"):
        per = [s.per_1000(getattr(s, name)) for s in sizes]
        worst = max(per) / per[0]
        row = Row(
            f"growth {name}: per 1,000 records, {sizes[0].records:,} -> {sizes[-1].records:,}",
            [worst],
            unit="x",
            verdict=worst <= LIMIT,
            target_text=f"<= {LIMIT:.0f}x the smallest's",
            note=" -> ".join(f"{p:.4f}" for p in per) + " s per 1,000",
        )
        if any(r.code != 0 for s in sizes for r in getattr(s, name)):
            row.problem = "a run did not exit 0"
        rows.append(row)
    line = "linear" if all(r.ok for r in rows) else "NOT linear"
    for row in rows:
        print(
            f"  {row.what}: at most {row.median:.2f}x the smallest size's "
            f"({row.note}): {'PASS' if row.ok else 'FAIL'}"
        )
    for name in ("cold", "warm") if len(sizes) > 1 else ():
        # What each further 1,000 records cost between consecutive sizes: start-up aside.
        steps = [
            (b.median(name) - a.median(name)) / (b.records - a.records) * 1000
            for a, b in itertools.pairwise(sizes)
        ]
        each = " -> ".join(f"{s:.4f} s" for s in steps)
        print(f"  {name}: each further 1,000 records cost {each} (information)")
    print(f"  cost per 1,000 records {'stays' if line == 'linear' else 'does not stay'} within "
          f"{LIMIT:.0f}x from the smallest to the largest size: {line}\n")  # fmt: skip
    return rows
