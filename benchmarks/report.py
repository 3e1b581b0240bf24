"""The benchmark's results: one row per measurement, printed as a table or written as JSON."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from measure import Run


@dataclass
class Row:
    what: str
    runs: list[float]
    target: float | None = None  # seconds
    note: str = ""
    rss: list[float] = field(default_factory=list)
    rss_target: float | None = None  # MB
    problem: str = ""

    @classmethod
    def of(cls, what: str, runs: list[Run], target: float | None, rss_target: float | None) -> Row:
        """A row of whole-process runs: their seconds and peak RSS."""
        seconds, rss = [r.seconds for r in runs], [r.rss_mb for r in runs]
        return cls(what, seconds, target, rss=rss, rss_target=rss_target)

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


def write_json(path: Path, records: int, k: int, rows: list[Row], notes: list[str]) -> None:
    results = [
        {
            "what": r.what,
            "median": r.median,
            "runs": r.runs,
            "target": r.target,
            "rss_mb": r.rss,
            "ok": r.ok,
        }
        for r in rows
    ]
    path.write_text(
        json.dumps(
            {"records": records, "repeat": k, "rows": results, "notes": notes},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
