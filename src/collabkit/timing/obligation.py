"""One obligation: a deadline something must meet, and which of them are overdue or due.

Light on purpose (the standard library only): the fast read path builds obligations from
the record cache, picks what is overdue or due, and writes the JSON of SPEC §4 with this
module alone, without loading records, rules or the calendar. A cached obligation is a
row, a plain tuple (`as_row` / `from_row`) that `marshal` stores.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any, Literal

from collabkit.io.jsonout import item_text
from collabkit.timing.listing import Listed, late_ones

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
        return problem_text(self.estimated_years, language) if self.estimated_years else None

    def state(self, now: datetime) -> State:
        if self.met:
            return "breach" if self.met_at is not None and self.met_at > self.due else "met"
        return "overdue" if now > self.due else "open"

    def as_json(self, line: int | None, language: str) -> dict[str, Any]:
        """The JSON item of SPEC §4."""
        fields = (self.record, self.kind, self.item, self.rule, self.what, self.owner)
        due = self.due.isoformat(timespec="seconds")
        years = tuple(self.estimated_years)
        return json_item((*fields, self.department), due, self.file, line, years,
                         self.missed_before, language)  # fmt: skip

    def as_listed(self, language: str) -> Listed:
        """What listing the obligation needs when it is unmet: when it is due, how it sorts
        and groups, whom it is for, and its JSON item already encoded (`Listed`)."""
        begins = self.begins.timestamp() if self.begins is not None else None
        text = item_text(self.as_json(self.line, language))
        return (self.due.timestamp(), begins, self.record, self.item or "", self.rule,
                self.recurring, self.owner, self.department, text)  # fmt: skip

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


def overdue(obligations: Iterable[Obligation], now: datetime) -> list[Obligation]:
    """Unmet obligations past their deadline at `now`, most overdue first. Of a recurring
    rule only the latest missed period of each record is listed, counting the others."""
    picked = late_ones(obligations, now, _MET, _DUE, _RECURRING, _GROUP)
    late = [replace(ob, missed_before=missed) if ob.recurring else ob for ob, missed in picked]
    return sorted(late, key=_order)


def due_between(
    obligations: Iterable[Obligation], now: datetime, until: datetime
) -> list[Obligation]:
    """Unmet obligations due from `now` to `until`, soonest first."""
    upcoming = [ob for ob in obligations if not ob.met and now <= ob.due <= until]
    return sorted(upcoming, key=_order)


def json_item(
    fields: tuple[Any, ...],
    due: str,
    file: str,
    line: int | None,
    estimated: tuple[int, ...],
    missed_before: int,
    language: str,
) -> dict[str, Any]:
    """The JSON item of SPEC §4 from plain values; `fields` are (record, kind, item, rule,
    what, owner, department)."""
    record, kind, item, rule, what, owner, department = fields
    found: dict[str, Any] = {
        "record": record, "kind": kind, "item": item, "rule": rule, "what": what,
        "owner": owner, "department": department, "due": due, "file": file, "line": line,
    }  # fmt: skip
    if estimated:
        found["estimated"] = True
        found["problem"] = problem_text(estimated, language)
    if missed_before:
        found["missed_before"] = missed_before
    return found


def problem_text(years: Iterable[int], language: str) -> str:
    """Why a deadline is estimated, and the fix."""
    from collabkit import i18n

    shown = ", ".join(map(str, sorted(years)))
    return i18n.text("estimated.problem", language, years=shown)


_MET, _DUE, _RECURRING = attrgetter("met"), attrgetter("due"), attrgetter("recurring")
_GROUP = attrgetter("record", "rule")
def _order(ob: Obligation) -> tuple[datetime, str, str, str]:
    return (ob.due, ob.record, ob.item or "", ob.rule)
