"""The versions of records that signing commits signed, read from git in one batch.

A version is named the way `git cat-file` takes it: the blob a signing commit wrote, or
`COMMIT:PATH` for a signature that changed nothing in the file (its version is the file in
that commit's tree). When the file has moved since, it is found again in the commit's tree by
its name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from collabkit.errors import CollabError
from collabkit.io.git import run_git, run_git_bytes
from collabkit.io.yamlio import decode, load_data
from collabkit.models import Record, validated_record
from collabkit.models._types import validation_context
from collabkit.workspace import Config


@dataclass(frozen=True, slots=True)
class Version:
    """A signed version of a record file: its text and the plain data parsed from it."""

    spec: str
    text: str
    data: Any

    def record(self, config: Config) -> Record | None:
        """The version validated as a record; None when it is none (any more)."""
        record: Record | None = validated_record(self.data, validation_context(config.tz))[0]
        return record


def read_versions(top: Path, specs: Sequence[str]) -> dict[str, Version | None]:
    """The versions that `specs` name; None for one that is missing or does not parse.
    A `COMMIT:PATH` whose path the commit does not have is looked up by the file's name."""
    raw = cat_blobs(top, specs)
    moved = {spec: _relocated(top, spec) for spec, data in raw.items() if data is None}
    found = cat_blobs(top, sorted({m for m in moved.values() if m}))
    for spec, elsewhere in moved.items():
        raw[spec] = found.get(elsewhere) if elsewhere else None
    return {spec: _parsed(data, spec) for spec, data in raw.items()}


def blob_id(text: str, like: str) -> str:
    """The id git gives a blob of `text` (UTF-8) in a repository whose ids look like `like`
    (40 hex digits: SHA-1, 64: SHA-256), so an unchanged file need not be read back."""
    data = text.encode("utf-8")
    digest = hashlib.sha256 if len(like) == 64 else hashlib.sha1
    return digest(b"blob %d\0" % len(data) + data).hexdigest()


def cat_blobs(top: Path, specs: Sequence[str]) -> dict[str, bytes | None]:
    """The contents of blobs named by `specs`, with one `git cat-file --batch`."""
    if not specs:
        return {}
    stdin = "".join(f"{spec}\n" for spec in specs).encode("utf-8")
    out = run_git_bytes(top, ["cat-file", "--batch"], stdin=stdin).out
    found: dict[str, bytes | None] = {}
    position = 0
    for spec in specs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":
            found[spec] = None
            continue
        size = int(header[2])
        found[spec] = out[position : position + size]
        position += size + 1
    return found


def _relocated(top: Path, spec: str) -> str | None:
    """`COMMIT:NEWPATH` for a `COMMIT:PATH` whose file had another path in that commit."""
    commit, sep, path = spec.partition(":")
    if not sep:
        return None
    name = Path(path).name
    listing = run_git(top, ["ls-tree", "-r", "--name-only", "-z", commit], check=False).out
    paths = [p for p in listing.split("\x00") if p and Path(p).name == name]
    return f"{commit}:{paths[0]}" if len(paths) == 1 else None


def _parsed(raw: bytes | None, spec: str) -> Version | None:
    if raw is None:
        return None
    try:
        text = decode(raw, spec)
        return Version(spec, text, load_data(text, spec))
    except CollabError:  # a version that is no YAML cannot be compared
        return None
