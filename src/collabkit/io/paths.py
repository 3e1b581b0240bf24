"""Paths that stay inside a folder: nothing a record, an argument or a link names leads out.

A name from outside collab (an id, a path argument, a template name, an output file) is
joined with `safe_join`, which refuses what could climb out before touching the disk —
`..`, an absolute path, a drive (`C:`), a Windows separator (`..\\`), a NUL — and then
checks where the result really is, symlinks followed. `inside` is that last check alone,
for paths collab found itself (a symlinked record file pointing out of the workspace).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from collabkit.errors import CollabError
from collabkit.i18n import msg


class OutsideWorkspace(CollabError):
    """A path that leads out of the folder collab works in."""


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every symlink followed, is `root` or inside it."""
    try:
        real = path.resolve()
        top = root.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return real == top or real.is_relative_to(top)


def unsafe_part(part: str) -> bool:
    """Whether one name could lead out of the folder it is joined to, on any system."""
    if not part or "\0" in part or "\\" in part:
        return True
    posix, windows = PurePosixPath(part), PureWindowsPath(part)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or windows.root:
        return True
    return ".." in posix.parts


def safe_join(root: Path, *parts: str, shown: str | None = None) -> Path:
    """`root / parts`, or an OutsideWorkspace error when that is not inside `root`."""
    given = shown if shown is not None else "/".join(parts)
    if any(unsafe_part(part) for part in parts):
        raise OutsideWorkspace(msg("path.outside", path=given))
    path = root.joinpath(*parts)
    if not inside(root, path):
        raise OutsideWorkspace(msg("path.outside", path=given))
    return path


def check_inside(root: Path, path: Path, shown: str | os.PathLike[str]) -> Path:
    """`path` itself, or an OutsideWorkspace error naming it as the user gave it."""
    if not inside(root, path):
        raise OutsideWorkspace(msg("path.outside", path=os.fspath(shown)))
    return path
