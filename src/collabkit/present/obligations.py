"""Obligations as people and programs read them: the JSON item of SPEC §4 and table rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from collabkit.i18n import Texts
from collabkit.i18n.formats import local_time
from collabkit.query import Snapshot
from collabkit.query.days import weekday_text
from collabkit.timing.obligation import ESTIMATED_MARK, Obligation
from collabkit.timing.obligations import Timing

When = Callable[[Timing, Obligation, datetime], str]


def obligation_json(ob: Obligation, snapshot: Snapshot) -> dict[str, Any]:
    """The JSON item of SPEC §4."""
    return ob.as_json(snapshot.line_of(ob), snapshot.timing.language)


def due_text(ob: Obligation, timing: Timing) -> str:
    """The deadline in the workspace zone with its weekday ('2024-10-12 23:59 周六(班)'),
    marked when it rests on an estimated year."""
    tz = timing.calendar.tz
    weekday = weekday_text(timing.calendar, ob.due.astimezone(tz).date(), Texts(timing.language))
    shown = f"{local_time(ob.due, tz)} {weekday}"
    return f"{shown} {ESTIMATED_MARK}" if ob.estimated_years else shown


COLUMNS = ("record", "title", "rule", "what", "owner", "department", "due")
# On a narrow terminal these go, in this order; ids and dates are never cut
DROPPABLE_COLUMNS = (COLUMNS.index("rule"), COLUMNS.index("department"))
UNBROKEN_COLUMNS = (COLUMNS.index("record"),)
DATE_COLUMNS = (COLUMNS.index("due"),)


def obligation_row(ob: Obligation, timing: Timing, now: datetime, when: When) -> list[str]:
    """The cells of one obligation, in the order of `headers`."""
    return [
        ob.ref,
        ob.title or "-",
        ob.rule,
        ob.what,
        ob.owner or "-",
        ob.department or "-",
        due_text(ob, timing),
        when(timing, ob, now),
    ]


def headers(language: str, last: str) -> list[str]:
    """Column headers of an obligation table; `last` is 'late' or 'left'."""
    t = Texts(language)
    return [t(f"col.{key}") for key in (*COLUMNS, last)]


def count_line(language: str, mode: str, n: int) -> str:
    """'7 项逾期' / '7 overdue'; `mode` is 'overdue' or 'due'."""
    return Texts(language)(f"{mode}.count", n=n)


def estimated_note(language: str) -> str:
    return Texts(language)("estimated.note", mark=ESTIMATED_MARK)
