"""The benchmark's results: one row per measurement, printed as a table or written as JSON.

A row is a target row when it has a time, ratio or memory target or a `verdict` (the import
budget, the linear-growth check); its result is PASS or FAIL. Rows without one say `info`.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measure import Run

UNITS = {"s": " s", "x": "x"}  # seconds, a ratio


@dataclass
class Row:
    what: str
    runs: list[float]  # seconds (unit "s") or ratios (unit "x")
    target: float | None = None  # in the row's unit
    note: str = ""
    rss: list[float] = field(default_factory=list)
    rss_target: float | None = None  # MB
    problem: str = ""  # something went wrong (a wrong exit code, invalid output): FAIL
    unit: str = "s"
    verdict: bool | None = None  # a pass/fail that is not a number against a target
    target_text: str = ""  # what the verdict checks, for the target column

    @classmethod
    def of(cls, what: str, runs: list[Run], target: float | None, rss_target: float | None) -> Row:
        """A row of whole-process runs: their seconds and peak RSS."""
        seconds, rss = [r.seconds for r in runs], [r.rss_mb for r in runs]
        return cls(what, seconds, target, rss=rss, rss_target=rss_target)

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")

    @property
    def rss_median(self) -> float | None:
        return statistics.median(self.rss) if self.rss else None

    @property
    def ok(self) -> bool | None:
        """True (PASS), False (FAIL) or None (info: nothing to meet)."""
        if self.problem:
            return False
        checks = [] if self.verdict is None else [self.verdict]
        if self.target is not None:
            checks.append(self.median <= self.target)
        if self.rss_target is not None and self.rss_median is not None:
            checks.append(self.rss_median <= self.rss_target)
        return all(checks) if checks else None

    def misses(self) -> str:
        """How far a failed row is from its targets (`3.2x time, 1.4x memory`)."""
        out = []
        if self.target and self.median > self.target:
            what = "time" if self.unit == "s" else "ratio"
            out.append(f"{_times(self.median / self.target)} {what}")
        rss = self.rss_median
        if self.rss_target and rss is not None and rss > self.rss_target:
            out.append(f"{_times(rss / self.rss_target)} memory")
        return ", ".join(out)

    def target_label(self) -> str:
        parts = []
        if self.target is not None:
            parts.append(f"<= {self.target:.2f}{UNITS[self.unit]}")
        if self.rss_target is not None:
            parts.append(f"<= {self.rss_target:.0f} MB")
        if self.target_text:
            parts.append(self.target_text)
        return ", ".join(parts)


def _times(factor: float) -> str:
    return f"{factor:.1f}x" if factor >= 10 else f"{factor:.2f}x"


def print_table(rows: list[Row], title: str = "") -> None:
    """what | median | min-max | target | result | peak MB | notes."""
    width = max([44, *(len(r.what) for r in rows)])
    twidth = max([18, *(len(r.target_label()) for r in rows)])
    head = (
        f"{'what':<{width}} {'median':>9} {'min-max':>13}  {'target':<{twidth}} "
        f"{'result':<6} {'peak MB':>7}  notes"
    )
    if title:
        print(title)
    print(head)
    print("-" * len(head))
    for row in rows:
        fmt = ".2f" if row.unit == "x" else ".3f"
        median = f"{row.median:{fmt}}{UNITS[row.unit]}" if row.runs else "-"
        spread = f"{min(row.runs):{fmt}}-{max(row.runs):{fmt}}" if len(row.runs) > 1 else ""
        result = {True: "PASS", False: "FAIL", None: "info"}[row.ok]
        rss = f"{row.rss_median:.0f}" if row.rss_median is not None else ""
        notes = [n for n in (row.misses() if row.ok is False else "", row.note) if n]
        print(
            f"{row.what:<{width}} {median:>9} {spread:>13}  {row.target_label():<{twidth}} "
            f"{result:<6} {rss:>7}  {'; '.join(notes)}".rstrip()
        )
        if row.problem:
            print(f"    !! {row.problem}")
    print()


def row_json(row: Row) -> dict[str, Any]:
    return {
        "what": row.what,
        "median": row.median if row.runs else None,
        "runs": row.runs,
        "unit": row.unit,
        "target": row.target,
        "target_text": row.target_text,
        "rss_mb": row.rss,
        "rss_target": row.rss_target,
        "ok": row.ok,
        "note": row.note,
        "problem": row.problem,
    }


def write_json(path: Path, results: dict[str, Any]) -> None:
    """`results`: JSON-ready data in which lists of rows have been turned by `row_json`."""
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
