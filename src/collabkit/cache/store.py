"""The cache file: one `marshal` blob per workspace, checked before it is believed.

`.collab-cache/records.cache` holds, for each record file, its identity when it was read
(size, mtime_ns, inode; and a SHA-1 of the content when the file changed too recently for
its mtime to be trusted) and what reading it yielded: the findings that kept it from
loading, its unmet obligations as rows (met ones are never listed as overdue or due), and
how far ahead its recurring periods were computed.
The whole blob is stamped with what else the answers depend on: the bytes of
`collab.yaml`, collab's own code, the installed `holidays` data and the time zone
database. A blob that is missing, corrupt, foreign, or stamped otherwise is ignored and
rebuilt, never trusted.

Written whole, to a temporary file renamed into place: two collab processes at once (a CI
job and a terminal) each leave a complete cache, the later one winning. After an edit or
two only the changed entries are written, as amends of the file written whole
(`records.amends`, itself replaced whole; see `update`). A workspace
where the cache cannot be written (read only) works without it. `COLLAB_CACHE=off`
turns it off.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

import collabkit

FORMAT = 6
FOLDER = ".collab-cache"
NAME = "records.cache"
AMENDS = "records.amends"  # the entries changed since NAME was written whole
AMENDS_SHARE = 8  # changes to at most one entry in this many are kept as amends
UNSURE_NS = 2_000_000_000  # a file changed this close to a read may change again unseen
Key = tuple[int, int, int]  # size, mtime_ns, inode


class Entry(NamedTuple):
    """What one record file yielded when it had `key` (and `digest`, when unsure). A
    tuple: ten thousand of them come out of the cache file at the cost of one each."""

    key: Key
    digest: str | None
    horizon: float | None  # recurring periods were computed up to here (POSIX seconds)
    findings: tuple[tuple[Any, ...], ...]  # (line, column, severity, code, message)
    times: tuple[tuple[float, float | None], ...]  # (due, period begins) of each unmet one
    listed: bytes  # each unmet obligation, `Obligation.as_listed()`, marshalled
    open_rows: bytes  # the same as `Obligation.as_row()`, marshalled
    summary: bytes | None = None  # `workspace.summary.Summary` fields, marshalled, if it loaded

    def rows(self) -> list[tuple[Any, ...]]:
        """The entry's unmet obligation rows (decoded only when asked for)."""
        return list(marshal.loads(self.open_rows)) if self.times else []

    def listings(self, until: float) -> list[tuple[Any, ...]]:
        """The entry's unmet obligations as listings, of the periods up to `until`."""
        if not self.times:
            return []
        return [x for x in marshal.loads(self.listed) if x[1] is None or x[1] <= until]

    def has_open(self, first: float, last: float, until: float) -> bool:
        """Whether an unmet obligation is due between `first` and `last` (POSIX seconds),
        of the periods up to `until`."""
        return any(
            first <= due <= last and (begins is None or begins <= until)
            for due, begins in self.times
        )


class Cache:
    """The cache of one workspace: its stamp, per-workspace facts, and an entry per file.
    (Plain classes here: the fast path imports no dataclasses.)"""

    __slots__ = ("base", "entries", "facts", "stamp")

    def __init__(
        self, stamp: str, facts: dict[str, Any] | None = None,
        entries: dict[str, Entry] | None = None,
    ) -> None:  # fmt: skip
        self.stamp = stamp
        self.facts: dict[str, Any] = facts if facts is not None else {}
        self.entries: dict[str, Entry] = entries if entries is not None else {}
        # the cache file whole as read (its identity, its entries), which amends build on
        self.base: tuple[Key, dict[str, Entry]] | None = None


class Walked(NamedTuple):
    """The record files under `folder` (path, whether a symlink) as a walk checked them
    against `cache`: the entries of all but the `stale` ones (new, changed, symlinked, or
    not computed far enough ahead) were confirmed, and need no second look."""

    cache: Cache
    folder: str
    found: list[tuple[str, bool]]
    stale: set[str]


def enabled() -> bool:
    return os.environ.get("COLLAB_CACHE", "").lower() not in ("off", "0", "no", "false")


def stamp(root: Path) -> str | None:
    """What every cached answer depends on besides the record files, or None when the
    configuration cannot be read."""
    try:
        config = (root / "collab.yaml").read_bytes()
    except OSError:
        return None
    parts = [str(FORMAT), collabkit.__version__, _code_stamp(), _holidays_stamp(), _zones_stamp()]
    # the parts themselves, not a hash of them: compared exactly, and no hashlib to import
    return "\0".join([*parts, config.decode("utf-8", "surrogateescape")])


def key_of(st: os.stat_result) -> Key:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def is_unsure(st: os.stat_result, clock_ns: int | None) -> bool:
    """Whether a file's mtime is too close to now (`fs_clock`) to tell a later edit apart."""
    return clock_ns is not None and st.st_mtime_ns >= clock_ns - UNSURE_NS


def fs_clock(root: Path) -> int | None:
    """The file system's idea of now (the mtime of a file made in the cache folder), which
    is what record mtimes are compared with; None when nothing can be made there."""
    import tempfile

    folder = root / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".clock.", dir=folder)
    except OSError:
        return None
    try:
        return os.fstat(fd).st_mtime_ns
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def digest(data: bytes) -> str:
    import hashlib  # only for files changed just now: the fast path seldom needs it

    return hashlib.sha1(data).hexdigest()


