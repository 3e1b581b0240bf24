"""Where every key and list item of a block-style YAML text is, in one pass, no parser.

`line_index(text)` maps each key path (`("actions", 1, "due")`) to its 1-based line, and
`line_at` answers for the deepest part of a path that is there (a missing key points at
its parent): the line of every obligation `overdue` lists, one scan per file.

`position_index(text)` also keeps columns, of keys and of values, as ruamel's round-trip
tree reports them, and `locate` walks it exactly as `positions.locate` walks that tree:
lint places its findings without parsing each file twice. It is strict: a file with
anything the scan does not follow (flow collections over several lines, multi-line
plain or quoted scalars, anchors, tabs, documents markers) gets None, and its caller asks
ruamel. A property test checks both against ruamel.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Path = tuple[str | int, ...]
# (line, column) of a key or item; (line, column) of its value; what the value is
Position = tuple[int, int, int, int, str]
_KEY = re.compile(
    r"([^\s#:'\"\-\[\]{},&*!?|>%@`][^:#]*?|-[^\s:#][^:#]*?|'[^']*'|\"[^\"]*\")\s*:(?:\s+|$)"
)
_FLOW_END = {"[": "]", "{": "}"}
_UNSURE_KEY = re.compile(r"\"[^\"]*\\|[-+.]?\d|(?:true|false|yes|no|on|off|null|~)$", re.IGNORECASE)


class _Open:
    """A mapping or sequence still open at a column."""

    __slots__ = ("col", "items", "path", "sequence")

    def __init__(self, col: int, path: Path, sequence: bool) -> None:
        self.col, self.path, self.sequence, self.items = col, path, sequence, 0


class _Unsure(Exception):
    """The text has something this scan does not follow."""


def position_index(text: str) -> dict[Path, Position] | None:
    """Every key path and item path of `text` → its Position; None when unsure."""
    try:
        return _scan(text, strict=True)
    except _Unsure:
        return None


def line_index(text: str) -> dict[Path, int]:
    """Every key path and item path of `text` → its 1-based line (what a scan can tell:
    lines it does not follow are passed over)."""
    return {path: pos[0] for path, pos in _scan(text, strict=False).items()}


def line_at(index: dict[Path, int], loc: Sequence[str | int]) -> int | None:
    """The line of the deepest part of `loc` that `index` has, or None."""
    for end in range(len(loc), 0, -1):
        line = index.get(tuple(loc[:end]))
        if line is not None:
            return line
    return None


def locate(
    index: dict[Path, Position], loc: Sequence[str | int], *, at_value: bool = False
) -> tuple[int, int] | None:
    """Line and column of `loc` as `positions.locate` finds them in ruamel's tree (a
    missing segment is passed over; a key of a plain value ends the walk); None when the
    walk would enter a flow collection, which the index does not look into."""
    line, column = 1, 1
    path: Path = ()
    kind = "map"
    for segment in loc:
        here = (*path, segment)
        found = index.get(here)
        if found is not None and (kind == "map") == isinstance(segment, str):
            key_line, key_col, value_line, value_col, kind = found
            if isinstance(segment, str) and not at_value:
                line, column = key_line, key_col
            else:
                line, column = value_line, value_col
            path = here
        elif kind == "flow":
            return None
        elif isinstance(segment, str) and kind not in ("map", "seq"):
            break
    return line, column


def _scan(text: str, *, strict: bool) -> dict[Path, Position]:
    index: dict[Path, Position] = {}
    stack = [_Open(-1, (), False)]
    pending: Path | None = ()  # a key or item whose value starts on a later line
    pending_col = -1
    waiting: list[Path] = []  # paths whose value position is the next content
    scalar_col: int | None = None  # inside a block scalar of a key at this column
    lines = text.split("\n")
    for number, raw in enumerate(lines, 1):
        stripped = raw.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        col = len(raw) - len(stripped)
        if scalar_col is not None:
            if col > scalar_col:
                continue
            scalar_col = None
        if strict and (stripped[0] in "\t?%&*!|>[{]}" or stripped.startswith(("---", "..."))):
            raise _Unsure
        for path in waiting:  # the value of a key with nothing after its colon starts here
            line, kcol, _, _, was = index[path]
            dash = stripped[0] == "-"
            if col > kcol - 1:
                kind = "seq" if dash else "map"
            else:  # a sibling: the value is null, unless a key's sequence is not indented
                kind = "seq" if dash and col == kcol - 1 and isinstance(path[-1], str) else "null"
            if kind == "null" and was == "comment" and strict:
                raise _Unsure  # ruamel places such a null by what follows it
            index[path] = (line, kcol, number, col + 1, kind)
        waiting = []
        if stripped[0] == "-" and (len(stripped) == 1 or stripped[1] == " "):
            rest = stripped[1:].lstrip(" ")
            if pending is not None and (
                col > pending_col or (col == pending_col and _is_key(pending))
            ):  # a key's sequence may sit at the key's column; an item's may not
                stack.append(_Open(col, pending, True))
            pending = None
            while stack[-1].col > col or (stack[-1].col == col and not stack[-1].sequence):
                stack.pop()
            top = stack[-1]
            if top.col != col or not top.sequence:
                if strict:
                    raise _Unsure
                continue
            item: Path = (*top.path, top.items)
            top.items += 1
            if not rest or rest.startswith("#"):
                if strict:
                    raise _Unsure  # ruamel places an empty item by where its dash ends
                index[item] = (number, col + 1, number, col + 1, "map")
                waiting.append(item)
                pending, pending_col = item, col
                continue
            value_col = col + len(stripped) - len(rest)
            if strict and rest.startswith("- "):
                raise _Unsure
            match = _KEY.match(rest)
            if match is None:
                index[item] = (number, col + 1, number, value_col + 1, _scalar_kind(rest, strict))
                continue
            index[item] = (number, col + 1, number, value_col + 1, "map")
            stack.append(_Open(value_col, item, False))
            pending, scalar_col, waiting = _key(
                match, rest, value_col, stack, index, number, strict
            )
            pending_col = value_col
            continue
        if pending is not None and col > pending_col:
            stack.append(_Open(col, pending, False))
        pending = None
        while stack[-1].col > col or (stack[-1].col == col and stack[-1].sequence):
            stack.pop()
        match = _KEY.match(stripped)
        if stack[-1].col != col or match is None:
            if strict:
                raise _Unsure
            continue
        pending, scalar_col, waiting = _key(match, stripped, col, stack, index, number, strict)
        pending_col = col
    if strict and waiting:
        raise _Unsure  # an empty value at the very end: ruamel places it past the text
    return index


def _is_key(path: Path) -> bool:
    return bool(path) and isinstance(path[-1], str)


def _key(
    match: re.Match[str],
    content: str,
    col: int,
    stack: list[_Open],
    index: dict[Path, Position],
    number: int,
    strict: bool,
) -> tuple[Path | None, int | None, list[Path]]:
    """Record the key that `content` (at `col`) starts with: (path whose value is on the
    next lines, or None; block scalar column, or None; paths waiting for a position)."""
    name = match[1]
    if strict and _UNSURE_KEY.match(name):
        raise _Unsure  # escapes to undo, or a key YAML reads as a number, date, bool, null
    if name[0] in "'\"":
        name = name[1:-1]
    path: Path = (*stack[-1].path, name)
    if strict and path in index:
        raise _Unsure  # a key twice: the reader refuses the file anyway
    value = content[match.end() :]
    stripped = value.strip()
    value_col = col + match.end() + 1
    if not stripped or stripped.startswith("#"):  # a null, unless lines below hold its value
        kind = "comment" if stripped else "map"
        index[path] = (number, col + 1, number, col + 1, kind)
        return path, None, [path]
    if stripped[0] in "|>":
        index[path] = (number, col + 1, number, value_col, "scalar")
        return None, col, []
    kind = _scalar_kind(stripped, strict) if strict else "scalar"  # kinds: for `locate`
    index[path] = (number, col + 1, number, value_col, kind)
    return None, None, []


def _scalar_kind(value: str, strict: bool) -> str:
    """'flow' for a flow collection that closes on its line, else 'scalar'; a value this
    scan cannot be sure ends on its line makes a strict scan give up."""
    body = value.split(" #", 1)[0].rstrip()
    first = body[:1]
    if first in _FLOW_END:
        if strict and not body.endswith(_FLOW_END[first]):
            raise _Unsure
        return "flow"
    if strict and (first in "&*!%@`" or (first in "'\"" and (len(body) < 2 or body[-1] != first))):
        raise _Unsure
    return "scalar"


def place_in_file(path: str, rel: str, loc: Sequence[str | int]) -> tuple[int, int] | None:
    """Where the value at `loc` is in the record file at `path`, by a scan; None when the
    scan is unsure (the caller asks ruamel)."""
    from pathlib import Path as FilePath

    from collabkit.io.yamlio import decode, read_bytes

    index = position_index(decode(read_bytes(FilePath(path), rel), rel))
    return locate(index, loc, at_value=True) if index is not None else None
