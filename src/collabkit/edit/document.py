"""Round-trip edits of one record file: change what was asked, keep everything else.

The file is parsed with ruamel's round-trip loader (comments, key order, quoting and the
file's own indentation kept), changed, validated as a whole, and written atomically. A BOM
and CRLF line ends are put back as they were.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from collabkit.errors import EditRefused
from collabkit.io.atomic import write_atomic
from collabkit.io.scalars import needs_escape
from collabkit.io.yamlio import load_data, load_roundtrip, read_text, roundtrip_yaml
from collabkit.models import MODELS
from collabkit.models.paths import parse_path
from collabkit.workspace import Config, RecordFile
from collabkit.workspace.names import unknown_names
from collabkit.workspace.validate import validate_data


@dataclass
class Document:
    """One record file opened for editing."""

    path: Path
    rel: str
    tree: Any  # ruamel CommentedMap
    yaml: Any
    bom: bool
    crlf: bool
    original: str  # the text as opened

    @classmethod
    def open(cls, path: Path, rel: str) -> Document:
        raw = path.read_bytes()
        text = read_text(path, rel)
        mapping, dash = guess_indent(text)
        yaml = roundtrip_yaml()
        yaml.indent(mapping=mapping, sequence=dash + 2, offset=dash)
        tree = load_roundtrip(text, rel)
        if not isinstance(tree, dict):
            raise EditRefused("the file does not hold a record mapping", path=rel, line=1)
        bom = raw.startswith(b"\xef\xbb\xbf")
        return cls(path, rel, tree, yaml, bom, b"\r\n" in raw, text)

    def dump(self) -> str:
        import io

        buffer = io.StringIO()
        self.yaml.dump(self.tree, buffer)
        return buffer.getvalue()

    def save(self, config: Config) -> None:
        """Validate the edited record, then write it atomically; refuse an invalid result."""
        text = self.dump()
        unknown = check_valid(text, self.path, self.rel, config, tolerated=None)
        if unknown:  # only then is the original worth reading again
            refuse_unknown(unknown, self._unknown_names(config), self.rel)
        write_atomic(self.path, self.encode(text))

    def _unknown_names(self, config: Config) -> set[str]:
        """The unknown-name messages the file already had: an edit need not fix them all."""
        try:
            return set(check_valid(self.original, self.path, self.rel, config, tolerated=None))
        except EditRefused:
            return set()

    def encode(self, text: str) -> bytes:
        """The bytes of `text` with the file's own BOM and line ends."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")


def check_valid(
    text: str, path: Path, rel: str, config: Config, tolerated: Collection[str] | None = ()
) -> list[str]:
    """Refuse `text` unless it is a valid record naming only registered people and
    departments (or the unknown names in `tolerated`; None tolerates all of them).
    Returns the unknown-name messages."""
    data = load_data(text, rel)
    record, findings = validate_data(RecordFile(path, rel, text, data), config)
    if findings:
        # no line: the offending text exists only in the refused edit, not in the file
        raise EditRefused(f"refused, the record would be invalid: {findings[0].message}", path=rel)
    assert record is not None
    unknown = [message for _, _, message in unknown_names(config, record)]
    if tolerated is not None:
        refuse_unknown(unknown, tolerated, rel)
    return unknown


def refuse_unknown(unknown: list[str], tolerated: Collection[str], rel: str) -> None:
    """Refuse the first unknown-name message that is not tolerated."""
    for message in unknown:
        if message not in tolerated:
            raise EditRefused(f"refused: {message}", path=rel)


def guess_indent(text: str) -> tuple[int, int]:
    """(mapping indent, dash offset) as the file uses them; (2, 2) when it does not say.

    Looks at the first nested mapping and the first block sequence under a key; block
    scalars (`key: |`) are skipped, their indentation says nothing about the structure.
    """
    mapping: int | None = None
    dash: int | None = None
    for line, following in itertools.pairwise(_structure_lines(text)):
        stripped = line.strip()
        if not stripped.endswith(":") or stripped.startswith("- "):
            continue
        parent = len(line) - len(line.lstrip())
        child = len(following) - len(following.lstrip())
        if following.lstrip().startswith("- "):
            if dash is None and child >= parent:
                dash = child - parent
        elif mapping is None and child > parent:
            mapping = child - parent
        if mapping is not None and dash is not None:
            break
    return mapping or 2, 2 if dash is None else dash


_BLOCK_SCALAR = re.compile(r"(?:^|\s)[|>][-+0-9]*\s*(?:#.*)?$")


def _structure_lines(text: str) -> list[str]:
    """The lines that carry structure: no blanks, comments or block-scalar contents."""
    out: list[str] = []
    block_indent: int | None = None  # inside a `key: |` block more indented than this
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if indent > block_indent:
                continue
            block_indent = None
        if stripped.startswith("#"):
            continue
        out.append(line)
        if _BLOCK_SCALAR.search(stripped):
            block_indent = indent + (2 if stripped.startswith("- ") else 0)
    return out


