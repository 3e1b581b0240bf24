"""Record ids: <PREFIX>-<YEAR>-<SEQ>, and the next free one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from collabkit.errors import CollabError, UnknownRecord
from collabkit.i18n import msg
from collabkit.models._types import ID_RE, REF_RE

SEQ_WIDTH = 3
MAX_TRIES = 10_000


def format_id(prefix: str, year: int, seq: int) -> str:
    return f"{prefix}-{year}-{seq:0{SEQ_WIDTH}d}"


def parse_id(record_id: str) -> tuple[str, int, int]:
    prefix, year, seq = record_id.rsplit("-", 2)
    return prefix, int(year), int(seq)


def highest_seq(names: Iterable[str], prefix: str, year: int) -> int:
    """The highest sequence number among file stems or ids of this prefix and year."""
    pattern = re.compile(rf"^{re.escape(prefix)}-{year}-(\d{{{SEQ_WIDTH},}})$")
    return max((int(m[1]) for name in names if (m := pattern.match(name))), default=0)


def allocate(
    folder: Path,
    prefix: str,
    year: int,
    taken: Iterable[str],
    create: Callable[[Path, str], bool],
) -> tuple[str, Path]:
    """Claim the next free id: `create(path, id)` must create the file exclusively and
    say whether it did; a name another process took meanwhile is skipped."""
    seq = highest_seq(taken, prefix, year) + 1
    for _ in range(MAX_TRIES):
        record_id = format_id(prefix, year, seq)
        path = folder / f"{record_id}.yaml"
        if create(path, record_id):
            return record_id, path
        seq += 1
    raise CollabError(f"could not allocate a new {prefix}-{year} id in {folder}")


def check_id(text: str) -> None:
    """Refuse anything that is not a record id (so no id can name a path)."""
    if not ID_RE.match(text):
        raise UnknownRecord(msg("record.not_an_id", text=text))


def split_ref(text: str) -> tuple[str, str | None]:
    """'HY-2024-003/A2' → ('HY-2024-003', 'A2'); 'RW-2024-001' → ('RW-2024-001', None)."""
    if not REF_RE.match(text):
        raise UnknownRecord(msg("record.not_a_ref", text=text))
    record_id, _, item = text.partition("/")
    return record_id, item or None