def still_valid(key: Key, known: str | None, path: str | Path, st: os.stat_result) -> bool:
    """Whether a file with identity `key` (and digest `known`, when unsure) is still the
    file at `path` (whose stat is `st`)."""
    if key != (st.st_size, st.st_mtime_ns, st.st_ino):
        return False
    return known is None or same_content(path, known)


def same_content(path: str | Path, known: str) -> bool:
    """Whether the file at `path` has the content whose `digest` is `known`."""
    try:
        with open(path, "rb") as data:
            return digest(data.read()) == known
    except OSError:
        return False


def read(root: Path, expected: str) -> Cache | None:
    """The workspace's record cache, if it is there, whole, and stamped `expected`: the
    file written whole, with the amends made to that very file since, if any."""
    found = _load(root / FOLDER / NAME, expected)
    try:
        (facts, raw), identity = found  # type: ignore[misc]
        base = {rel: Entry._make(fields) for rel, fields in raw.items()}
    except Exception:  # missing, or not what this version writes: rebuilt, never trusted
        return None
    cache = Cache(expected, facts, base)
    cache.base = identity, base
    amends = _load(root / FOLDER / AMENDS, expected)
    try:
        (made_on, facts, changed, removed), _ = amends  # type: ignore[misc]
        if made_on == identity:  # amends of another file written whole are stale
            entries = dict(base)
            for rel in removed:
                entries.pop(rel, None)
            entries.update((rel, Entry._make(fields)) for rel, fields in changed.items())
            cache.facts, cache.entries = facts, entries
    except Exception:  # none, or not sound: the file written whole is the cache
        pass
    return cache


def write(root: Path, cache: Cache) -> bool:
    """Write the record cache whole (see `save_blob`); no amends stand after it."""
    raw = {rel: tuple(entry) for rel, entry in cache.entries.items()}
    written = save_blob(root, NAME, cache.stamp, (cache.facts, raw))
    if written:
        with contextlib.suppress(OSError):
            os.unlink(root / FOLDER / AMENDS)
    return written


def update(root: Path, before: Cache, after: Cache) -> bool:
    """Keep `after`, which `before` (as `read` gave it, or new) became. When only a few
    entries changed since the cache was last written whole, only they are written (the
    amends of that file, replaced whole each time): an edit to one of 10,000 records
    then writes kilobytes, not the whole cache. Every entry is checked against its file
    before it is believed, so amends and a whole file from two processes at once can
    make a later run read a file again, never answer wrong."""
    if before.base is not None and before.stamp == after.stamp:
        identity, base = before.base
        changed = {
            rel: tuple(entry)
            for rel, entry in after.entries.items()
            if base.get(rel) is not entry and base.get(rel) != entry
        }
        removed = [rel for rel in base if rel not in after.entries]
        if (len(changed) + len(removed)) * AMENDS_SHARE <= len(after.entries):
            amends = (identity, after.facts, changed, removed)
            return save_blob(root, AMENDS, after.stamp, amends)
    return write(root, after)


def load_blob(root: Path, name: str, expected: str) -> Any:
    """What `save_blob` kept under `name`, if it is there, whole, and stamped `expected`;
    else None."""
    found = _load(root / FOLDER / name, expected)
    return found[0] if found is not None else None


def _load(path: Path, expected: str) -> tuple[Any, Key] | None:
    """`load_blob` of the file at `path`, and the identity of that file."""
    try:
        with open(path, "rb") as blob:
            identity = key_of(os.fstat(blob.fileno()))
            data = marshal.loads(blob.read())  # not marshal.load(blob): that reads in sips
        fmt, found, payload = data
    except Exception:  # missing, corrupt, truncated, foreign: rebuilt, never trusted
        return None
    return (payload, identity) if fmt == FORMAT and found == expected else None


def save_blob(root: Path, name: str, stamp: str, payload: Any) -> bool:
    """Keep `payload` (plain values) under `name`, written whole: to a temporary file
    renamed into place. False when the workspace does not take it (read only, or a cache
    folder that is a symlink)."""
    folder = root / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        if folder.is_symlink():
            return False
        data = marshal.dumps((FORMAT, stamp, payload))
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, folder / name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


def _code_stamp() -> str:
    """collab's own code: every module's size and mtime (an edited checkout counts)."""
    package = Path(collabkit.__file__).parent
    parts = []
    for folder, _, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(sorted(parts))


def _holidays_stamp() -> str:
    """The installed `holidays` package (its schedules decide deadlines)."""
    return _package_stamp("holidays", "version.py")


def _zones_stamp() -> str:
    """The time zone database zoneinfo reads (a new one can move a deadline): the system's
    folders and their `tzdata.zi`, then the `tzdata` package (Windows, or no system data)."""
    import zoneinfo

    parts = []
    for folder in zoneinfo.TZPATH:
        for path in (folder, os.path.join(folder, "tzdata.zi")):
            try:
                st = os.stat(path)
            except OSError:
                continue
            parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join([*parts, _package_stamp("tzdata", "__init__.py")])


def _package_stamp(name: str, file: str) -> str:
    """An installed package's `file` (size, mtime), found on the import path without
    importing the package."""
    module = sys.modules.get(name)
    places = [os.path.dirname(module.__file__)] if module and module.__file__ else []
    places += [os.path.join(folder or ".", name) for folder in sys.path]
    for place in places:
        try:
            st = os.stat(os.path.join(place, file))
        except OSError:
            continue
        return f"{place}:{st.st_size}:{st.st_mtime_ns}"
    return "-"
