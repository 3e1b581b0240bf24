"""A lint finding: one problem at one place in one file; an event time that becomes one
once `now` is before it; and the list lint reports (`finish`). Light (the standard
library and `i18n`): the fast path reports cached findings with this module alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, Literal, NamedTuple

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Finding(NamedTuple):  # a tuple, not a dataclass: the fast path imports no dataclasses
    file: str  # relative to the workspace root, '/'-separated
    line: int  # 1-based
    column: int  # 1-based
    severity: Severity
    code: str
    message: str

    def as_error(self) -> Finding:
        """The same finding as an error (`lint --strict`)."""
        return Finding(self.file, self.line, self.column, "error", self.code, self.message)

    def as_json(self) -> dict[str, Any]:
        return self._asdict()

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (
            self.file,
            self.line,
            self.column,
            SEVERITY_ORDER[self.severity],
            self.code,
            self.message,
        )


class Event(NamedTuple):
    """An event time of a record (`*_at`, `at`), where it is and what it is called: a
    finding once `now` is before it (`future_events`). Plain values, so that lint can cache
    it; the moment is written out (in the workspace zone) only when it is reported."""

    at: float  # POSIX seconds
    file: str
    loc: tuple[str | int, ...]  # where in the file, as written (placed only when reported)
    field: str


Place = Callable[[Event], tuple[int, int]]  # the line and column of an event's value


def future_events(
    events: Iterable[Event], now: datetime, language: str, tz: tzinfo, place: Place
) -> Iterator[Finding]:
    """Event times later than `now`: something recorded as done that is not."""
    from collabkit.i18n import Texts
    from collabkit.i18n.formats import local_time

    t = Texts(language)
    shown_now = local_time(now, tz)
    moment = now.timestamp()
    for event in events:
        if event.at > moment:
            at = local_time(EPOCH + timedelta(seconds=event.at), tz)
            message = t("lint.event_future", field=event.field, at=at, now=shown_now)
            line, column = place(event)
            yield Finding(event.file, line, column, "warning", "event-in-future", message)


def finish(
    findings: Iterable[Finding],
    events: Iterable[Event],
    *,
    strict: bool,
    now: datetime | None,
    language: str,
    tz: tzinfo,
    place: Place,
) -> list[Finding]:
    """The findings as lint reports them: with the events after `now` (the one check that
    depends on the moment), warnings made errors when `strict`, each once, in order."""
    found = list(findings)
    if now is not None:
        found.extend(future_events(events, now, language, tz, place))
    if strict:
        found = [f.as_error() if f.severity == "warning" else f for f in found]
    return sorted(set(found), key=Finding.sort_key)
