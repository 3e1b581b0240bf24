"""Open deadlines as an iCalendar feed (RFC 5545), for the calendar apps people already use.

One event per open obligation, at its deadline, read from the query layer's Snapshot: what
is overdue (of a recurring rule only the latest missed period, as `collab overdue` lists it)
and everything still to come. Each event's UID names the record, the item and the rule, so
importing a newer feed updates the events instead of adding copies; its description says
the record, owner and rule; an alarm goes off before the deadline; overdue ones are marked.
Times are written in UTC, which every client reads without a VTIMEZONE.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, timedelta
from typing import Any

from collabkit import __version__
from collabkit.i18n import Texts
from collabkit.i18n.formats import local_time
from collabkit.query import Snapshot
from collabkit.timing.obligations import Obligation

UID_DOMAIN = "collab"
RECURRING_AHEAD = "28d"  # how far ahead the periods of recurring rules are listed


def open_obligations(snapshot: Snapshot) -> list[Obligation]:
    """What the feed lists: the overdue (as `overdue` lists them), then what is to come."""
    upcoming = [ob for ob in snapshot.obligations if not ob.met and ob.due >= snapshot.now]
    return snapshot.overdue() + sorted(upcoming, key=lambda ob: (ob.due, ob.ref, ob.rule))


def obligation_uid(ob: Obligation) -> str:
    """The same for the same obligation in every export, on every machine."""
    return f"{ob.ref}#{ob.rule}@{UID_DOMAIN}"


def ics_feed(snapshot: Snapshot, *, alarm: timedelta, name: str | None = None) -> bytes:
    """The feed of `snapshot`'s open obligations, an alarm `alarm` before each deadline."""
    from icalendar import Calendar

    t = Texts(snapshot.timing.language)
    feed = Calendar()
    feed.add("prodid", f"-//collab//collabkit {__version__}//{t.language.upper()}")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name or t("ics.calendar_name"))
    feed.add("x-wr-timezone", str(snapshot.timing.calendar.tz))
    for ob in open_obligations(snapshot):
        feed.add_component(_event(ob, snapshot, t, alarm))
    data: bytes = feed.to_ical()
    return data


def _event(ob: Obligation, snapshot: Snapshot, t: Texts, alarm: timedelta) -> Any:
    from icalendar import Alarm, Event

    overdue = ob.due < snapshot.now
    event = Event()
    event.add("uid", obligation_uid(ob))
    event.add("dtstamp", snapshot.now.astimezone(UTC))
    event.add("dtstart", ob.due.astimezone(UTC))
    summary = f"{ob.what} — {ob.ref}"
    event.add("summary", t("ics.overdue", summary=summary) if overdue else summary)
    event.add("description", "\n".join(_description(ob, snapshot, t, overdue)))
    event.add("categories", [ob.kind, *(["overdue"] if overdue else [])])
    event.add("priority", 1 if overdue else 5)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", summary)
    reminder.add("trigger", -alarm)
    event.add_component(reminder)
    return event


def _description(ob: Obligation, snapshot: Snapshot, t: Texts, overdue: bool) -> Iterable[str]:
    tz = snapshot.timing.calendar.tz
    who = ob.owner or "-"
    if ob.department:
        who += f" ({ob.department})"
    line = snapshot.line_of(ob)
    yield f"{t('col.record')}: {ob.ref} ({t('kind.' + ob.kind)})"
    yield f"{t('col.what')}: {ob.what}"
    yield f"{t('col.owner')}: {who}"
    yield f"{t('col.rule')}: {ob.rule}"
    yield f"{t('col.due')}: {local_time(ob.due, tz)} ({tz})"
    yield f"{t('col.state')}: {t('state.overdue' if overdue else 'state.open')}"
    yield f"{t('col.file')}: {ob.file}" + (f":{line}" if line else "")
    problem = ob.problem(t.language)
    if problem:
        yield problem
