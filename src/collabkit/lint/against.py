"""`collab lint --against REF`: ids that this branch and REF both added since their merge base,
for different records — two clones that took the same next number — caught before the merge.

One `git log --left-right` over both sides of the merge base lists the record files each side
added and the first version of each; this side's uncommitted new records count too. The same
id added with the same first version on both sides is one record (a cherry-pick), not a clash.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from collabkit.errors import UsageError
from collabkit.findings import Finding
from collabkit.i18n import Texts, msg
from collabkit.io.git import head_commit, is_option_like, require_repo, run_git
from collabkit.lint.locate import Locator
from collabkit.models._types import ID_RE
from collabkit.workspace import Loaded, Workspace

SHORT = 12


@dataclass(frozen=True, slots=True)
class Added:
    """A record file one side added: its path from the top and its first version's blob
    (None: not committed yet)."""

    path: str
    blob: str | None


def against_checks(
    ws: Workspace, records: list[Loaded], where: Locator, *, ref: str
) -> Iterator[Finding]:
    """A finding on each record of this branch whose id REF added for another record."""
    top = require_repo(ws.root)
    base = merge_base(top, ref)
    folder = ws.records_dir.resolve().relative_to(top).as_posix()
    ours, theirs = added_on_both_sides(top, ref, folder)
    ours |= {k: v for k, v in uncommitted_additions(top, folder).items() if k not in ours}
    clashes = {i: ours[i] for i in ours.keys() & theirs.keys()}
    _fill_blobs(top, clashes)
    t = Texts(ws.config.language)
    for rec in records:
        mine = clashes.get(rec.id)
        if mine is None or mine.blob == theirs[rec.id].blob:
            continue
        if rec.file.path.resolve().relative_to(top).as_posix() != mine.path:
            continue
        text = t("against.clash", id=rec.id, ref=ref, base=base[:SHORT], theirs=theirs[rec.id].path)
        yield where.finding(rec, ("id",), "id-clash", text)


def merge_base(top: Path, ref: str) -> str:
    """The merge base of HEAD and REF; a clear error for an unknown REF or unrelated ones."""
    if is_option_like(ref) or not ref.strip():
        raise UsageError(msg("against.bad_ref", ref=ref))
    if head_commit(top) is None:
        raise UsageError(msg("against.no_commit"))
    known = run_git(top, ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], check=False)
    if known.code != 0:
        raise UsageError(msg("against.bad_ref", ref=ref))
    found = run_git(top, ["merge-base", "HEAD", ref], check=False)
    if found.code != 0 or not found.out.strip():
        raise UsageError(msg("against.no_base", ref=ref))
    return found.out.strip()


def added_on_both_sides(
    top: Path, ref: str, folder: str
) -> tuple[dict[str, Added], dict[str, Added]]:
    """Record ids added under `folder` on HEAD's side and on REF's side of their merge base."""
    args = ["log", "--left-right", "-z", "--raw", "--no-abbrev", "--no-renames"]
    args += ["--diff-filter=A", "--format=\x1e%m\x1f", f"HEAD...{ref}", "--", folder]
    sides: dict[str, dict[str, Added]] = {"<": {}, ">": {}}
    for chunk in run_git(top, args).out.split("\x1e")[1:]:
        mark, _, raw = chunk.partition("\x1f")
        parts = raw.lstrip("\x00\n").split("\x00")
        for meta, path in zip(parts[0::2], parts[1::2], strict=False):
            pieces = meta.split()
            record_id = Path(path).stem
            if len(pieces) >= 4 and ID_RE.match(record_id) and mark in sides:
                sides[mark][record_id] = Added(path, pieces[3])  # oldest last: first version
    return sides["<"], sides[">"]


def uncommitted_additions(top: Path, folder: str) -> dict[str, Added]:
    """Record files this side added but has not committed: new in the index, or untracked."""
    args = ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--"]
    out = run_git(top, [*args, folder]).out
    found: dict[str, Added] = {}
    for entry in filter(None, out.split("\x00")):
        state, path = entry[:2], entry[3:]
        record_id = Path(path).stem
        if (state == "??" or state[0] == "A") and ID_RE.match(record_id):
            found[record_id] = Added(path, None)
    return found


def _fill_blobs(top: Path, clashes: dict[str, Added]) -> None:
    """The blob of each uncommitted file, as git would store it (`git hash-object`)."""
    pending = [(i, a) for i, a in clashes.items() if a.blob is None]
    if not pending:
        return
    hashes = run_git(top, ["hash-object", "--", *(a.path for _, a in pending)]).out.split()
    for (record_id, added), blob in zip(pending, hashes, strict=True):
        clashes[record_id] = Added(added.path, blob)
