"""Work over many record files on two cores: half in a forked child, half here.

Decoding, parsing, validating and checking 10,000 records is plain CPU work on
independent files, and a process's start-up is most of what a cold `collab overdue` waits
for. Above a few thousand files (where a fork pays for itself) the work is split in two:
a child forked from this process (it has every module and the workspace already) does
every other file and sends what it found back through a pipe as `marshal` data; this
process does the rest meanwhile. Where there is no `fork` (Windows), only one
core, or a child that fails, everything is done here: the answer never depends on how
it was computed.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from collabkit.cache.store import Entry

T = TypeVar("T")
R = TypeVar("R")
THRESHOLD = 2_000  # fewer files than this: one process (a fork costs ~10-20 ms)


def in_halves(
    work: Callable[[Sequence[T]], R],
    jobs: Sequence[T],
    *,
    threshold: int | None = None,
    encode: Callable[[R], Any] = lambda result: result,
    decode: Callable[[Any], R] = lambda plain: plain,
) -> list[R]:
    """`[work(jobs)]`, or with at least `threshold` (default THRESHOLD) jobs
    `[work(jobs[0::2]), work(jobs[1::2])]`, the odd-numbered jobs done in a forked child:
    taking every other job shares out a folder of costly records fairly. `encode` makes a
    result `marshal` data (tuples, lists, dicts, strings, numbers) for the way back;
    `decode` undoes it."""
    if len(jobs) < max(THRESHOLD if threshold is None else threshold, 2) or not _can_fork():
        return [work(jobs)]
    theirs = _forked(lambda: encode(work(jobs[1::2])))
    mine = work(jobs[0::2])
    rest = theirs()
    return [mine, decode(rest) if rest is not None else work(jobs[1::2])]


def in_parallel(read: Callable[[Sequence[T]], list[Entry]], jobs: Sequence[T]) -> list[Entry]:
    """`read(jobs)` (an Entry per job), on two cores when there are enough jobs."""
    parts = in_halves(
        read,
        jobs,
        encode=lambda entries: [tuple(entry) for entry in entries],
        decode=lambda rows: [Entry._make(row) for row in rows],
    )
    if len(parts) == 1:
        return parts[0]
    entries: list[Entry] = [*parts[0], *parts[1]]  # then put back in the order of the jobs
    entries[0::2], entries[1::2] = parts
    return entries


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def _send(result: Any) -> bytes:
    """What the child writes to the pipe."""
    return marshal.dumps(result)


def _forked(work: Callable[[], Any]) -> Callable[[], Any | None]:
    """Start a child that runs `work`; the returned function waits for its result (None
    when the child failed)."""
    readable, writable = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: work, send, and leave without running any cleanup
        code = 1
        try:
            os.close(readable)
            data = _send(work())
            with os.fdopen(writable, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(writable)

    def collect() -> Any | None:
        with os.fdopen(readable, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0:
            return None
        try:
            return marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            return None

    return collect
