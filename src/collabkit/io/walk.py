"""The record files under a folder, found with `os.scandir` alone (no pathlib, no stat).

Depth first in name order, a folder's files before its subfolders; hidden names (temp
files `.name.tmp`, `.git`) are skipped and symlinked folders are not followed. The
workspace (`Workspace.walk`), the cache and the fast path all walk with this one.
"""

from __future__ import annotations

import os
from operator import attrgetter

RECORD_SUFFIXES = (".yaml", ".yml")
_NAME = attrgetter("name")


def record_files(folder: str) -> list[tuple[str, bool]]:
    """(path, whether it is a symlink) of every record file under `folder`."""
    found: list[tuple[str, bool]] = []
    folders = [folder]
    while folders:
        current = folders.pop()
        try:
            entries = sorted(os.scandir(current), key=_NAME)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                if not entry.is_symlink():
                    subfolders.append(entry.path)
            elif entry.name.endswith(RECORD_SUFFIXES):
                found.append((entry.path, entry.is_symlink()))
        folders.extend(reversed(subfolders))  # depth first, in name order
    return found
