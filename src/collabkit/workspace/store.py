"""The workspace on disk: finding it, listing its record files, reading them into models.

Everything that reads records goes through `Workspace.load`, so there is one place that
decodes, parses, validates and (later) caches. Problems in a file never stop the others:
they come back as findings beside the records that did load.

Nothing is read or written outside the workspace: a record file that is a symlink out of
it is a finding and is not read, symlinked folders are not followed, and ids and paths
given on the command line are refused when they lead out.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from collabkit.bulk import collector_paused
from collabkit.errors import CollabError, UnknownRecord, WorkspaceNotFound
from collabkit.findings import Finding
from collabkit.i18n import msg, text
from collabkit.io.paths import check_inside, inside, safe_join
from collabkit.io.walk import RECORD_SUFFIXES, record_files
from collabkit.models import FOLDERS
from collabkit.models.ids import check_id
from collabkit.timing.obligations import Timing
from collabkit.workspace.config import CONFIG_NAME, Config, load_config
from collabkit.workspace.records import Loaded, LoadResult, RecordFile
from collabkit.workspace.validate import validate_file, validate_files

__all__ = ["RECORD_SUFFIXES", "LoadResult", "Loaded", "RecordFile", "Workspace", "find_root"]


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds a `collab.yaml`."""
    start = start.resolve()
    if not start.is_dir():
        raise WorkspaceNotFound(msg("workspace.not_a_folder", path=str(start)))
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise WorkspaceNotFound(msg("workspace.not_found", name=CONFIG_NAME, start=str(start)))


class Workspace:
    """A workspace folder and its settings."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root = root
        # what the path of a file in the workspace starts with (for `rel`), when root is absolute
        self._top = str(root).rstrip(os.sep) + os.sep if root.is_absolute() else ""
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
        text, top = str(path), self._top
        if top and text.startswith(top) and ".." not in text[len(top) :].split(os.sep):
            return text[len(top) :].replace(os.sep, "/")  # the usual case, by the ten thousand
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def record_paths(self) -> list[Path]:
        """Every record file under `records/`, in a stable order."""
        return self.walk()[0]

    def walk(self) -> tuple[list[Path], set[Path]]:
        """The record files, and those of them that lead out of the workspace (symlinks).

        Hidden names (temp files `.name.tmp`, `.git`) are skipped; symlinked folders are
        not followed. Only symlinks cost a system call to check.
        """
        files, outside = self.files()
        return [Path(p) for p in files], {Path(p) for p in outside}

    def files(self, found: list[tuple[str, bool]] | None = None) -> tuple[list[str], set[str]]:
        """`walk` with paths as strings (cheaper by the ten thousand); `found`: the
        `record_files` of the records folder, when they were just walked."""
        everything_out = self.records_dir.is_symlink() and not inside(self.root, self.records_dir)
        if found is None:
            found = record_files(str(self.records_dir))
        outside = {
            path
            for path, link in found
            if everything_out or (link and not inside(self.root, Path(path)))
        }
        return [path for path, _ in found], outside

    def expand(self, paths: list[Path]) -> list[Path]:
        """Files named on the command line: folders expand to their record files. A path
        outside the workspace is refused (an OutsideWorkspace error)."""
        out: list[Path] = []
        for path in paths:
            check_inside(self.root, path, path)
            if path.is_dir():
                out.extend(
                    p
                    for p in sorted(path.rglob("*"))
                    if p.suffix in RECORD_SUFFIXES
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            elif path.name != CONFIG_NAME:
                out.append(path)
        return out

    def load(self, paths: list[Path] | None = None, outside: set[Path] | None = None) -> LoadResult:
        """Read and validate record files (all of them by default); `outside`: those of
        `paths` known to lead out of the workspace (found by `walk`)."""
        result = LoadResult()
        if paths is None:
            paths, outside = self.walk()
        elif outside is None:
            outside = {p for p in paths if p.is_symlink() and not inside(self.root, p)}
        with collector_paused():
            jobs = [(path, self.rel(path)) for path in paths if path not in outside]
            read = validate_files(jobs, self.config)
            for path in paths:
                if path in outside:
                    result.findings.append(self.outside_finding(path))
                    continue
                (file, record, findings), _, _ = next(read)
                result.findings.extend(findings)
                if file is not None:
                    result.files.append(file)
                if record is not None and file is not None:
                    result.records.append(Loaded(file, record))
        return result

    def outside_finding(self, path: Path) -> Finding:
        target = os.path.realpath(path)
        message = text("record.links_outside", self.config.language, target=target)
        return Finding(self.rel(path), 1, 1, "error", "outside-workspace", message)

    def path_for(self, kind: str, record_id: str) -> Path:
        """Where the record `record_id` of `kind` belongs (refused if that leads out)."""
        return safe_join(self.root, "records", FOLDERS[kind], f"{record_id}.yaml")

    def folder_for(self, kind: str) -> Path:
        """The folder of a kind's records (refused if it is a symlink out of the workspace)."""
        return safe_join(self.root, "records", FOLDERS[kind])

    def locate_id(self, record_id: str) -> Path:
        """The file of a record, from its id alone; never a path outside the workspace."""
        check_id(record_id)
        prefix = record_id.split("-", 1)[0]
        kind = self.config.kind_of_prefix.get(prefix)
        found: Path | None = None
        if kind is not None:
            expected = self.records_dir / FOLDERS[kind] / f"{record_id}.yaml"
            if expected.is_file():
                found = expected
        if found is None:
            found = next((p for p in self.record_paths() if p.stem == record_id), None)
        if found is None:
            raise UnknownRecord(msg("record.unknown", id=record_id))
        return check_inside(self.root, found, self.rel(found))

    def get(self, record_id: str) -> Loaded:
        """One record, validated; a record that does not validate is an error here."""
        path = self.locate_id(record_id)
        file, record, findings = validate_file(path, self.rel(path), self.config)
        errors = [f for f in findings if f.severity == "error"]
        if record is None or file is None or errors:
            first = errors[0] if errors else None
            raise CollabError(
                first.message if first else msg("record.unreadable"),
                path=self.rel(path),
                line=first.line if first else None,
                column=first.column if first else None,
            )
        return Loaded(file, record)
