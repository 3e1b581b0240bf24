"""Printing for people: rich tables on a terminal, plain aligned text when piped."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from collabkit.cli.common import is_terminal
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
) -> None:
    if not is_terminal() or len(rows) > RICH_ROW_LIMIT:
        if title and is_terminal():
            print(title)
        print(plain_table(headers, [[_one_line(c) for c in r] for r in rows]))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left", header_style="bold")
    for header in headers:
        table.add_column(header)
    for i, row in enumerate(rows):
        table.add_row(*row, style=styles[i] if styles else None)
    Console(highlight=False).print(table)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lateness_style(ob: Obligation, now: datetime) -> str:
    late = now - ob.due
    days = late.total_seconds() / 86400
    return "bold red" if days >= 3 else "red" if days >= 1 else "yellow"


def print_obligations(
    obligations: list[Obligation], snapshot: Snapshot, when: When, mode: str
) -> None:
    """An overdue (`mode` 'overdue') or due ('due') table, or the line saying it is empty."""
    from collabkit.present.obligations import estimated_note, headers, obligation_row

    timing, now = snapshot.timing, snapshot.now
    t = Texts(timing.language)
    if not obligations:
        print(t("overdue.none" if mode == "overdue" else "due.none"))
        return
    rows = [obligation_row(ob, timing, now, when) for ob in obligations]
    styles = [_lateness_style(ob, now) if mode == "overdue" else "" for ob in obligations]
    print_table(headers(timing.language, "late" if mode == "overdue" else "left"), rows, styles)
    if any(ob.estimated_years for ob in obligations):
        print(estimated_note(timing.language), file=sys.stderr if not is_terminal() else sys.stdout)


def print_record(view: dict[str, Any], language: str) -> None:
    """`collab show`: the record's fields, then its deadlines."""
    t = Texts(language)
    print(f"{view['id']}  {view.get('title') or ''}".rstrip())
    print(
        f"{t('show.kind')}: {view['kind']}   {t('show.status')}: "
        f"{view.get('status') or '-'}   {t('show.file')}: {view['file']}"
    )
    print()
    print(view["body"].rstrip())
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
    print_table(head, rows, title=t("show.deadlines"))
