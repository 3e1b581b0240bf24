"""What a project manager would catch on reading a record: a requirement due before it was
sent, progress that goes down or is full while the work is still open, and event times that
cannot be right (after now, or before 2000). A year outside 1900-2999 never gets here: the
schema refuses it (`models._types.YEARS`), so this check covers 1900-1999."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from itertools import pairwise
from typing import Any

from pydantic import BaseModel

from collabkit.findings import Event, Finding
from collabkit.i18n import Texts
from collabkit.i18n.formats import local_time
from collabkit.lint.locate import Loc, Locator
from collabkit.models import Collaboration, Meeting, Requirement
from collabkit.models._base import ProgressEntry, fields_holding
from collabkit.models.explain import say_path
from collabkit.workspace import Loaded, Workspace

OLDEST_YEAR = 2000
STILL_OPEN = {"collaboration": ("in_progress",), "action": ("open",)}


def plausibility_checks(ws: Workspace, records: list[Loaded], where: Locator) -> Iterator[Finding]:
    """Due before sent, progress going down or full while open, dates before 2000."""
    t = Texts(ws.config.language)
    tz = ws.config.tz
    for rec in records:
        record = rec.record
        if isinstance(record, Requirement):
            yield from _due_before_sent(rec, record, where, t, tz)
        for loc, entries, status in _progress_lists(record):
            yield from _progress(rec, loc, entries, status, where, t)
        for loc, _, at in moments(record):
            if at.year < OLDEST_YEAR:
                message = t("lint.event_old", field=dotted(record, loc), at=local_time(at, tz))
                yield where.finding(rec, loc, "date-before-2000", message, "warning")


def _due_before_sent(
    rec: Loaded, record: Requirement, where: Locator, t: Texts, tz: tzinfo
) -> Iterator[Finding]:
    if record.due and record.sent_at and record.due < record.sent_at:
        due, sent = local_time(record.due, tz), local_time(record.sent_at, tz)
        message = t("lint.due_before_sent", due=due, sent=sent)
        yield where.finding(rec, ("due",), "due-before-sent", message, "warning")


def event_list(records: list[Loaded], after: float = float("-inf")) -> Iterator[Event]:
    """Every event time of `records` later than `after` (POSIX seconds), to be placed in
    its file only if it is reported."""
    for rec in records:
        for loc, field, at in event_times(rec.record):
            moment = at.timestamp()
            if moment > after:
                yield Event(moment, rec.file.rel, rec.source_loc(loc), field)


def _progress_lists(record: Any) -> Iterator[tuple[Loc, list[ProgressEntry], bool]]:
    """(where, entries, whether the work is still open) of every progress log in a record."""
    if isinstance(record, Collaboration):
        yield ("progress",), record.progress, record.status in STILL_OPEN["collaboration"]
    elif isinstance(record, Meeting):
        for i, action in enumerate(record.actions):
            yield ("actions", i, "progress"), action.progress, action.status in STILL_OPEN["action"]


def _progress(
    rec: Loaded,
    loc: Loc,
    entries: list[ProgressEntry],
    still_open: bool,
    where: Locator,
    t: Texts,
) -> Iterator[Finding]:
    ordered = sorted(
        ((i, e) for i, e in enumerate(entries) if e.percent is not None), key=lambda p: p[1].at
    )
    for (_, before), (i, after) in pairwise(ordered):
        assert before.percent is not None and after.percent is not None
        if after.percent < before.percent:
            message = t("lint.progress_down", before=before.percent, after=after.percent)
            yield where.finding(rec, (*loc, i, "percent"), "progress-down", message, "warning")
    if still_open and ordered and ordered[-1][1].percent == 100:
        i = ordered[-1][0]
        status = _status_of(rec.record, loc)
        message = t("lint.progress_full", status=t.status(_kind_of(loc, rec), status))
        yield where.finding(rec, (*loc, i, "percent"), "progress-complete", message, "warning")


def _status_of(record: Any, loc: Loc) -> str:
    if loc[0] == "actions":
        return str(record.actions[int(loc[1])].status)
    return str(record.status)


def _kind_of(loc: Loc, rec: Loaded) -> str:
    return "action" if loc[0] == "actions" else rec.record.kind


def event_times(model: BaseModel) -> Iterator[tuple[Loc, str, datetime]]:
    """(path, path as people say it, moment) of every event in a record: fields named `at`
    or `*_at` (a meeting's `start` or a `due` may well lie ahead; an event recorded as
    happened may not)."""
    for loc, said, moment in moments(model):
        name = str(loc[-1])
        if name == "at" or name.endswith("_at"):
            yield loc, ".".join(said), moment


def moments(
    model: BaseModel, loc: Loc = (), said: tuple[str, ...] = (), top: bool = True
) -> Iterator[tuple[Loc, tuple[str, ...], datetime]]:
    """(path, its parts as `dotted` says them, moment) of every date and time in a record:
    the items of the record's named lists by their names (`A2.done_at`), said on the way
    down rather than looked up again for each moment."""
    lists = getattr(model, "ITEM_LISTS", {}) if top else {}
    for name in fields_holding(type(model), datetime):
        value = getattr(model, name)
        here, spoken = (*loc, name), (*said, name)
        if isinstance(value, datetime):
            yield here, spoken, value
        elif isinstance(value, BaseModel):
            yield from moments(value, here, spoken, False)
        elif isinstance(value, list):
            naming = lists.get(name)
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    named = (*said, naming.name_of(item, i)) if naming else (*spoken, str(i))
                    yield from moments(item, (*here, i), named, False)


def dotted(record: Any, loc: Loc) -> str:
    """A path as people say it: ('actions', 1, 'done_at') → 'A2.done_at'."""
    return say_path(loc, record, record.ITEM_LISTS)
