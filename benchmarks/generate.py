"""Write a synthetic collab workspace of N realistic records (default 10,000).

    python benchmarks/generate.py DIR [--records N] [--seed S] [--stress]

Every kind of SPEC §3 (requirement, meeting, issue, collaboration, customer-request, notice),
ids and file names as `collab new` makes them (`<PREFIX>-<YEAR>-<SEQ>`, numbered per prefix and
year in date order), Chinese text, YAML comments, 1–3 KB a file. Everyone named is in the
generated `collab.yaml`. Records span 2024-01 to mid-June 2025; measured at `NOW` (below):

- most records met every deadline on time (older ones are finished, recent ones in progress,
  with deadlines still ahead: `collab due` has something to show);
- a share (`--overdue`, 10 %) has something overdue at `NOW` (an open action item, minutes not
  sent, a pending question unanswered, a proposal without feedback, ...);
- a share (`--late`, 2 %) met a deadline late (a lint *warning*, like a real workspace);
- a few (`--drafts`, 0.5 %) are unfinished drafts (a lint *info*).

Nothing generated is a lint *error*: `collab lint` on the result exits 0 — unless `--broken`
(a share of files, default 0) spoils some files with a mistake each (`mistakes.py`: a status
the kind lacks, a date written the Chinese way, a deleted title), every one a lint error.
`--open-items N` makes every overdue meeting, notice and requirement leave at least N items
open (action items, to-dos, pending questions; default 1: one of them). `--stress` is the
stress workspace of the performance issue: `--overdue 0.9 --broken 0.25 --open-items 8`, a
quarter of the files with a lint error and ~40,000 overdue rows at 10,000 records.

The same seed and options give byte-identical files (the defaults write what the generator
wrote before `--broken` and `--open-items` existed). The only library used is `holidays` (a
collab dependency), to put events on working days.

Here: the plan (kinds, dates, ids, fates, links), `collab.yaml` and the CLI. The records' text
is written by `kinds/` (one module per kind, shared pieces in `writer.py`) from the words in
`vocab.py`; `dates.py` holds `NOW` and the working-day calendar.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

from dates import NOW, NOW_ISO
from kinds import WRITERS
from mistakes import chosen, spoil
from vocab import DEPARTMENTS, PEOPLE
from writer import Spec, Writer

from collabkit.models import DEFAULT_PREFIXES, FOLDERS

START = datetime(2024, 1, 2, 9, 0)  # the first record's earliest moment
PREFIX = DEFAULT_PREFIXES  # the ids and folders collab itself uses
FOLDER = FOLDERS
# The shares of the realistic workspace (the defaults) and of the stress one (`--stress`).
REALISTIC = {"overdue": 0.10, "late": 0.02, "drafts": 0.005, "broken": 0.0, "open_items": 1}
STRESS = {**REALISTIC, "overdue": 0.90, "broken": 0.25, "open_items": 8}
MIX = [
    ("meeting", 22),
    ("requirement", 18),
    ("issue", 18),
    ("collaboration", 15),
    ("customer-request", 15),
    ("notice", 12),
]


def config_text() -> str:
    people = []
    for dept, members in PEOPLE.items():
        people.append(f"  # {dept}\n")
        people.extend(
            f"  - {{name: {n}, department: {dept}, email: {p}@example.com, title: {title}}}\n"
            for n, p, title in members
        )
    return (
        "# collab 基准测试工作区(benchmarks/generate.py 生成,勿手改)\n"
        "language: zh\ntimezone: Asia/Shanghai\n"
        'calendar:\n  country: CN\n  work_hours: ["09:00-12:00", "13:00-18:00"]\n'
        "  extra_holidays: []\n  extra_workdays: []\n"
        "ids:\n"
        + "".join(f"  {k}: {v}\n" for k, v in PREFIX.items())
        + f"departments: [{', '.join(DEPARTMENTS)}]\n"
        "people:\n" + "".join(people) + "rules: {}\n"
    )


def plan(n: int, rng: random.Random, overdue: float, late: float, drafts: float) -> list[Spec]:
    """Kinds, dates, ids (numbered per prefix and year in date order), fates and links."""
    kinds = [k for k, w in MIX for _ in range(w)]
    span = (NOW - timedelta(days=2) - START).total_seconds()
    raw = []
    for _ in range(n):
        kind = rng.choice(kinds)
        t0 = START + timedelta(seconds=rng.random() * span)
        roll = rng.random()
        fate = (
            "draft"
            if roll < drafts
            else "late"
            if roll < drafts + late
            else "overdue"
            if roll < drafts + late + overdue
            else "normal"
        )
        raw.append((kind, t0, fate))
    raw.sort(key=lambda r: r[1])
    seq: dict[tuple[str, int], int] = {}
    specs = []
    for kind, t0, fate in raw:
        key = (PREFIX[kind], t0.year)
        seq[key] = seq.get(key, 0) + 1
        specs.append(Spec(kind, f"{key[0]}-{key[1]}-{seq[key]:03d}", t0, fate, []))
    # Links point back at earlier records (a meeting discusses a requirement, a notice's to-do
    # follows a meeting's action item A1, which every held meeting has).
    for i, spec in enumerate(specs):
        if i > 10 and spec.fate != "draft" and rng.random() < 0.3:
            target = specs[rng.randrange(max(0, i - 200), i)]
            if target.fate != "draft":
                ref = target.id
                if (
                    target.kind == "meeting"
                    and spec.kind == "notice"
                    and target.t0 < NOW - timedelta(days=1)
                ):
                    ref += "/A1"
                spec.links.append(ref)
    return specs


def generate(
    root: Path,
    records: int = 10_000,
    *,
    seed: int = 20240914,
    overdue: float = 0.10,
    late: float = 0.02,
    drafts: float = 0.005,
    broken: float = 0.0,
    open_items: int = 1,
) -> dict[str, int]:
    """Write the workspace under `root` (which must be empty or absent); counts by kind, fate
    and mistake (`broken:date` …)."""
    rng = random.Random(seed)
    if root.exists() and any(root.iterdir()):
        raise SystemExit(f"generate.py: {root} is not empty")
    root.mkdir(parents=True, exist_ok=True)
    (root / "collab.yaml").write_text(config_text(), encoding="utf-8")
    for folder in FOLDER.values():
        (root / "records" / folder).mkdir(parents=True, exist_ok=True)
    writer = Writer(rng, open_items)
    counts: dict[str, int] = {}
    spoiled = chosen(records, broken, seed)  # from its own random stream, not `rng`
    for i, spec in enumerate(plan(records, rng, overdue, late, drafts)):
        text = WRITERS[spec.kind](writer, spec)
        if i in spoiled:
            text, mistake = spoil(text, spec.kind, spoiled[i])
            counts[f"broken:{mistake}"] = counts.get(f"broken:{mistake}", 0) + 1
        path = root / "records" / FOLDER[spec.kind] / f"{spec.id}.yaml"
        path.write_text(text, encoding="utf-8")
        counts[spec.kind] = counts.get(spec.kind, 0) + 1
        counts[spec.fate] = counts.get(spec.fate, 0) + 1
    return counts


def size(root: Path) -> tuple[int, float]:
    """How many record files `root` has, and their average size in KB."""
    files = list((root / "records").rglob("*.yaml"))
    return len(files), sum(f.stat().st_size for f in files) / max(1, len(files)) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="the workspace folder to create (empty or absent)")
    parser.add_argument("--records", type=int, default=10_000, help="how many (default 10,000)")
    parser.add_argument("--seed", type=int, default=20240914)
    parser.add_argument(
        "--stress", action="store_true", help="the stress shares (below) instead of the realistic"
    )
    shares = (
        ("overdue", float, "share with something overdue"),
        ("late", float, "share that met a deadline late"),
        ("drafts", float, "share of unfinished drafts"),
        ("broken", float, "share of files with a lint error"),
        ("open_items", int, "items an overdue meeting, notice or requirement leaves open"),
    )
    for name, kind, text in shares:
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            type=kind,
            help=f"{text} (default {REALISTIC[name]}; --stress {STRESS[name]})",
        )
    parser.add_argument("--force", action="store_true", help="empty DIR first")
    args = parser.parse_args(argv)
    if args.force and args.dir.exists():
        shutil.rmtree(args.dir)
    base = STRESS if args.stress else REALISTIC
    options = {k: base[k] if getattr(args, k) is None else getattr(args, k) for k in base}
    counts = generate(args.dir, args.records, seed=args.seed, **options)
    files, kb = size(args.dir)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(
        f"{files} records in {args.dir} ({kb:.2f} KB on average; "
        f"{summary}); measure at --now {NOW_ISO}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
