"""`collab renumber`: a record takes the next free id (after two clones took the same one),
and `--split`: a file in which git's add/add conflict holds both clones' records becomes two
records with distinct ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from collabkit.edit.document import Document, check_valid, validated
from collabkit.errors import EditRefused, UsageError
from collabkit.i18n import msg
from collabkit.io.atomic import create_exclusive, write_atomic
from collabkit.io.conflicts import label, sides
from collabkit.io.paths import check_inside
from collabkit.io.yamlio import decode
from collabkit.models.ids import format_id, highest_seq, parse_id
from collabkit.workspace import Workspace


@dataclass(frozen=True)
class Renumbered:
    old: str
    new: str
    path: Path
    relinked: list[Path]


@dataclass(frozen=True)
class Split:
    """A conflicted file split in two: the side that kept the id, and the one renumbered."""

    kept: str  # the id both sides had
    kept_path: Path
    kept_side: str  # the conflict label of that side (HEAD, a branch, a commit)
    new: str
    new_path: Path
    new_side: str


def renumber(ws: Workspace, target: str) -> Renumbered:
    """Give a record the next free id of its prefix and year, rename its file and rewrite
    the links to it. `target` is an id, or the file's path when the id is not unique."""
    path, old, duplicated = _renumber_target(ws, target)
    prefix, year, _ = parse_id(old)
    taken = [p.stem for p in ws.record_paths()]
    new = format_id(prefix, year, highest_seq(taken, prefix, year) + 1)
    doc = Document.open(path, ws.rel(path), ws.config.language)
    doc.tree["id"] = new
    new_path = path.with_name(f"{new}.yaml")
    text = retitle(doc.dump(), old, new)
    check_valid(text, new_path, ws.rel(new_path), ws.config, tolerated=None)
    doc.check_unchanged()
    if not create_exclusive(new_path, doc.encode(text)):
        raise EditRefused(msg("renumber.appeared", file=ws.rel(new_path)))
    path.unlink()
    relinked = [] if duplicated else _relink(ws, old, new)
    return Renumbered(old, new, new_path, relinked)


def retitle(text: str, old: str, new: str) -> str:
    """`text` with `old` replaced by `new` in its header comment (the comment lines before
    the first key), where a skeleton names the record's id."""
    pattern = re.compile(rf"(?<![A-Za-z0-9-]){re.escape(old)}(?!\d)")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        lines[i] = pattern.sub(new, line)
    return "\n".join(lines)


def _renumber_target(ws: Workspace, target: str) -> tuple[Path, str, bool]:
    """(file, id, whether another file holds the same id)."""
    candidate = Path(target)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        path = _record_file(ws, candidate, target)
        data = ws.load([path])
        if not data.records:
            raise EditRefused(msg("renumber.invalid"), path=ws.rel(path))
        record_id = data.records[0].id
        return path, record_id, len(_holders(ws, record_id)) > 1
    holders = _holders(ws, target)
    if len(holders) > 1:
        listed = ", ".join(ws.rel(p) for p in holders)
        raise UsageError(msg("renumber.several", id=target, files=listed))
    path = holders[0] if holders else ws.locate_id(target)
    return check_inside(ws.root, path, ws.rel(path)), target, False  # not a link out


def _holders(ws: Workspace, record_id: str) -> list[Path]:
    """Every file that holds `record_id` (by its content or, unreadable, by its name)."""
    loaded = ws.load()
    found = {rec.file.path for rec in loaded.records if rec.id == record_id}
    found |= {p for p in ws.record_paths() if p.stem == record_id}
    return sorted(found)


def _record_file(ws: Workspace, candidate: Path, given: str) -> Path:
    path = candidate.resolve()
    if not path.is_relative_to(ws.records_dir.resolve()):
        raise UsageError(msg("renumber.outside", file=given))
    return path


def _relink(ws: Workspace, old: str, new: str) -> list[Path]:
    """Rewrite `links:` entries naming `old` (or `old/ITEM`) in every record."""
    changed = []
    for rec in ws.load().records:
        if not any(link.split("/")[0] == old for link in rec.record.links):
            continue
        doc = Document.open(rec.file.path, rec.file.rel, ws.config.language)
        links = doc.tree["links"]
        for i, link in enumerate(links):
            target, sep, item = str(link).partition("/")
            if target == old:
                links[i] = new + sep + item
        doc.save(ws.config)
        changed.append(rec.file.path)
    return changed


def split_conflict(ws: Workspace, target: str, keep: str | None = None) -> Split:
    """Split a record file holding git's add/add conflict into both sides' records: the
    `keep` side ("ours" or "theirs") keeps the id and the file, the other takes the next
    free id in a file of its own (links are left alone: they cannot tell which was meant).

    By default the side that is already published keeps its id: the one being merged in
    during a merge (`git pull`), the upstream one (HEAD) during a rebase."""
    from collabkit.io.conflicts import find_conflicts

    keep = keep or published_side(ws.root)
    if keep not in ("ours", "theirs"):
        raise UsageError(msg("split.keep", keep=keep))
    path = _record_file(ws, Path(target), target)
    rel = ws.rel(path)
    raw = path.read_bytes()
    text = decode(raw, rel)
    both = sides(text)
    if both is None:
        raise EditRefused(msg("split.no_conflict"), path=rel)
    first = find_conflicts(text)[0][0]
    labels = (label(first.ours_label or "HEAD"), label(first.theirs_label or "theirs"))
    order = (0, 1) if keep == "ours" else (1, 0)
    kept_text, other_text = both[order[0]], both[order[1]]
    kept_record = validated(kept_text, path, rel, ws.config, tolerated=None)[0]
    other_record = validated(other_text, path, rel, ws.config, tolerated=None)[0]
    old = kept_record.record_id
    if other_record.record_id != old:
        raise EditRefused(msg("split.other_ids", a=old, b=other_record.record_id), path=rel)
    prefix, year, _ = parse_id(old)
    taken = [p.stem for p in ws.record_paths()]
    new = format_id(prefix, year, max(highest_seq(taken, prefix, year), parse_id(old)[2]) + 1)
    new_path = path.with_name(f"{new}.yaml")
    renumbered = _with_id(path, rel, raw, other_text, old, new, ws)
    if not create_exclusive(new_path, renumbered):
        raise EditRefused(msg("renumber.appeared", file=ws.rel(new_path)))
    kept = Document.parse(path, rel, raw, kept_text)
    try:
        write_atomic(path, kept.encode(kept_text), before_replace=kept.check_unchanged)
    except BaseException:
        new_path.unlink()
        raise
    return Split(old, path, labels[order[0]], new, new_path, labels[order[1]])


def published_side(root: Path) -> str:
    """ "theirs" while git merges (MERGE_HEAD), "ours" while it rebases or otherwise."""
    from collabkit.io.git import GitUnavailable, run_git

    try:
        merging = run_git(root, ["rev-parse", "-q", "--verify", "MERGE_HEAD"], check=False)
    except GitUnavailable:
        return "ours"
    return "theirs" if merging.code == 0 else "ours"


def _with_id(
    path: Path, rel: str, raw: bytes, text: str, old: str, new: str, ws: Workspace
) -> bytes:
    """The bytes of one side's record with the new id (header comment included)."""
    doc = Document.parse(path, rel, raw, text)
    doc.tree["id"] = new
    renamed = retitle(doc.dump(), old, new)
    check_valid(renamed, path.with_name(f"{new}.yaml"), rel, ws.config, tolerated=None)
    return doc.encode(renamed)
