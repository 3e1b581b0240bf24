"""Reading many record files on two cores: half in a forked child, half here.

Decoding, parsing and validating 10,000 records is plain CPU work on independent files,
and a process's start-up is most of what a cold `collab overdue` waits for. Above a few
thousand files (where a fork pays for itself) the work is split in two: a child forked
from this process (it has every module and the workspace already) reads the second half
and sends what it found back through a pipe as `marshal` data; this process reads the
first half meanwhile. Where there is no `fork` (Windows), only one core, or a child that
fails, everything is read here: the answer never depends on how it was computed.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from collabkit.cache.store import Entry

T = TypeVar("T")
THRESHOLD = 2_000  # fewer files than this: one process (a fork costs ~10-20 ms)


def in_parallel(read: Callable[[T], Entry], jobs: Sequence[T]) -> list[Entry]:
    """`[read(job) for job in jobs]`, on two cores when there are enough jobs."""
    if len(jobs) < THRESHOLD or not _can_fork():
        return [read(job) for job in jobs]
    half = len(jobs) // 2
    theirs = _forked(read, jobs[half:])
    mine = [read(job) for job in jobs[:half]]
    rest = theirs()
    return mine + (rest if rest is not None else [read(job) for job in jobs[half:]])


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def _forked(read: Callable[[T], Entry], jobs: Sequence[T]) -> Callable[[], list[Entry] | None]:
    """Start a child that reads `jobs`; the returned function waits for its entries (None
    when the child failed)."""
    readable, writable = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: read, send, and leave without running any cleanup
        code = 1
        try:
            os.close(readable)
            data = marshal.dumps([_fields(read(job)) for job in jobs])
            with os.fdopen(writable, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(writable)

    def collect() -> list[Entry] | None:
        with os.fdopen(readable, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0:
            return None
        try:
            return [Entry._make(fields) for fields in marshal.loads(data)]
        except (ValueError, EOFError, TypeError):
            return None

    return collect


def _fields(entry: Entry) -> tuple[Any, ...]:
    return tuple(entry)
