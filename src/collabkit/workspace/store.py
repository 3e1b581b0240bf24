"""The workspace on disk: finding it, listing its record files, reading them into models.

Everything that reads records goes through `Workspace.load`, so there is one place that
decodes, parses, validates and (later) caches. Problems in a file never stop the others:
they come back as findings beside the records that did load.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from collabkit.bulk import collector_paused
from collabkit.errors import CollabError, UnknownRecord, WorkspaceNotFound
from collabkit.i18n import msg
from collabkit.models import FOLDERS
from collabkit.models.ids import check_id
from collabkit.timing.obligations import Timing
from collabkit.workspace.config import CONFIG_NAME, Config, load_config
from collabkit.workspace.records import Loaded, LoadResult, RecordFile
from collabkit.workspace.validate import validate_file

RECORD_SUFFIXES = (".yaml", ".yml")
__all__ = ["RECORD_SUFFIXES", "LoadResult", "Loaded", "RecordFile", "Workspace", "find_root"]


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds a `collab.yaml`."""
    start = start.resolve()
    if not start.is_dir():
        raise WorkspaceNotFound(f"not a folder: {start}")
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise WorkspaceNotFound(
        f"no {CONFIG_NAME} in {start} or any folder above it (create one with `collab init`)"
    )


class Workspace:
    """A workspace folder and its settings."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root = root
        self.config = config

    @classmethod
    def open(cls, start: Path) -> Workspace:
        root = find_root(start)
        return cls(root, load_config(root))

    @property
    def records_dir(self) -> Path:
        return self.root / "records"

    @cached_property
    def timing(self) -> Timing:
        """The workspace's rules and working calendar (built once)."""
        return Timing.for_config(self.config)

    def rel(self, path: Path) -> str:
        """`path` relative to the workspace, with `/`; as given when it is outside."""
        if path.is_absolute() and ".." not in path.parts and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()  # no system call: the usual case
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def record_paths(self) -> list[Path]:
        """Every record file under `records/`, in a stable order."""
        found: list[Path] = []
        for folder, dirs, files in os.walk(self.records_dir):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(
                Path(folder, name)
                for name in sorted(files)
                if name.endswith(RECORD_SUFFIXES) and not name.startswith(".")
            )
        return found

    def expand(self, paths: list[Path]) -> list[Path]:
        """Files named on the command line: folders expand to their record files."""
        out: list[Path] = []
        for path in paths:
            if path.is_dir():
                out.extend(
                    p
                    for p in sorted(path.rglob("*"))
                    if p.suffix in RECORD_SUFFIXES and p.is_file()
                )
            elif path.name != CONFIG_NAME:
                out.append(path)
        return out

    def load(self, paths: list[Path] | None = None) -> LoadResult:
        """Read and validate record files (all of them by default)."""
        result = LoadResult()
        with collector_paused():
            for path in self.record_paths() if paths is None else paths:
                file, record, findings = validate_file(path, self.rel(path), self.config)
                result.findings.extend(findings)
                if file is not None:
                    result.files.append(file)
                if record is not None and file is not None:
                    result.records.append(Loaded(file, record))
        return result

    def path_for(self, kind: str, record_id: str) -> Path:
        return self.records_dir / FOLDERS[kind] / f"{record_id}.yaml"

    def locate_id(self, record_id: str) -> Path:
        """The file of a record, from its id alone; never a path outside the workspace."""
        check_id(record_id)
        prefix = record_id.split("-", 1)[0]
        kind = self.config.kind_of_prefix.get(prefix)
        if kind is not None:
            expected = self.path_for(kind, record_id)
            if expected.is_file():
                return expected
        for path in self.record_paths():
            if path.stem == record_id:
                return path
        raise UnknownRecord(msg("record.unknown", id=record_id))

    def get(self, record_id: str) -> Loaded:
        """One record, validated; a record that does not validate is an error here."""
        path = self.locate_id(record_id)
        file, record, findings = validate_file(path, self.rel(path), self.config)
        errors = [f for f in findings if f.severity == "error"]
        if record is None or file is None or errors:
            first = errors[0] if errors else None
            raise CollabError(
                first.message if first else "record cannot be read",
                path=self.rel(path),
                line=first.line if first else None,
                column=first.column if first else None,
            )
        return Loaded(file, record)
