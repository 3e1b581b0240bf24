"""`collab renumber`: a record takes the next free id (after two clones took the same one)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from collabkit.edit.document import Document, check_valid
from collabkit.errors import EditRefused, UsageError
from collabkit.io.atomic import create_exclusive
from collabkit.models.ids import format_id, highest_seq, parse_id
from collabkit.workspace import Workspace


@dataclass(frozen=True)
class Renumbered:
    old: str
    new: str
    path: Path
    relinked: list[Path]


def renumber(ws: Workspace, target: str) -> Renumbered:
    """Give a record the next free id of its prefix and year, rename its file and rewrite
    the links to it. `target` is an id, or the file's path when the id is not unique."""
    path, old = _renumber_target(ws, target)
    prefix, year, _ = parse_id(old)
    taken = [p.stem for p in ws.record_paths()]
    duplicated = sum(1 for stem in taken if stem == old) > 1 or _id_in_other_files(ws, old, path)
    new = format_id(prefix, year, highest_seq(taken, prefix, year) + 1)
    doc = Document.open(path, ws.rel(path))
    doc.tree["id"] = new
    new_path = path.with_name(f"{new}.yaml")
    text = doc.dump()
    check_valid(text, new_path, ws.rel(new_path), ws.config, tolerated=None)
    if not create_exclusive(new_path, doc.encode(text)):
        raise EditRefused(f"{ws.rel(new_path)} appeared meanwhile; run renumber again")
    path.unlink()
    relinked = [] if duplicated else _relink(ws, old, new)
    return Renumbered(old, new, new_path, relinked)


def _renumber_target(ws: Workspace, target: str) -> tuple[Path, str]:
    candidate = Path(target)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        path = candidate.resolve()
        if not path.is_relative_to(ws.records_dir.resolve()):
            raise UsageError(f"{target} is not a record file of this workspace")
        data = ws.load([path])
        if not data.records:
            raise EditRefused(
                "the record does not validate; fix it first (collab lint)", path=ws.rel(path)
            )
        return path, data.records[0].id
    matches = [p for p in ws.record_paths() if p.stem == target]
    if len(matches) > 1:
        listed = ", ".join(ws.rel(p) for p in matches)
        raise UsageError(f"{target} is in several files ({listed}); name the file to renumber")
    return ws.locate_id(target), target


def _id_in_other_files(ws: Workspace, record_id: str, path: Path) -> bool:
    return any(rec.id == record_id and rec.file.path != path for rec in ws.load().records)


def _relink(ws: Workspace, old: str, new: str) -> list[Path]:
    """Rewrite `links:` entries naming `old` (or `old/ITEM`) in every record."""
    changed = []
    for rec in ws.load().records:
        if not any(link.split("/")[0] == old for link in rec.record.links):
            continue
        doc = Document.open(rec.file.path, rec.file.rel)
        links = doc.tree["links"]
        for i, link in enumerate(links):
            target, sep, item = str(link).partition("/")
            if target == old:
                links[i] = new + sep + item
        doc.save(ws.config)
        changed.append(rec.file.path)
    return changed
