"""`collab render`: pages to stdout, or a folder of pages (one per record, plus `index.md`).

A site is written file by file, atomically; a page whose bytes did not change is not
written again (it keeps its mtime, so an unchanged workspace rewrites nothing). Every file
name is a record id (checked) plus `.md`, or `index.md`, inside the folder: nothing is
ever written outside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from collabkit.errors import UsageError
from collabkit.findings import Finding
from collabkit.i18n import msg
from collabkit.io.atomic import write_atomic
from collabkit.models._types import ID_RE
from collabkit.present.pages import SignOffs, no_signoffs
from collabkit.render.pages import index_text, page_text, prepare
from collabkit.workspace import Workspace

INDEX = "index.md"
Progress = Callable[[int, int], None]  # (pages done, pages in all)


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What writing a site did: the files written and those left as they were."""

    folder: Path
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[Finding, ...]  # record files that could not be read


def in_language(ws: Workspace, language: str | None) -> Workspace:
    """The workspace with its labels in `language` (`--lang`), its settings otherwise the same."""
    if language is None or language == ws.config.language:
        return ws
    if language not in ("zh", "en"):
        raise UsageError(msg("render.cmd.bad_language", value=language))
    return Workspace(ws.root, ws.config.model_copy(update={"language": language}))


@dataclass(frozen=True, slots=True)
class Rendered:
    """Markdown for stdout, and the record files that could not be read."""

    text: str
    skipped: tuple[Finding, ...]


def render_text(
    ws: Workspace, now: datetime, ids: Sequence[str] = (), signoffs: SignOffs = no_signoffs
) -> Rendered:
    """The pages of `ids` one after the other, or without ids the index of the workspace."""
    prepared = prepare(ws, now, ids, signoffs, index=not ids)
    if not ids:
        return Rendered(index_text(ws.root, prepared), prepared.skipped)
    pages = [page_text(ws.root, rec.record, prepared.site) for rec in prepared.chosen]
    return Rendered("\n".join(pages), prepared.skipped)


def write_site(
    ws: Workspace,
    folder: Path,
    now: datetime,
    ids: Sequence[str] = (),
    signoffs: SignOffs = no_signoffs,
    progress: Progress | None = None,
) -> SiteResult:
    """Write one page per record (or per id of `ids`) and `index.md` into `folder`."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(msg("render.cmd.out_not_folder", path=str(folder)))
    prepared = prepare(ws, now, ids, signoffs)
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"{rec.id}.md" for rec in prepared.chosen]
    written: list[str] = []
    unchanged: list[str] = []
    total = len(names) + 1
    for done, name in enumerate([*names, INDEX], 1):
        if name == INDEX:
            text = index_text(ws.root, prepared)
        else:
            text = page_text(ws.root, prepared.chosen[done - 1].record, prepared.site)
        (written if _write_if_changed(folder, name, text) else unchanged).append(name)
        if progress is not None:
            progress(done, total)
    return SiteResult(folder, tuple(written), tuple(unchanged), prepared.skipped)


def _write_if_changed(folder: Path, name: str, text: str) -> bool:
    """Write `folder/name` atomically unless it already holds exactly `text`."""
    if name != INDEX and not ID_RE.match(name.removesuffix(".md")):
        raise UsageError(msg("render.cmd.bad_page_name", name=name))  # never a path
    path = folder / name
    data = text.encode("utf-8")
    if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True
