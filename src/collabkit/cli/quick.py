"""The fast path: `overdue` and `due` with `--format json`, answered from the record cache.

When nothing changed since the last run (every record file has its cached identity, and
`collab.yaml` and collab are the same), the answer is the cached rows that are overdue or
due, picked and printed with the standard library alone: no typer, pydantic, YAML parser,
calendar or rich is imported. When files changed (or there is no cache yet), the library
reads what changed and refreshes the cache, still without typer or rich. Anything this
path is not sure of — another command or option, a `--now` or `--within` in a form it
does not read, a name it does not know, an error to report — returns None, and the full
command runs and says it. Both give the same answer; the tests compare them.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from collabkit.cache import store
from collabkit.cli.plain import EXIT_PIPE, tolerate_any_encoding, warn_skipped
from collabkit.findings import Event, Finding, Place
from collabkit.io.jsonout import joined
from collabkit.io.walk import record_files
from collabkit.timing.listing import Listed, due_listed, overdue_listed

if TYPE_CHECKING:
    from collabkit.workspace import Workspace

FIRST_YEAR, LAST_YEAR = 1970, 2199  # as `query.ahead`: beyond them the full path says why
MOST_DAYS = 3_660  # `due --within` at most about ten years ahead (as `query.ahead`)
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:\d{2})?")
_WITHIN = re.compile(r"(\d{1,6})\s*(d|h|m|w)")
_STEP = {"d": timedelta(days=1), "h": timedelta(hours=1), "m": timedelta(minutes=1)}
_STEP["w"] = 7 * _STEP["d"]
OPTIONS = {
    "overdue": {"--format", "--now", "--owner", "--department", "--exit-code"},
    "due": {"--format", "--now", "--owner", "--department", "--within"},
    "lint": {"--format", "--now", "--strict"},
}
FLAGS = {"--exit-code", "--strict"}
LINT_FORMATS = ("text", "json", "github")
OWNER, DEPARTMENT = 6, 7  # in an obligation's listing (`Obligation.as_listed`)


def answer(argv: list[str]) -> int | None:
    """The exit code of `argv` answered from the cache, or None: run the full command."""
    try:  # whatever surprises this path before it prints, the full command says properly
        parsed = _parse(argv) if store.enabled() else None
        root = _nearest_root(parsed[0]) if parsed is not None else None
        if parsed is None or root is None:
            return None
        command, options = parsed[1], parsed[2]
        if command == "lint":
            return _print_lint(_lint(root, options))
        found = _answer(root, command, options)
    except Exception:
        return None
    if found is None:
        return None
    shown, skipped, language, fail = found
    tolerate_any_encoding()
    warn_skipped(skipped, language)
    try:
        sys.stdout.write(joined(shown))
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        return EXIT_PIPE
    return 1 if fail and shown else 0


Linted = tuple[list[Finding], str, Path, int, str]  # findings, format, root, checked, language


def _lint(root: Path, options: dict[str, str]) -> Linted | None:
    """`collab lint` of the whole workspace from its kept answer, when no file changed."""
    from collabkit.cache.answers import load_lint, unchanged
    from collabkit.findings import finish

    fmt = options.get("--format", "text")
    stamp = store.stamp(root) if fmt in LINT_FORMATS else None
    kept = load_lint(root, stamp) if stamp is not None else None
    if kept is None:
        return None
    tz = ZoneInfo(kept.facts["timezone"])
    now = _moment(options.get("--now"), tz)
    if now is None or now.timestamp() < kept.after:  # events before `after` were not kept
        return None
    if not unchanged(root, kept.files):
        return None
    language = kept.facts["language"]
    shown = finish(
        kept.findings(), kept.events(), strict="--strict" in options, now=now,
        language=language, tz=tz, place=_placer(root),
    )  # fmt: skip
    return shown, fmt, root, len(kept.files), language


def _placer(root: Path) -> Place:
    """Where an event reported as in the future is, by a scan of its file (where the scan
    is unsure, ruamel is needed: the full command runs)."""
    from collabkit.io.scan import place_in_file

    def place(event: Event) -> tuple[int, int]:
        found = place_in_file(os.path.join(str(root), event.file), event.file, event.loc)
        if found is None:
            raise LookupError(event.file)
        return found

    return place


def _print_lint(linted: Linted | None) -> int | None:
    if linted is None:
        return None
    from collabkit.cli.lintout import print_findings

    shown, fmt, root, checked, language = linted
    tolerate_any_encoding()
    try:
        print_findings(shown, fmt, root, lambda: checked, language)
        sys.stdout.flush()
    except BrokenPipeError:
        return EXIT_PIPE
    return 1 if any(f.severity == "error" for f in shown) else 0


def _answer(
    root: Path, command: str, options: dict[str, str]
) -> tuple[list[str], list[Finding], str, bool] | None:
    if options.get("--format") != "json":
        return None
    stamp = store.stamp(root)
    cache = store.read(root, stamp) if stamp is not None else None
    ws = None
    if cache is None:  # nothing cached yet: the workspace's settings from collab.yaml
        ws = _open(root)
    facts = cache.facts if cache is not None else _facts(ws)
    tz = ZoneInfo(facts["timezone"])
    now = _moment(options.get("--now"), tz)
    until = _ahead(now, options.get("--within", "7d")) if command == "due" else now
    owners = _owners(options.get("--owner"), facts["people"])
    department = options.get("--department")
    if now is None or until is None or owners is None:
        return None
    known = facts["departments"]
    if department is not None and known is not None and department not in known:
        return None
    first = now if command == "due" else None  # overdue: anything due before now
    span = (first.timestamp() if first else float("-inf"), until.timestamp())
    listed, skipped, walked = _unchanged(root, cache, until, span[0]) if cache else (None, [], None)
    language = facts["language"]
    if listed is None:  # something changed: read what did, with the library
        from collabkit.workspace.cached import open_listed

        listed, skipped = open_listed(ws or _open(root), until, (first, until), cache, walked)
    if owners or department is not None:  # as query.Filter keeps them
        listed = [
            x
            for x in listed
            if (not owners or x[OWNER] in owners)
            and (department is None or x[DEPARTMENT] == department)
        ]
    due = command == "due"
    shown = due_listed(listed, now, until) if due else overdue_listed(listed, now)
    return shown, skipped, language, command == "overdue" and "--exit-code" in options


def _parse(argv: list[str]) -> tuple[Path, str, dict[str, str]] | None:
    """(-C folder, command, options) of a command line this path reads, else None."""
    args = list(argv)
    start = Path.cwd()
    if args[:1] == ["-C"] and len(args) > 1:
        start, args = Path(args[1]), args[2:]
    if not args or args[0] not in OPTIONS:
        return None
    command, rest = args[0], args[1:]
    options: dict[str, str] = {}
    while rest:
        name, _, value = rest.pop(0).partition("=")
        if name not in OPTIONS[command] or name in options:
            return None
        if name in FLAGS:
            if value:
                return None
            options[name] = ""
            continue
        if not value:
            if not rest:
                return None
            value = rest.pop(0)
        options[name] = value
    return start, command, options


def _open(root: Path) -> Workspace:
    from collabkit.workspace import Workspace

    return Workspace.open(root)


def _facts(ws: Workspace | None) -> dict[str, Any]:
    from collabkit.workspace.cached import facts

    assert ws is not None
    return facts(ws.config)


def _nearest_root(start: Path) -> Path | None:
    try:
        start = start.resolve()
    except OSError:
        return None
    for folder in (start, *start.parents):
        if (folder / "collab.yaml").is_file():
            return folder
    return None


def _moment(text: str | None, tz: ZoneInfo) -> datetime | None:
    if text is None:
        return datetime.now(tz)
    if not _MOMENT.fullmatch(text.strip()):
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)
    return moment if FIRST_YEAR <= moment.year <= LAST_YEAR else None


def _ahead(now: datetime | None, text: str) -> datetime | None:
    """The end of `due --within` in calendar units (working time: the full path)."""
    match = _WITHIN.fullmatch(text.strip())
    if now is None or match is None:
        return None
    step = _STEP[match[2]] * int(match[1])
    if step > timedelta(days=MOST_DAYS):
        return None
    until = (now.astimezone(UTC) + step).astimezone(now.tzinfo)
    return until if until.year <= LAST_YEAR else None


def _owners(owner: str | None, people: list[tuple[str, str | None]]) -> frozenset[str] | None:
    """The names `--owner` stands for; None when the full path must say it is unknown."""
    if owner is None:
        return frozenset()
    found = [(name, email) for name, email in people if owner in (name, email)]
    if found:  # the last one, as `Config.people_by_key`
        return frozenset(key for key in found[-1] if key)
    return None if people or owner == "@me" else frozenset({owner})


def _unchanged(
    root: Path, cache: store.Cache, until: datetime, first: float
) -> tuple[list[Listed] | None, list[Finding], store.Walked]:
    """The unmet obligations (`Obligation.as_listed`) of the records that owe something
    due from `first` to `until`, when every record file is as cached; else None, and the
    walk (which files are stale) for the library to read only those."""
    entries = cache.entries
    seen = 0
    chosen: list[Listed] = []
    skipped: list[Finding] = []
    stale: set[str] = set()
    limit = until.timestamp()
    top = str(root)
    folder = os.path.join(top, "records")
    prefix = len(top.rstrip(os.sep)) + 1
    stat = os.stat
    found = record_files(folder)
    for path, link in found:
        rel = path[prefix:].replace(os.sep, "/")
        entry = entries.get(rel)
        if entry is None or link:
            stale.add(rel)
            continue
        seen += 1
        try:
            st = stat(path)
        except OSError:
            stale.add(rel)
            continue
        key, digest, horizon, findings, times, _, _, _ = entry
        if (
            key != (st.st_size, st.st_mtime_ns, st.st_ino)
            or (digest is not None and not store.still_valid(key, digest, path, st))
            or (horizon is not None and limit > horizon)
        ):
            stale.add(rel)
            continue
        if stale:
            continue  # the answer comes from the library now: only the walk matters
        if findings:
            skipped.extend(Finding(rel, *f) for f in findings)
        if times and entry.has_open(first, limit, limit):
            chosen.extend(entry.listings(limit))
    walked = store.Walked(cache, folder, found, stale)
    if stale or seen != len(entries):
        return None, [], walked
    return chosen, skipped, walked
