"""Printing for people: rich tables on a terminal, plain aligned text when piped."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from collabkit.cli.common import is_terminal

if TYPE_CHECKING:
    from collabkit.timing import Obligation, Timing

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
    obligations: list[Obligation],
    timing: Timing,
    now: datetime,
    when: Callable[[Timing, Obligation, datetime], str],
    mode: str,
) -> None:
    from collabkit.views import ESTIMATED_MARK, headers, obligation_row

    zh = timing.config.language == "zh"
    if not obligations:
        empty = {
            "overdue": ("没有逾期事项", "nothing is overdue"),
            "due": ("近期没有到期事项", "nothing falls due in that time"),
        }[mode]
        print(empty[0] if zh else empty[1])
        return
    last = ("逾期" if zh else "late") if mode == "overdue" else ("剩余" if zh else "left")
    rows = [obligation_row(ob, timing, now, when) for ob in obligations]
    styles = [_lateness_style(ob, now) if mode == "overdue" else "" for ob in obligations]
    print_table(headers(timing.config.language, last), rows, styles)
    if any(ob.estimated_years for ob in obligations):
        note = (
            f"{ESTIMATED_MARK} 按估算日历计算(该年官方调休安排未收录),见 --format json 的 problem"
            if zh
            else f"{ESTIMATED_MARK} estimated: that year's official schedule is not "
            "known yet (see `problem` in --format json)"
        )
        print(note, file=sys.stderr if not is_terminal() else sys.stdout)


def print_record(view: dict[str, Any], language: str) -> None:
    """`collab show`: the record's fields, then its deadlines."""
    zh = language == "zh"
    print(f"{view['id']}  {view.get('title') or ''}".rstrip())
    print(
        f"{'类型' if zh else 'kind'}: {view['kind']}   {'状态' if zh else 'status'}: "
        f"{view.get('status') or '-'}   {'文件' if zh else 'file'}: {view['file']}"
    )
    print()
    print(view["body"].rstrip())
    if view["linked_from"]:
        print()
        print(("被引用: " if zh else "linked from: ") + ", ".join(view["linked_from"]))
    print()
    deadlines = view["deadlines"]
    if not deadlines:
        print("没有截止时间" if zh else "no deadlines")
        return
    head = (
        ["规则", "事项", "负责人", "截止时间", "状态"]
        if zh
        else ["rule", "what", "owner", "due", "state"]
    )
    rows = [
        [d["ref_rule"], d["what"], d["owner"] or "-", d["due_text"], d["state_text"]]
        for d in deadlines
    ]
    print_table(head, rows, title="截止时间" if zh else "Deadlines")
