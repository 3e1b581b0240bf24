"""One obligation: a deadline something must meet, and which of them are overdue or due.

Light on purpose (the standard library only): the fast read path builds obligations from
the record cache, picks what is overdue or due, and writes the JSON of SPEC §4 with this
module alone, without loading records, rules or the calendar. A cached obligation is a
row, a plain tuple (`as_row` / `from_row`) that `marshal` stores.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

State = Literal["open", "overdue", "met", "breach"]
Row = tuple[Any, ...]
ESTIMATED_MARK = "≈"


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and we build many
class Obligation:
    """One deadline that something must meet."""

    record: str
    kind: str
    item: str | None
    rule: str
    what: str
    owner: str | None
    department: str | None
    due: datetime
    met_at: datetime | None
    met: bool
    file: str
    loc: tuple[str | int, ...]  # where in the file
    estimated_years: frozenset[int] = frozenset()
    recurring: bool = False  # one period of a recurring rule; `item` names the period
    missed_before: int = 0  # set by `overdue`: earlier periods of the same rule also missed
    title: str | None = None  # the record's title, for listings
    working: bool = False  # the deadline counts working time (a wd / wh rule): say it so
    begins: datetime | None = None  # a recurring period's first moment
    line: int | None = None  # the line `loc` is on, when known (see query.Snapshot.line_of)

    @property
    def ref(self) -> str:
        return f"{self.record}/{self.item}" if self.item else self.record

    def problem(self, language: str) -> str | None:
        """Why the deadline is estimated, and the fix; None when it is exact."""
        if not self.estimated_years:
            return None
        from collabkit import i18n

        years = ", ".join(str(y) for y in sorted(self.estimated_years))
        return i18n.text("estimated.problem", language, years=years)

    def state(self, now: datetime) -> State:
        if self.met:
            return "breach" if self.met_at is not None and self.met_at > self.due else "met"
        return "overdue" if now > self.due else "open"

    def as_json(self, line: int | None, language: str) -> dict[str, Any]:
        """The JSON item of SPEC §4."""
        item: dict[str, Any] = {
            "record": self.record,
            "kind": self.kind,
            "item": self.item,
            "rule": self.rule,
            "what": self.what,
            "owner": self.owner,
            "department": self.department,
            "due": self.due.isoformat(timespec="seconds"),
            "file": self.file,
            "line": line,
        }
        if self.estimated_years:
            item["estimated"] = True
            item["problem"] = self.problem(language)
        if self.missed_before:
            item["missed_before"] = self.missed_before
        return item

    def as_row(self) -> Row:
        """The obligation as plain values: (due, met, begins) as POSIX seconds first, for
        choosing rows without building objects, then every field."""
        begins = self.begins.timestamp() if self.begins is not None else None
        met_at = self.met_at.isoformat() if self.met_at is not None else None
        return (
            self.due.timestamp(), self.met, begins, self.record, self.kind, self.item,
            self.rule, self.what, self.owner, self.department, self.due.isoformat(), met_at,
            self.file, self.loc, tuple(sorted(self.estimated_years)), self.recurring,
            self.title, self.working, self.line,
        )  # fmt: skip

    @classmethod
    def from_row(cls, row: Row) -> Obligation:
        (_, met, begins, record, kind, item, rule, what, owner, department, due, met_at,
         file, loc, estimated, recurring, title, working, line) = row  # fmt: skip
        return cls(
            record, kind, item, rule, what, owner, department, datetime.fromisoformat(due),
            datetime.fromisoformat(met_at) if met_at is not None else None, met, file,
            tuple(loc), frozenset(estimated), recurring, 0, title, working,
            datetime.fromtimestamp(begins, UTC) if begins is not None else None, line,
        )  # fmt: skip


def rows_until(rows: Iterable[Row], until: float) -> Iterator[Row]:
    """The rows a run up to `until` (POSIX seconds) has: every period of a recurring rule
    up to the one holding `until`, and every other obligation."""
    return (row for row in rows if row[2] is None or row[2] <= until)


def open_rows(rows: Iterable[Row], before: float) -> list[Row]:
    """The unmet rows due at or before `before` (POSIX seconds)."""
    return [row for row in rows if not row[1] and row[0] <= before]


def overdue(obligations: Iterable[Obligation], now: datetime) -> list[Obligation]:
    """Unmet obligations past their deadline at `now`, most overdue first. Of a recurring
    rule only the latest missed period of each record is listed, counting the others."""
    late: list[Obligation] = []
    latest: dict[tuple[str, str], Obligation] = {}
    missed: Counter[tuple[str, str]] = Counter()
    for ob in obligations:
        if ob.met or now <= ob.due:
            continue
        if not ob.recurring:
            late.append(ob)
            continue
        key = (ob.record, ob.rule)
        missed[key] += 1
        if key not in latest or ob.due >= latest[key].due:  # periods come in order
            latest[key] = ob
    late += [replace(ob, missed_before=missed[key] - 1) for key, ob in latest.items()]
    return sorted(late, key=_order)


def due_between(
    obligations: Iterable[Obligation], now: datetime, until: datetime
) -> list[Obligation]:
    """Unmet obligations due from `now` to `until`, soonest first."""
    upcoming = [ob for ob in obligations if not ob.met and now <= ob.due <= until]
    return sorted(upcoming, key=_order)


def _order(ob: Obligation) -> tuple[datetime, str, str, str]:
    return (ob.due, ob.record, ob.item or "", ob.rule)
