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
from collabkit.cli.layout import Column, Plan, plan
from collabkit.i18n import Texts

if TYPE_CHECKING:
    from collabkit.present.obligations import When
    from collabkit.query import Snapshot
    from collabkit.timing.obligations import Obligation

RICH_ROW_LIMIT = 200  # a rich table of 10,000 rows takes seconds: plain text beyond this
GAP = 3  # between two columns: a space of padding on each side of a rule


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
    dates: Collection[int] = (),
    optional: Sequence[int] = (),
) -> None:
    """A table: rich on a terminal, plain when piped. Columns in `unbroken` (ids) are never
    wrapped or cut, nor the date and time of columns in `dates`; on a narrow terminal the
    `optional` columns go first and the rest wrap (see `layout`)."""
    cells = [[_one_line(visible(c)) for c in row] for row in rows]
    if not is_terminal() or len(rows) > RICH_ROW_LIMIT:
        if title and is_terminal():
            print(visible(title))
        print(plain_table(headers, cells))
        return
    from rich.console import Console

    console = Console(highlight=False, markup=False, emoji=False)
    columns = [
        Column(
            max(width(c) for c in [headers[i], *(r[i] for r in cells)]),
            "date" if i in dates else "whole" if i in unbroken else "wrap",
        )
        for i in range(len(headers))
    ]
    layout = plan(columns, optional, console.width, GAP)
    if layout is None:  # even wrapped it cannot fit: plain lines, never cut
        kept = [i for i in range(len(headers)) if i not in optional]
        print(plain_table([headers[i] for i in kept], [[r[i] for i in kept] for r in cells]))
        return
    console.print(_rich_table(headers, cells, styles, title, layout))


def _rich_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str] | None,
    title: str | None,
    layout: Plan,
) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(visible(title)) if title else None,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for i, column_width in zip(layout.kept, layout.widths, strict=True):
        table.add_column(Text(headers[i]), width=column_width, overflow="fold")
    for n, row in enumerate(rows):
        cells = (Text(row[i]) for i in layout.kept)
        table.add_row(*cells, style=styles[n] if styles else None)
    return table


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
        DATE_COLUMNS,
        DROPPABLE_COLUMNS,
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
        dates=DATE_COLUMNS,
        optional=DROPPABLE_COLUMNS,
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
    print_table(head, rows, title=t("show.deadlines"), dates=(3,))
