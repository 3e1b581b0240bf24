"""Which cached listings are overdue or due, and in what order: what the fast read path
needs of obligations, without building them (the standard library only, and light: no
dataclasses; `timing.obligation` uses `late_ones` for real obligations too)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from operator import itemgetter
from typing import Any, TypeVar

from collabkit.io.jsonout import with_key

# An unmet obligation as listings need it: (due, period begins, record, item, rule,
# recurring, owner, department, JSON item text)
Listed = tuple[float, float | None, str, str, str, bool, str | None, str | None, str]
T = TypeVar("T")
# what a Listed is due, recurring, grouped and ordered by
_DUE, _RECURRING, _GROUP, _ORDER = (
    itemgetter(0),
    itemgetter(5),
    itemgetter(2, 4),
    itemgetter(0, 2, 3, 4),
)


def overdue_listed(listed: Iterable[Listed], now: datetime) -> list[str]:
    """`overdue` of cached listings: the JSON text of each item, most overdue first."""
    picked = late_ones(listed, now.timestamp(), _never, _DUE, _RECURRING, _GROUP)
    picked.sort(key=lambda pair: _ORDER(pair[0]))
    return [with_key(x[8], "missed_before", n) if n else x[8] for x, n in picked]


def due_listed(listed: Iterable[Listed], now: datetime, until: datetime) -> list[str]:
    """`due_between` of cached listings: the JSON text of each item, soonest first."""
    first, last = now.timestamp(), until.timestamp()
    return [x[8] for x in sorted((x for x in listed if first <= x[0] <= last), key=_ORDER)]


def late_ones(
    items: Iterable[T],
    now: Any,
    met: Callable[[T], bool],
    due: Callable[[T], Any],
    recurring: Callable[[T], bool],
    group: Callable[[T], Any],
) -> list[tuple[T, int]]:
    """The unmet items due before `now`, each with how many earlier periods of its
    recurring rule were missed too; of a recurring rule only each record's latest."""
    late: list[tuple[T, int]] = []
    latest: dict[Any, T] = {}
    missed: Counter[Any] = Counter()
    for item in items:
        if met(item) or now <= due(item):
            continue
        if not recurring(item):
            late.append((item, 0))
            continue
        key = group(item)
        missed[key] += 1
        if key not in latest or due(item) >= due(latest[key]):  # periods come in order
            latest[key] = item
    late += [(item, missed[key] - 1) for key, item in latest.items()]
    return late


def _never(_: Any) -> bool:
    return False
