"""What every record writer (`kinds/`) shares: the record's plan, people, links, YAML blocks and
when an item was done."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from dates import NOW, t, workday_at
from vocab import DEPARTMENTS, PEOPLE


@dataclass
class Spec:
    kind: str
    id: str
    t0: datetime  # when the record starts (creation, meeting, report, request ...)
    fate: str  # normal | overdue | late | draft
    links: list[str]


class Writer:
    def __init__(self, rng: random.Random, open_items: int = 1) -> None:
        self.rng = rng
        # How many items an overdue meeting, notice or requirement leaves open: 1 (one action
        # item, to-do or pending question, as a real workspace), or at least this many (every
        # item of such a record is open then: the stress workspace).
        self.open_items = open_items

    def all_open(self, spec: Spec) -> bool:
        """Whether every item of `spec` stays open (an overdue record, `open_items` > 1)."""
        return spec.fate == "overdue" and self.open_items > 1

    def person(self, dept: str | None = None) -> str:
        dept = dept or self.rng.choice(DEPARTMENTS)
        return self.rng.choice(PEOPLE[dept])[0]

    def two_departments(self) -> tuple[str, str]:
        a, b = self.rng.sample(DEPARTMENTS, 2)
        return a, b


def links(spec: Spec) -> str:
    return f"links: [{', '.join(spec.links)}]\n" if spec.links else ""


def block(text_lines: list[str], indent: str = "  ") -> str:
    return "|\n" + "".join(f"{indent}{line}\n" for line in text_lines)


def done_by(due: datetime, earliest: datetime, rng: random.Random) -> datetime:
    """When an item with deadline `due` (a date) was done on time, not before `earliest`."""
    done = workday_at(
        due - timedelta(days=rng.randint(0, 3)), rng.choice([11, 16, 17]), before=True
    )
    return max(done, earliest)


def item_status(due: datetime, done: datetime, kept_open: bool = False) -> str:
    """An action item's or to-do's status lines: done at `done` if that is past and on time,
    else (or when `kept_open`, the overdue one) open."""
    if not kept_open and done < NOW and done.date() <= due.date():
        return f"    status: done\n    done_at: {t(done)}\n"
    return "    status: open\n"