def node(text: str) -> Any:
    """A YAML value from command-line text, typed and styled as if typed into the file."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    if needs_escape(text):  # a control character, NEL, U+2028, a BOM: only an escape keeps it
        return DoubleQuotedScalarString(text)
    if "\n" in text:
        return LiteralScalarString(text if text.endswith("\n") else text + "\n")
    try:  # with the reader's limits: a value nested 5,000 deep is text, not 2 s of recursion
        parsed = load_roundtrip(f"v: {text}\n", "value") if text.strip() else {"v": None}
    except Exception:
        parsed = None
    if not isinstance(parsed, dict) or "v" not in parsed or len(parsed) != 1:
        return text
    value = parsed["v"]
    stripped = text.strip()
    quoted = stripped[:1] in ("'", '"') and stripped[-1:] == stripped[:1]
    if isinstance(value, str) and quoted:
        return value
    # what YAML would read as a comment, anchor, tag or block indicator is text, not lost
    if stripped[:1] in ("&", "!", "|", ">") or re.search(r"(?:^|\s)#", stripped):
        return text
    return value


def resolve(tree: Any, dotted: str) -> tuple[Any, str | int]:
    """The container and key that `a.b`, `actions.A2.due`, `proposals.V1.2.feedback_at`
    or `progress.0.note` names (see `models.paths`). Every part but the last must exist,
    except mappings on the way, which are created (`receiver.lead` with no receiver)."""
    kind = tree.get("kind") if isinstance(tree, dict) else None
    lists = MODELS[kind].ITEM_LISTS if kind in MODELS else {}
    segments = parse_path(tree, dotted, lists)
    container = tree
    for depth, segment in enumerate(segments[:-1]):
        child = _child(container, segment)
        if child is None:
            following = segments[depth + 1]
            if (
                isinstance(container, dict)
                and isinstance(segment, str)
                and isinstance(following, str)
            ):
                from ruamel.yaml.comments import CommentedMap

                child = CommentedMap()
                insert_key(container, segment, child)
            else:
                raise EditRefused(f"no '{_shown(segments[: depth + 1])}' in this record")
        container = child
    last = segments[-1]
    if isinstance(container, list):
        if not isinstance(last, int):
            raise EditRefused(f"no item '{last}' in '{_shown(segments[:-1])}'")
        return container, last
    if not isinstance(container, dict):
        raise EditRefused(f"'{_shown(segments[:-1])}' is a value, not a mapping")
    return container, last


def _child(container: Any, segment: str | int) -> Any:
    if isinstance(container, dict) and isinstance(segment, str):
        return container.get(segment)
    if isinstance(container, list) and isinstance(segment, int):
        return container[segment]
    return None


def _shown(segments: tuple[str | int, ...]) -> str:
    return ".".join(str(s) for s in segments)


def find_item(tree: Any, item_id: str, lists: tuple[str, ...]) -> tuple[str, Any]:
    """(list name, item mapping) of the item with this id in one of `lists`."""
    for name in lists:
        for item in tree.get(name) or []:
            if isinstance(item, dict) and str(item.get("id")) == item_id:
                return name, item
    raise EditRefused(f"no item {item_id} in {' or '.join(lists)}")


def set_key(mapping: Any, key: str | int, value: Any, *, after: str | None = None) -> None:
    """Set a key; a new key goes after `after` when given and present, else at the end."""
    if isinstance(mapping, list):
        mapping[key] = value  # type: ignore[index]
    elif key in mapping:
        mapping[key] = value
    else:
        insert_key(mapping, str(key), value, after=after)


def insert_key(mapping: Any, key: str, value: Any, *, after: str | None = None) -> None:
    """Add a key without pulling comments out of place.

    ruamel keeps the comment lines that follow a key's value on that key; a key inserted
    after it would land below those lines (which belong to what comes next), so they move
    to the new key.
    """
    keys = list(mapping.keys())
    anchor = after if after in mapping else (keys[-1] if keys else None)
    position = keys.index(anchor) + 1 if anchor is not None else len(keys)
    mapping.insert(position, key, value)
    if anchor is None:
        return
    comments = mapping.ca.items.get(anchor)
    if not comments or len(comments) < 3 or comments[2] is None:
        return
    token = comments[2]
    inline, _, rest = token.value.partition("\n")
    if not rest:
        return
    from ruamel.yaml.tokens import CommentToken

    if inline.strip():
        token.value = inline + "\n"
    else:
        comments[2] = None
    moved = CommentToken("\n" + rest, token.start_mark, None)
    mapping.ca.items[key] = [None, None, moved, None]
