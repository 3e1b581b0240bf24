"""Where a key path sits in a YAML file: 1-based line and column.

Two ways: `locate` walks ruamel's round-trip tree (exact, ~2 ms a file: for files that
have findings), and `quick_line` scans block-style text without parsing (microseconds: for
the `line` of every obligation that `overdue` lists). Both answer for the deepest part of
the path that exists, so a missing key points at its parent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

Loc = Sequence[str | int]


def locate(tree: Any, loc: Loc, *, at_value: bool = False) -> tuple[int, int]:
    """Line and column of `loc` in a ruamel tree; a missing segment stops at its parent."""
    line, column = 1, 1
    node = tree
    for segment in loc:
        lc = getattr(node, "lc", None)
        if isinstance(node, dict) and segment in node and lc is not None:
            pos = lc.value(segment) if at_value else lc.key(segment)
            if at_value and pos is None:
                pos = lc.key(segment)
            line, column = pos[0] + 1, pos[1] + 1
            node = node[segment]
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            if lc is not None:
                pos = lc.item(segment)
                line, column = pos[0] + 1, pos[1] + 1
            node = node[segment]
        elif isinstance(segment, str) and not isinstance(node, dict | list):
            break
        else:
            continue  # a union branch name pydantic puts in the path, or a missing key
    return line, column


_KEY = re.compile(r"^(\s*)(-\s+)?([^\s#:'\"][^:#]*?|'[^']*'|\"[^\"]*\")\s*:(\s|$)")
_ITEM = re.compile(r"^(\s*)-(\s|$)")


def quick_line(text: str, loc: Loc) -> int | None:
    """The 1-based line of `loc` in block-style YAML, or None when the scan is unsure.

    Handles what people write: nested mappings, and sequences of mappings with the dash
    indented or not. Flow style (`{...}`, `[...]`) returns None for what is inside it.
    """
    lines = text.split("\n")
    lo, hi, parent = 0, len(lines), -1
    found: int | None = None
    for segment in loc:
        if isinstance(segment, str):
            key_hit = _find_key(lines, lo, hi, parent, segment)
            if key_hit is None:
                return None
            found, col = key_hit
            lo, hi, parent = found + 1, _block_end(lines, found, col, hi), col
        else:
            item_hit = _find_item(lines, lo, hi, parent, segment)
            if item_hit is None:
                return None
            found, dash, hi = item_hit
            lo, parent = found, dash
    return None if found is None else found + 1


def _indent(line: str) -> int | None:
    """Indentation of a line with content; None for blank lines and comments."""
    stripped = line.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return None
    return len(line) - len(stripped)


def _find_key(lines: list[str], lo: int, hi: int, parent: int, key: str) -> tuple[int, int] | None:
    level: int | None = None
    for i in range(lo, hi):
        m = _KEY.match(lines[i])
        if not m:
            continue
        col = len(m[1]) + (len(m[2]) if m[2] else 0)
        if col <= parent:
            continue
        if level is None:
            level = col
        if col == level and m[3].strip("'\"") == key:
            return i, col
    return None


def _find_item(
    lines: list[str], lo: int, hi: int, parent: int, index: int
) -> tuple[int, int, int] | None:
    """(line, dash column, end of the item) of the index-th item of the sequence in lo..hi."""
    dash: int | None = None
    count = -1
    start: int | None = None
    for i in range(lo, hi):
        col = _indent(lines[i])
        if col is None:
            continue
        is_dash = _ITEM.match(lines[i]) is not None
        if dash is None:
            if not is_dash or col < parent:
                return None
            dash = col
        if start is not None and (col < dash or (col == dash and is_dash)):
            return start, dash, i
        if col == dash and is_dash:
            count += 1
            if count == index:
                start = i
    return (start, dash, hi) if start is not None and dash is not None else None


def _block_end(lines: list[str], line: int, col: int, hi: int) -> int:
    """The line after the value of the key at (line, col)."""
    for i in range(line + 1, hi):
        c = _indent(lines[i])
        if c is None:
            continue
        if c < col or (c == col and _ITEM.match(lines[i]) is None):
            return i
    return hi
