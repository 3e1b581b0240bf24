"""Merge-conflict markers git leaves in a file: found, described, and split into both sides.

A record with `<<<<<<<` / `=======` / `>>>>>>>` lines is not YAML anyone meant to write: it
is refused with its own error naming both sides, not a parser's "could not find expected
':'". When two clones added the same id under the same file name (git's add/add conflict),
`sides` gives back each clone's whole file, so that both records can be kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from collabkit import i18n
from collabkit.errors import RecordError

_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t](.*))?$")
SHOWN_CHARS = 40


@dataclass(frozen=True, slots=True)
class Conflict:
    """One conflicted hunk: its marker lines (1-based) and what each side holds."""

    start: int
    end: int
    ours_label: str
    theirs_label: str
    ours: tuple[str, ...]
    theirs: tuple[str, ...]


@dataclass
class _Hunk:
    start: int
    label: str
    ours: list[str]
    theirs: list[str]
    side: str = "ours"  # then "base" (diff3 style) and "theirs"


def has_markers(text: str) -> bool:
    """Whether any line of `text` is a conflict marker (a quick test first)."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text and "=======" not in text:
        return False
    return any(_MARKER.match(line) for line in text.split("\n"))


def find_conflicts(text: str) -> tuple[list[Conflict], list[int]]:
    """The complete conflicted hunks of `text`, and the lines of stray markers."""
    conflicts: list[Conflict] = []
    stray: list[int] = []
    hunk: _Hunk | None = None
    for number, line in enumerate(text.split("\n"), 1):
        m = _MARKER.match(line)
        mark, label = (m[1][0], m[2] or "") if m else ("", "")
        if hunk is None:
            if mark == "<":
                hunk = _Hunk(number, label, [], [])
            elif mark:
                stray.append(number)
        elif mark == "|" and hunk.side == "ours":
            hunk.side = "base"
        elif mark == "=" and hunk.side in ("ours", "base"):
            hunk.side = "theirs"
        elif mark == ">" and hunk.side == "theirs":
            conflicts.append(
                Conflict(
                    hunk.start, number, hunk.label, label, tuple(hunk.ours), tuple(hunk.theirs)
                )
            )
            hunk = None
        elif mark:
            stray.append(number)
        elif hunk.side != "base":
            (hunk.ours if hunk.side == "ours" else hunk.theirs).append(line)
    if hunk is not None:
        stray.append(hunk.start)
    return conflicts, stray


def sides(text: str) -> tuple[str, str] | None:
    """(ours, theirs): the file as each side wrote it; None without a complete conflict."""
    conflicts, stray = find_conflicts(text)
    if not conflicts or stray:
        return None
    lines = text.split("\n")
    ours: list[str] = []
    theirs: list[str] = []
    position = 0
    for c in conflicts:
        common = lines[position : c.start - 1]
        ours += [*common, *c.ours]
        theirs += [*common, *c.theirs]
        position = c.end
    ours += lines[position:]
    theirs += lines[position:]
    return "\n".join(ours), "\n".join(theirs)


def refuse_conflicts(text: str, path: Path | str, language: str) -> None:
    """Raise a `merge-conflict` RecordError when `text` holds conflict markers."""
    if not has_markers(text):
        return
    conflicts, stray = find_conflicts(text)
    shown = Path(path).as_posix()
    if not conflicts:
        message = i18n.text("conflict.stray", language, line=stray[0])
        raise RecordError(message, code="merge-conflict", path=path, line=stray[0], column=1)
    first = conflicts[0]
    ours, theirs = _differing(first.ours, first.theirs)
    message = i18n.text(
        "conflict.found",
        language,
        start=first.start,
        end=first.end,
        ours=label(first.ours_label or "HEAD"),
        theirs=label(first.theirs_label or "theirs"),
        ours_text=_gist(ours, language),
        theirs_text=_gist(theirs, language),
        file=shown,
    )
    if len(conflicts) > 1:
        message += i18n.text("conflict.more", language, n=len(conflicts) - 1)
    raise RecordError(message, code="merge-conflict", path=path, line=first.start, column=1)


def label(text: str) -> str:
    """A side's label as people read it: a commit id shortened as git shows it."""
    return text[:7] if _SHA.match(text) else text


_SHA = re.compile(r"^[0-9a-f]{40}$")


def _differing(ours: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Both sides from their first line that differs (so that the message shows why)."""
    same = 0
    while same < min(len(ours), len(theirs)) and ours[same] == theirs[same]:
        same += 1
    return ours[same:], theirs[same:]


def _gist(lines: tuple[str, ...], language: str) -> str:
    """The first line a side holds, shortened; 'nothing' for an empty side."""
    for line in lines:
        if line.strip():
            text = line.strip()
            return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    return i18n.text("conflict.nothing", language)
