"""Reading signatures out of git: `git log` with a machine format, parsed into commits.

A signing commit carries the trailers `Collab-Record: <id or ID/ITEM>` and
`Collab-Signed: <role>`. Two questions are asked of git, each in one pass:

- `signing_commits`: every signing commit reachable from HEAD, for the whole workspace at once
  (found by their trailer, so a signature that changed nothing in the file is found too), with
  the blob each one wrote;
- `record_trail`: every commit that touched one record file (following renames), plus the
  signing commits that name it.

git verifies signatures (`%G?`) only when asked to (`verify`): that runs gpg or ssh-keygen once
per signed commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from collabkit.io.git import head_commit, run_git
from collabkit.trail import Verdict

RECORD_TRAILER = "Collab-Record"
ROLE_TRAILER = "Collab-Signed"
VERDICTS: dict[str, Verdict] = {
    "G": "good",
    "B": "bad",
    "N": "none",
    "E": "unknown",
    "U": "unknown",
    "X": "unknown",
    "Y": "unknown",
    "R": "unknown",
}
_START, _FIELD, _VALUE = "\x1e", "\x1f", "\x1d"
_BASE_FIELDS = (
    "%H",
    "%an",
    "%ae",
    "%aI",
    "%ct",
    "%s",
    f"%(trailers:key={RECORD_TRAILER},valueonly,separator=%x1d)",
    f"%(trailers:key={ROLE_TRAILER},valueonly,separator=%x1d)",
)
_VERIFY_FIELDS = ("%G?", "%GK", "%GS")


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit as the trail needs it."""

    hash: str
    author: str
    email: str
    at: datetime
    time: int  # committer time, for ordering
    subject: str
    signs: tuple[tuple[str, str], ...]  # (record or ID/ITEM, role) pairs of its trailers
    verdict: Verdict  # "none" when not verified
    key: str
    signer: str
    blobs: tuple[tuple[str, str], ...] = ()  # (path from the top, blob) the commit wrote

    def roles_for(self, ref: str) -> list[str]:
        return [role for record, role in self.signs if record == ref]

    def blob_for(self, record_id: str) -> str | None:
        """The blob this commit wrote for the file of `record_id`, if it changed it."""
        for path, blob in self.blobs:
            if Path(path).stem == record_id:
                return blob
        return None


def log_format(verify: bool) -> str:
    fields = _BASE_FIELDS + (_VERIFY_FIELDS if verify else ())
    return "--format=" + _START + "%x1f".join(fields) + "%x1f"


def signing_commits(top: Path, *, verify: bool, ref: str | None = None) -> list[Commit]:
    """Every signing commit reachable from HEAD (or those naming record `ref` and its items),
    newest first, with the blobs it wrote."""
    if head_commit(top) is None:
        return []
    args = ["log", "-z", "--raw", "--no-abbrev", "--no-renames", "--extended-regexp"]
    args.append(f"--grep=^{ROLE_TRAILER}: ")
    if ref is not None:
        args += ["--all-match", _record_grep(ref, None)]
    args += [log_format(verify), "HEAD", "--"]
    return [c for c in parse_log(run_git(top, args).out, verify=verify, raw=True) if c.signs]


def record_trail(top: Path, path: str, record_id: str, item: str | None = None) -> list[Commit]:
    """Every commit that touched the record file `path` (from the top, following renames) and
    every signing commit naming the record (or just its `item`), newest first."""
    if head_commit(top) is None:
        return []
    touched = run_git(top, ["log", "-z", "--follow", log_format(True), "HEAD", "--", path]).out
    grep = _record_grep(record_id, item)
    signed = run_git(top, ["log", "-z", "--extended-regexp", grep, log_format(True), "HEAD"]).out
    by_hash = {c.hash: c for c in parse_log(touched + signed, verify=True, raw=False)}
    return sorted(by_hash.values(), key=lambda c: c.time, reverse=True)


def _record_grep(record_id: str, item: str | None) -> str:
    """`--grep` for the trailer naming the record (and any of its items), or just one item."""
    named = _ere(record_id) + (f"/{_ere(item)}" if item else "(/.*)?")
    return f"--grep=^{RECORD_TRAILER}: {named}$"


def _ere(text: str) -> str:
    """`text` as a literal in a POSIX extended regular expression (git's `--grep -E`)."""
    return re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", text)


def parse_log(out: str, *, verify: bool, raw: bool) -> Iterator[Commit]:
    """Commits from the output of `log_format` (with `--raw -z` when `raw`)."""
    width = len(_BASE_FIELDS) + (len(_VERIFY_FIELDS) if verify else 0)
    for chunk in out.split(_START)[1:]:
        fields = chunk.split(_FIELD, width)
        if len(fields) <= width:
            continue  # not a commit of our format
        commit = _commit(fields[:width], verify)
        blobs = tuple(_raw_entries(fields[width])) if raw else ()
        yield commit if not blobs else _with_blobs(commit, blobs)


def _commit(fields: list[str], verify: bool) -> Commit:
    hash_, author, email, date, ctime, subject, records, roles = fields[:8]
    verdict, key, signer = fields[8:11] if verify else ("N", "", "")
    signs = tuple(
        (record.strip(), role.strip())
        for record, role in zip(_values(records), _values(roles), strict=False)
    )
    return Commit(
        hash=hash_.strip("\x00\n"),
        author=author,
        email=email,
        at=datetime.fromisoformat(date),
        time=int(ctime),
        subject=subject,
        signs=signs,
        verdict=VERDICTS.get(verdict, "unknown"),
        key=key,
        signer=signer,
    )


def _values(text: str) -> list[str]:
    return [value for value in text.strip().split(_VALUE) if value.strip()]


def _raw_entries(text: str) -> Iterator[tuple[str, str]]:
    """(path, new blob) of each `--raw -z` entry: ':<modes> <old> <new> <status>\\0<path>\\0'."""
    parts = text.lstrip("\x00\n").split("\x00")
    for meta, path in zip(parts[0::2], parts[1::2], strict=False):
        pieces = meta.split()
        if meta.startswith(":") and len(pieces) >= 4 and set(pieces[3]) != {"0"}:
            yield path, pieces[3]


def _with_blobs(commit: Commit, blobs: tuple[tuple[str, str], ...]) -> Commit:
    return replace(commit, blobs=blobs)
