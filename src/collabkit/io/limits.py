"""What a record file may hold: no control characters, and bounded size, depth and width.

A record is a few kilobytes of text a person wrote. Anything far outside that is refused
before it can cost seconds or gigabytes (a 50 MB file, a list of a million items), and
before ruamel's recursive parser meets nesting deep enough to exhaust Python's stack.
Every limit is named in the message that refuses it.

The checks are cheap on ordinary files: one C-speed regex search for control characters,
two counts and one more search decide whether the parsed data needs a walk at all.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from collabkit.errors import RecordError
from collabkit.i18n import msg

Loc = tuple[Any, ...]

MAX_RECORD_BYTES = 1 << 20  # 1 MiB: a record is 1-3 KB; a year of progress notes is ~100 KB
MAX_DEPTH = 64  # levels of nesting; a record needs four or five
MAX_ITEMS = 10_000  # entries of one list or mapping; a meeting has dozens of attendees

# YAML's printable set (YAML 1.2 §5.1) without its complement: C0 controls but tab, LF and
# CR; DEL; C1 controls but NEL; and the two non-characters U+FFFE and U+FFFF. (Text from
# the UTF-8 decoder holds no surrogates.) ruamel refuses them; the fast parser lets them in.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Nesting can only be deep where many brackets open or a line starts with a long run of
# indentation, dashes or `?`; anything else cannot reach MAX_DEPTH and is not walked.
_LONG_PREFIX = re.compile(r"[ \t?-]{32}")  # matched at 0, and searched after a newline:
_LONG_PREFIX_AFTER_NEWLINE = re.compile(r"\n[ \t?-]{32}")  # 7x faster than `^` + MULTILINE
_SMALL_TEXT = 16 * 1024  # below this no list can reach MAX_ITEMS


def size(length: int, path: Path | str) -> RecordError:
    """The error for a file of `length` bytes, over MAX_RECORD_BYTES."""
    return RecordError(
        msg("limit.too_large", length=length, limit=MAX_RECORD_BYTES),
        code="too-large",
        path=path,
        line=1,
        column=1,
    )


def check_text(text: str, path: Path | str) -> None:
    """Refuse text over the size limit or holding a character YAML does not allow."""
    if len(text) > MAX_RECORD_BYTES // 4:  # up to 4 bytes a character: count them
        length = len(text.encode("utf-8", "surrogatepass"))
        if length > MAX_RECORD_BYTES:
            raise size(length, path)
    found = _CONTROL.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    more = len(_CONTROL.findall(text)) - 1
    char = f"{ord(found[0]):04X}"
    message = msg("limit.control_more", code=char, more=more) if more else None
    raise RecordError(
        message or msg("limit.control", code=char),
        code="control-character",
        path=path,
        line=line,
        column=column,
    )


def may_be_deep(text: str) -> bool:
    """Whether `text` could nest deeper than MAX_DEPTH (cheap; False is certain)."""
    brackets = text.count("[") + text.count("{")
    return (
        brackets > MAX_DEPTH // 2
        or _LONG_PREFIX.match(text) is not None
        or _LONG_PREFIX_AFTER_NEWLINE.search(text) is not None
    )


def needs_walk(text: str) -> bool:
    """Whether the data parsed from `text` must be walked by `check_shape`."""
    return len(text) > _SMALL_TEXT or may_be_deep(text)


def check_shape(data: Any, text: str, path: Path | str) -> None:
    """Refuse data nested deeper than MAX_DEPTH or with a collection over MAX_ITEMS
    (`data` as parsed from `text`, which says on which line)."""
    stack: list[tuple[Any, Loc]] = [(data, ())]
    while stack:
        node, loc = stack.pop()
        if not isinstance(node, dict | list):
            continue
        if len(loc) >= MAX_DEPTH:
            raise too_deep(path, _line(text, loc))
        if len(node) > MAX_ITEMS:
            key = "limit.list_too_long" if isinstance(node, list) else "limit.mapping_too_long"
            raise RecordError(
                msg(key, count=len(node), limit=MAX_ITEMS),
                code="too-many-items",
                path=path,
                line=_line(text, loc),
                column=1,
            )
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((child, (*loc, key)) for key, child in pairs)


def _line(text: str, loc: Loc) -> int:
    """The line of `loc` or of its deepest part a scan of the text finds, else 1."""
    from collabkit.io.positions import quick_line

    while loc:
        line = quick_line(text, loc[:8])  # a few levels say where; deeper ones cost
        if line is not None:
            return line
        loc = loc[:-1]
    return 1


def too_deep(path: Path | str, line: int = 1, column: int = 1) -> RecordError:
    """The error for nesting deeper than MAX_DEPTH."""
    return RecordError(
        msg("limit.too_deep", limit=MAX_DEPTH),
        code="too-deep",
        path=path,
        line=line,
        column=column,
    )
