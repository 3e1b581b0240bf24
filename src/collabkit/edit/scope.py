"""A record in its context: the files lint needs to judge the one record an edit changed.

`lint(ws, [path])` reads and checks every record of the workspace, then keeps the findings of
`path`; a record's own findings only depend on that record, the records it links to (broken
links, missing items) and other files of its name (a duplicate id). `RecordScope` is the
workspace narrowed to those, so that an edit's two lints read a few files, not 10,000.
"""

from __future__ import annotations

import re
from pathlib import Path

from collabkit.edit.document import Document
from collabkit.errors import CollabError
from collabkit.models.ids import split_ref
from collabkit.workspace import LoadResult, Workspace

_ID = re.compile(r"[A-Z][A-Z0-9]*-\d{4}-\d{3,}")


class RecordScope(Workspace):
    """The workspace as lint needs it to judge one record: that record, the records it links
    to and any other file of its name (a duplicate id). `lint(scope, [path])` then reads and
    checks those few files, not every record of the workspace."""

    def __init__(self, ws: Workspace, doc: Document) -> None:
        super().__init__(ws.root, ws.config)
        self.__dict__["timing"] = ws.timing  # built once per run
        self.paths = [doc.path, *_linked(ws, doc)]
        self.paths += [p for p in ws.record_paths() if p.stem == doc.path.stem]

    def load(self, paths: list[Path] | None = None, outside: set[Path] | None = None) -> LoadResult:
        chosen = list(dict.fromkeys(self.paths)) if paths is None else paths
        return super().load(chosen, outside if paths is not None else None)


def _linked(ws: Workspace, doc: Document) -> list[Path]:
    """The files of the records `doc` links to (before or after the edit)."""
    links = doc.tree.get("links")
    refs = [*(links if isinstance(links, list) else []), *_links_of(doc.original)]
    found = []
    for ref in refs:
        try:
            found.append(ws.locate_id(split_ref(str(ref))[0]))
        except CollabError:
            continue
    return found


def _links_of(text: str) -> list[str]:
    """Every id the original text names (its links among them)."""
    return _ID.findall(text)
