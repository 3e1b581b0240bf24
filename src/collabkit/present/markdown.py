"""Record text made safe for Markdown: it reads literally in a table cell, a heading or
anywhere a template puts it, and never breaks a table, starts a block or runs.

Every ASCII character that means something inline (emphasis, code, links, HTML, entities,
math, the table's `|`) is backslash-escaped, which CommonMark and GitHub read as the
character itself; a line break becomes `<br>` (the one HTML collab writes); a character
that could start a block at the start of a value (`#`, `-`, `+`, `=`, `>`, `1.`) is escaped
too, so a value is safe even where an overriding template puts it at the start of a line.
Control characters other than tab are dropped. Lines are stripped, as a table cell is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BREAK = "<br>"
EMPTY = "-"  # what an empty cell shows
_INLINE = re.compile(r"([\\`*_~\[\]<>&|#$])")
_LEADING = re.compile(r"^([-+=]|\d+(?=[.)]))")
_LINE_ENDS = re.compile(r"\r\n?|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # Cc but tab and line ends
# Text that needs nothing done: no character to escape or drop, nothing to split.
_PLAIN = re.compile(r"[^\\`*_~\[\]<>&|#$\x00-\x1f\x7f-\x9f]*")


def lines_of(text: str) -> list[str]:
    """The lines of record text as a cell shows them: stripped, control characters
    dropped, without blank lines at either end (blank lines inside stay)."""
    lines = [line.strip() for line in _LINE_ENDS.split(_CONTROL.sub("", text))]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def escape_line(line: str) -> str:
    """One line of text, escaped for inline Markdown."""
    escaped = _INLINE.sub(_escape_one, line)
    return _LEADING.sub(lambda m: _escape_leading(m.group(1)), escaped)


def _escape_one(found: re.Match[str]) -> str:
    """`\\` + the character; but an `_` between two letters or digits stays as it is (it
    can neither open nor close emphasis there: `customer.proposal_feedback`)."""
    char, at, text = found.group(1), found.start(), found.string
    if char == "_" and 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum():
        return char
    return "\\" + char


def _escape_leading(found: str) -> str:
    return f"\\{found}" if not found.isdigit() else found + "\\"


def cell(text: object | None, empty: str = EMPTY) -> str:
    """Any value as the text of one table cell: escaped, line breaks as `<br>`."""
    if text is None:
        return empty
    text = str(text)
    if text and _PLAIN.fullmatch(text) and not _needs_care(text):
        return text
    lines = lines_of(text)
    if not lines:
        return empty
    return BREAK.join(escape_line(line) for line in lines)


def _needs_care(text: str) -> bool:
    """Plain text that still is not a cell as it stands: space at an end, a block marker."""
    return text[0].isspace() or text[-1].isspace() or _LEADING.match(text) is not None


def heading(text: object) -> str:
    """A value as heading text: one line (line breaks become spaces), escaped."""
    return " ".join(escape_line(line) for line in lines_of(str(text)) if line)


def joined(parts: Iterable[str], separator: str = BREAK) -> str:
    """Cells already escaped, joined in one cell (by default one per line)."""
    kept = [part for part in parts if part and part != EMPTY]
    return separator.join(kept) if kept else EMPTY


def link(label: str, target: str | None) -> str:
    """`[label](target)`: `label` already escaped, `target` a file name collab made
    (an id plus `.md`), so it needs no escaping; without a target, just the label."""
    return f"[{label}]({target})" if target else label


@dataclass(frozen=True, slots=True)
class Table:
    """A Markdown table: headers and rows of cells, all already escaped."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.headers):
                raise ValueError(f"a row of {len(row)} cells under {len(self.headers)} headers")

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def markdown(self) -> str:
        """The table as GitHub-flavoured Markdown, one line per row, no trailing newline."""
        lines = [_row(self.headers), _row(["---"] * len(self.headers))]
        lines += [_row(row) for row in self.rows]
        return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def form(label_header: str, content_header: str, rows: Iterable[tuple[str, str]]) -> Table:
    """A two-column form (`需求基本信息 | 内容`) from (label, escaped value) pairs."""
    return Table([cell(label_header), cell(content_header)], [[cell(k), v] for k, v in rows])
