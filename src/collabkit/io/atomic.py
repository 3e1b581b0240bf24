"""Atomic file writes: a killed process leaves the old file or the new one, never half.

A write that fails (a full disk, a read-only file system, no permission) leaves the old
file as it was, removes its temp file and is a `WriteFailed` that says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from collabkit.errors import CollabError
from collabkit.i18n import msg

_P = ParamSpec("_P")
_R = TypeVar("_R")
_REASONS = {
    errno.ENOSPC: "write.disk_full",
    errno.EROFS: "write.read_only",
    errno.EACCES: "write.denied",
    errno.EPERM: "write.denied",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "write.disk_full"


class WriteFailed(CollabError):
    """A file could not be written; nothing was changed."""


def _refuse_os_errors(write: Callable[_P, _R]) -> Callable[_P, _R]:
    """Turn an OSError of a write into a WriteFailed naming the file (the first argument)."""

    @wraps(write)
    def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return write(*args, **kwargs)
        except OSError as exc:
            key = _REASONS.get(exc.errno or 0)
            message = msg(key) if key else msg("write.failed", reason=exc.strerror or str(exc))
            raise WriteFailed(message, path=args[0]) from None  # type: ignore[arg-type]

    return guarded


@_refuse_os_errors
def write_atomic(
    path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Write `data` to a temp file beside `path`, fsync it, then rename it over `path`.

    `before_replace` runs just before the rename (an edit checks there that nobody changed
    the file meanwhile); when it raises, nothing is replaced and the temp file goes."""
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = path.stat().st_mode & 0o777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _write_synced(fd, data)
        if mode is not None:
            os.chmod(tmp, mode)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


@_refuse_os_errors
def create_exclusive(path: Path, data: bytes) -> bool:
    """Create `path` with `data` unless it exists; False when another process got there first.

    The content is written and synced to a hidden temp file first, then hard-linked to the
    name: the link fails when the name exists (so two processes never both get it), and a
    process killed on the way never leaves an empty or half-written record. Where hard
    links are not supported, the name is claimed with O_EXCL and filled atomically.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    try:
        _write_synced(fd, data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            return _claim_and_fill(path, data)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    _fsync_dir(path.parent)
    return True


def _claim_and_fill(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    os.close(fd)
    try:
        write_atomic(path, data)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raise
    return True


def _write_synced(fd: int, data: bytes) -> None:
    """Write `data` to the open file `fd`, sync it to disk and close it (also on failure)."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]  # a short write goes on where it stopped
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
