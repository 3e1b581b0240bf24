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

from collabkit.edit.tree import resolve, set_key  # re-exported: the trail's writer uses them
from collabkit.edit.values import node  # re-exported, as resolve and set_key
from collabkit.errors import EditRefused
from collabkit.i18n import msg
from collabkit.io.atomic import write_atomic
from collabkit.io.conflicts import refuse_conflicts
from collabkit.io.yamlio import decode, load_data, load_roundtrip, read_bytes, roundtrip_yaml
from collabkit.models import MODELS, Record
from collabkit.workspace import Config, RecordFile, Workspace
from collabkit.workspace.names import unknown_names
from collabkit.workspace.validate import validate_data

__all__ = [
    "Document",
    "check_valid",
    "guess_indent",
    "node",
    "open_record",
    "refuse_unknown",
    "resolve",
    "set_key",
    "validated",
]


@dataclass
class Document:
    """One record file opened for editing: the bytes read, and the tree being changed."""

    path: Path
    rel: str
    tree: Any  # ruamel CommentedMap
    yaml: Any
    bom: bool
    crlf: bool
    original: str  # the text as opened
    raw: bytes  # the bytes as read: the file must still hold them when it is written

    @classmethod
    def open(cls, path: Path, rel: str, language: str = "zh") -> Document:
        """Read and parse a record file for editing; a file with merge-conflict markers
        is refused (resolve it, or split it with `collab renumber --split`)."""
        raw = read_bytes(path, rel)  # a regular file within the size limit, or a RecordError
        text = decode(raw, rel)
        refuse_conflicts(text, rel, language)
        return cls.parse(path, rel, raw, text)

    @classmethod
    def parse(cls, path: Path, rel: str, raw: bytes, text: str) -> Document:
        """A document for `path` from its bytes as read and the text to edit."""
        mapping, dash = guess_indent(text)
        yaml = roundtrip_yaml()
        yaml.indent(mapping=mapping, sequence=dash + 2, offset=dash)
        tree = load_roundtrip(text, rel)
        if not isinstance(tree, dict):
            raise EditRefused(msg("edit.not_a_record"), path=rel, line=1)
        bom = raw.startswith(b"\xef\xbb\xbf")
        return cls(path, rel, tree, yaml, bom, b"\r\n" in raw, text, raw)

    def dump(self) -> str:
        import io

        buffer = io.StringIO()
        self.yaml.dump(self.tree, buffer)
        return buffer.getvalue()

    def save(self, config: Config) -> Record:
        """Validate the edited record, then write it atomically; refuse an invalid result,
        and refuse to overwrite the file when it changed on disk since it was read."""
        text = self.dump()
        record, unknown = validated(text, self.path, self.rel, config, tolerated=None)
        if unknown:  # only then is the original worth reading again
            refuse_unknown(unknown, self._unknown_names(config), self.rel)
        write_atomic(self.path, self.encode(text), before_replace=self.check_unchanged)
        return record

    def check_unchanged(self) -> None:
        """Refuse when the file on disk is no longer what was read (another editor saved
        it, a `git pull` or checkout changed it)."""
        try:
            now = self.path.read_bytes()
        except OSError:
            now = None
        if now != self.raw:
            raise EditRefused(msg("edit.changed_on_disk"), path=self.rel)

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


def open_record(ws: Workspace, record_id: str) -> Document:
    """The file of `record_id`, opened for a round-trip edit; a record whose `kind` is
    missing or unknown is refused at its line (no edit could make it valid)."""
    path = ws.locate_id(record_id)
    doc = Document.open(path, ws.rel(path), ws.config.language)
    if str(doc.tree.get("kind")) not in MODELS:
        data = load_data(doc.original, doc.rel)
        _, findings = validate_data(RecordFile(path, doc.rel, doc.original, data), ws.config)
        if findings:  # a record of no known kind has this finding
            problem, line = findings[0].message, findings[0].line
            raise EditRefused(msg("edit.refused", problem=problem), path=doc.rel, line=line)
    return doc


def check_valid(
    text: str, path: Path, rel: str, config: Config, tolerated: Collection[str] | None = ()
) -> list[str]:
    """Refuse `text` unless it is a valid record naming only registered people and
    departments (or the unknown names in `tolerated`; None tolerates all of them).
    Returns the unknown-name messages."""
    return validated(text, path, rel, config, tolerated)[1]


def validated(
    text: str, path: Path, rel: str, config: Config, tolerated: Collection[str] | None = ()
) -> tuple[Record, list[str]]:
    """`check_valid`, with the record the text validates to."""
    data = load_data(text, rel)
    record, findings = validate_data(RecordFile(path, rel, text, data), config)
    if findings:
        # no line: the offending text exists only in the refused edit, not in the file
        raise EditRefused(msg("edit.invalid", problem=findings[0].message), path=rel)
    assert record is not None
    unknown = [message for _, _, message in unknown_names(config, record)]
    if tolerated is not None:
        refuse_unknown(unknown, tolerated, rel)
    return record, unknown


def refuse_unknown(unknown: list[str], tolerated: Collection[str], rel: str) -> None:
    """Refuse the first unknown-name message that is not tolerated."""
    for message in unknown:
        if message not in tolerated:
            raise EditRefused(msg("edit.refused", problem=message), path=rel)


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
