"""How a table fits a terminal: which columns stay, and how wide each one is.

Ids and dates are never cut. On a narrow terminal the droppable columns go first (for
deadline tables: the rule, then the department), the rest wrap with a fair share each (the
widest shrink first), and a date column may put its weekday on a second line but never
breaks the date or the time. When even that cannot fit, the caller prints plain lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

COMFORTABLE = 8  # a wrapped column narrower than this (four CJK characters) is hard to read
NARROWEST = 4  # and narrower than this it is unreadable
DATE_TIME = 16  # '2024-10-12 23:59': the part of a date cell that never breaks


@dataclass(frozen=True, slots=True)
class Column:
    """A column's natural width (its widest cell) and how it may be narrowed."""

    natural: int
    kind: str = "wrap"  # 'wrap', 'whole' (ids: never narrower) or 'date' (weekday may wrap)

    def floor(self, least: int) -> int:
        if self.kind == "whole":
            return self.natural
        if self.kind == "date":
            return min(self.natural, DATE_TIME)
        return min(self.natural, least)


@dataclass(frozen=True, slots=True)
class Plan:
    """The columns kept (indexes into the table's) and the width of each."""

    kept: tuple[int, ...]
    widths: tuple[int, ...]


def plan(
    columns: Sequence[Column], droppable: Sequence[int], width: int, spacing: int
) -> Plan | None:
    """How to show `columns` on a terminal `width` wide, `spacing` taken by each gap between
    two columns: all of them as they are if they fit; else drop the droppable ones one by
    one, wrapping the rest comfortably as soon as that fits; else wrap them narrowly; else
    None (they cannot fit)."""
    kept = list(range(len(columns)))

    def fitted(least: int | None) -> Plan | None:
        shown = [columns[i] for i in kept]
        available = width - spacing * (len(kept) - 1)
        if least is None:
            natural = [c.natural for c in shown]
            return Plan(tuple(kept), tuple(natural)) if sum(natural) <= available else None
        widths = share(shown, available, least)
        return Plan(tuple(kept), tuple(widths)) if widths is not None else None

    found = fitted(None)
    for column in droppable:
        if found is not None:
            return found
        kept.remove(column)
        found = fitted(None) or fitted(COMFORTABLE)
    return found or fitted(NARROWEST)


def share(columns: Sequence[Column], available: int, least: int) -> list[int] | None:
    """Widths that fit `available`: every column at least its floor, the widest wrapped
    columns narrowed first (one cap for all); dates keep their weekday while they can."""
    for date_floor in (False, True):
        floors = [
            c.natural if c.kind == "date" and not date_floor else c.floor(least) for c in columns
        ]
        if sum(floors) > available:
            continue
        low, high = 0, max(c.natural for c in columns)
        while low < high:  # the largest cap that fits
            cap = (low + high + 1) // 2
            if (
                sum(max(f, min(c.natural, cap)) for c, f in zip(columns, floors, strict=True))
                <= available
            ):
                low = cap
            else:
                high = cap - 1
        return [max(f, min(c.natural, low)) for c, f in zip(columns, floors, strict=True)]
    return None
