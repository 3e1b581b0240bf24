"""Printing for people: rich tables on a terminal, plain aligned text when piped.

Everything a record holds is shown, never obeyed: cells are rich `Text` (no markup is read)
and every control character is made visible first (`common.visible`).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from collabkit.cli.common import is_terminal, visible
from collabkit.i18n import Texts

if TYPE_CHECKING:
    from collabkit.present.obligations import When
    from collabkit.query import Snapshot
    from collabkit.timing.obligations import Obligation

RICH_ROW_LIMIT = 200  # a rich table of 10,000 rows takes seconds: plain text beyond this


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [width(h) for h in headers]
    for row in rows:
        widths = [max(w, width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = []
    for row in [list(headers), *rows]:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str] | None = None,
    title: str | None = None,
    *,
    unbroken: Collection[int] = (),
    optional: Collection[int] = (),
) -> None:
    """A table: rich on a terminal, plain when piped. Columns in `unbroken` (ids, dates)
    are never wrapped or cut; when the table is wider than the terminal the columns in
    `optional` go first, and if it still cannot fit it is printed plain, uncut."""
    cells = [[_one_line(visible(c)) for c in row] for row in rows]
    if not is_terminal() or len(rows) > RICH_ROW_LIMIT:
        if title and is_terminal():
            print(visible(title))
        print(plain_table(headers, cells))
        return
    from rich.console import Console

    console = Console(highlight=False, markup=False, emoji=False)
    table = _rich_table(headers, cells, styles, title, unbroken, ())
    if optional and _fits(console, table) is not True:
        table = _rich_table(headers, cells, styles, title, unbroken, optional)
    if _fits(console, table) is None:
        print(
            plain_table(
                [h for i, h in enumerate(headers) if i not in optional],
                [[c for i, c in enumerate(r) if i not in optional] for r in cells],
            )
        )
        return
    console.print(table)


def _rich_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str] | None,
    title: str | None,
    unbroken: Collection[int],
    dropped: Collection[int],
) -> Any:
    from rich.table import Table
    from rich.text import Text

    kept = [i for i in range(len(headers)) if i not in dropped]
    table = Table(
        title=Text(visible(title)) if title else None, title_justify="left", header_style="bold"
    )
    for i in kept:
        fixed = i in unbroken
        table.add_column(Text(headers[i]), no_wrap=fixed, overflow="fold")
    for n, row in enumerate(rows):
        table.add_row(*(Text(row[i]) for i in kept), style=styles[n] if styles else None)
    return table


def _fits(console: Any, table: Any) -> bool | None:
    """True when the table fits the terminal as it is, False when only by wrapping its
    wrappable columns, None when not even then (its unbroken columns are too wide)."""
    from rich.measure import Measurement

    measured = Measurement.get(console, console.options, table)
    if measured.maximum <= console.width:
        return True
    return False if measured.minimum <= console.width else None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lateness_style(ob: Obligation, now: datetime) -> str:
    late = now - ob.due
    days = late.total_seconds() / 86400
    return "bold red" if days >= 3 else "red" if days >= 1 else "yellow"


def print_obligations(
    obligations: list[Obligation], snapshot: Snapshot, when: When, mode: str
) -> None:
    """An overdue (`mode` 'overdue') or due ('due') table and its count line, or the line
    saying it is empty."""
    from collabkit.present.obligations import (
        RULE_COLUMN,
        UNBROKEN_COLUMNS,
        count_line,
        estimated_note,
        headers,
        obligation_row,
    )

    timing, now = snapshot.timing, snapshot.now
    t = Texts(timing.language)
    if not obligations:
        print(t("overdue.none" if mode == "overdue" else "due.none"))
        return
    rows = [obligation_row(ob, timing, now, when) for ob in obligations]
    styles = [_lateness_style(ob, now) if mode == "overdue" else "" for ob in obligations]
    print_table(
        headers(timing.language, "late" if mode == "overdue" else "left"),
        rows,
        styles,
        unbroken=UNBROKEN_COLUMNS,
        optional=(RULE_COLUMN,),
    )
    print(count_line(timing.language, mode, len(obligations)))
    if any(ob.estimated_years for ob in obligations):
        print(estimated_note(timing.language), file=sys.stderr if not is_terminal() else sys.stdout)


def print_record(view: dict[str, Any], language: str) -> None:
    """`collab show`: the record's fields, then its deadlines."""
    t = Texts(language)
    print(visible(f"{view['id']}  {view.get('title') or ''}".rstrip()))
    print(
        f"{t('show.kind')}: {view['kind_text']}   {t('show.status')}: "
        f"{visible(view.get('status_text') or '-')}   {t('show.file')}: {view['file']}"
    )
    print()
    print(visible(view["body"].rstrip()))
    if view["linked_from"]:
        print()
        print(t("show.linked_from") + ", ".join(view["linked_from"]))
    print()
    deadlines = view["deadlines"]
    if not deadlines:
        print(t("show.no_deadlines"))
        return
    head = [t(f"col.{key}") for key in ("rule", "what", "owner", "due", "state")]
    rows = [
        [d["ref_rule"], d["what"], d["owner"] or "-", d["due_text"], d["state_text"]]
        for d in deadlines
    ]
    print_table(head, rows, title=t("show.deadlines"), unbroken=(3,))
