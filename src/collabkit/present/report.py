"""周度协作报告: what a week brought, from the query layer's snapshot — done this week, in
progress with percent, overdue with how late, breaches, the week's missed syncs, next week's
deadlines and the open risks with their mitigation.

A week is an ISO week in the workspace zone (Mon 00:00 to the next Mon 00:00). The report
sees the workspace as of the end of the week, or as of `now` while the week is running:
something met after that moment counts as not met yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from math import ceil

from collabkit.errors import UsageError
from collabkit.findings import Finding
from collabkit.i18n import Texts, msg
from collabkit.models import Collaboration, CustomerRequest, Issue, Meeting, RecordBase, Requirement
from collabkit.present.progress import latest_percent, progress_text
from collabkit.present.records import department_of, owner_of
from collabkit.query import Filter, obligations_at, resolve_filter
from collabkit.query.snapshot import Snapshot
from collabkit.timing.durations import Duration
from collabkit.timing.obligation import due_between, overdue
from collabkit.timing.obligations import Obligation
from collabkit.workspace import Workspace

_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)
_ACTIVE = {
    "requirement": ("confirmed", "in_progress"),
    "collaboration": ("in_progress",),
    "issue": ("open", "mitigated"),
    "customer-request": ("in_delivery",),
}


@dataclass(frozen=True, slots=True)
class Week:
    """An ISO week: its label and [begin, end) in the workspace zone."""

    label: str
    begin: datetime
    end: datetime

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(days=1)).date()

    @classmethod
    def of(cls, day: date, tz: tzinfo) -> Week:
        year, week, _ = day.isocalendar()
        monday = date.fromisocalendar(year, week, 1)
        begin = datetime.combine(monday, time(), tzinfo=tz)
        end = datetime.combine(monday + timedelta(days=7), time(), tzinfo=tz)
        return cls(f"{year}-W{week:02d}", begin, end)

    @classmethod
    def parse(cls, text: str, tz: tzinfo) -> Week:
        """`2024-W41` (or `2024W41`); a usage error otherwise."""
        match = _WEEK.match(text)
        try:
            if match is None:
                raise ValueError(text)
            return cls.of(date.fromisocalendar(int(match[1]), int(match[2]), 1), tz)
        except ValueError:
            raise UsageError(msg("report.bad_week", value=text)) from None


@dataclass(frozen=True, slots=True)
class Ongoing:
    """Something in progress: a record or an action item, how far it has got, by when."""

    ref: str
    kind: str
    what: str | None
    owner: str | None
    department: str | None
    progress: str
    percent: int | None
    due: datetime | None


@dataclass(frozen=True, slots=True)
class OpenRisk:
    record: str
    title: str | None
    risk: str
    mitigation: str | None


@dataclass(frozen=True)
class WeeklyReport:
    """The week's report; obligations are as seen at `as_of`."""

    week: Week
    as_of: datetime
    department: str | None
    snapshot: Snapshot
    skipped: tuple[Finding, ...]  # record files that could not be read
    done: list[Obligation]
    in_progress: list[Ongoing]
    overdue: list[Obligation]
    breaches: list[Obligation]
    missed_syncs: list[Obligation]
    next_week: list[Obligation]
    risks: list[OpenRisk]


def weekly_report(
    ws: Workspace, week: Week, now: datetime, department: str | None = None
) -> WeeklyReport:
    """The report of `week` as seen at `now` (or at the week's end when `now` is later)."""
    who = resolve_filter(ws.config, None, department)
    as_of = min(now, week.end)
    horizon = week.end + timedelta(days=7)
    ahead = Duration(max(0, ceil((horizon - as_of) / timedelta(minutes=1))), "m")
    loaded = ws.load()
    snapshot = obligations_at(ws, as_of, ahead=ahead, who=who, records=loaded.records)
    seen = [_as_seen(ob, as_of) for ob in snapshot.obligations]
    in_week = [ob for ob in seen if ob.met_at is not None and week.begin <= ob.met_at < week.end]
    done = sorted((ob for ob in in_week if not ob.recurring), key=_by_met)
    missed = [ob for ob in seen if ob.recurring and not ob.met and week.begin <= ob.due < as_of]
    records = [rec.record for rec in sorted(loaded.records, key=lambda r: r.id)]
    kept = [r for r in records if _involves(r, ws, who)]
    t = Texts(ws.config.language)
    return WeeklyReport(
        week=week,
        as_of=as_of,
        department=department,
        snapshot=snapshot,
        skipped=tuple(loaded.findings),
        done=done,
        in_progress=list(_ongoing(records, ws, who, as_of, t)),
        overdue=overdue(seen, as_of),
        breaches=[ob for ob in done if ob.met_at is not None and ob.met_at > ob.due],
        missed_syncs=sorted(missed, key=lambda o: (o.due, o.record)),
        next_week=due_between(seen, as_of, horizon),
        risks=[risk for r in kept for risk in _risks(r)],
    )


def _as_seen(ob: Obligation, as_of: datetime) -> Obligation:
    """The obligation as it stood at `as_of`: met later means not met yet."""
    if ob.met_at is not None and ob.met_at > as_of:
        return replace(ob, met=False, met_at=None)
    return ob


def _by_met(ob: Obligation) -> tuple[datetime, str, str]:
    assert ob.met_at is not None
    return (ob.met_at, ob.record, ob.item or "")


def _departments(record: RecordBase, ws: Workspace) -> set[str | None]:
    """Every department a record involves (both sides of a collaboration or requirement)."""
    found: set[str | None] = {department_of(record, ws.config)}
    if isinstance(record, Collaboration):
        found |= {p.department for p in record.partners}
        found.add(record.initiator.department if record.initiator else None)
    if isinstance(record, Requirement):
        found |= {side.department for side in (record.requester, record.receiver) if side}
    return found


def _involves(record: RecordBase, ws: Workspace, who: Filter) -> bool:
    return any(who.keeps(None, d) for d in _departments(record, ws))


def _ongoing(
    records: Iterable[RecordBase], ws: Workspace, who: Filter, as_of: datetime, t: Texts
) -> Iterator[Ongoing]:
    for record in records:
        status = str(getattr(record, "status", ""))
        if status in _ACTIVE.get(record.kind, ()) and _involves(record, ws, who):
            yield _record_ongoing(record, ws, as_of, t)
        if isinstance(record, Meeting) and not (record.is_finished or record.is_draft):
            yield from _actions_ongoing(record, ws, who, as_of, t)


def _actions_ongoing(
    record: Meeting, ws: Workspace, who: Filter, as_of: datetime, t: Texts
) -> Iterator[Ongoing]:
    """The open action items of a meeting that have reported a percent."""
    for action in record.actions:
        percent = latest_percent(action.progress, as_of)
        department = ws.config.department_of(action.owner)
        if action.status == "open" and percent is not None and who.keeps(None, department):
            progress = t("render.progress.percent", percent=percent)
            ref = f"{record.id}/{action.id}"
            yield Ongoing(
                ref,
                record.kind,
                action.task,
                action.owner,
                department,
                progress,
                percent,
                action.due,
            )


def _record_ongoing(record: RecordBase, ws: Workspace, as_of: datetime, t: Texts) -> Ongoing:
    percent = None
    due: datetime | None = None
    if isinstance(record, Collaboration):
        progress = progress_text(record, as_of, ws.config.tz, t)
        percent, due = latest_percent(record.progress, as_of), record.planned_end
    else:
        progress = t(f"render.status.{record.kind}.{getattr(record, 'status', '')}")
        if isinstance(record, Requirement):
            due = record.due
        elif isinstance(record, Issue):
            due = record.planned_resolution
    what = record.display_title
    if isinstance(record, CustomerRequest) and record.project:
        what = f"{record.customer or ''} {record.project}".strip()
    return Ongoing(
        record.record_id,
        record.kind,
        what,
        owner_of(record),
        department_of(record, ws.config),
        progress,
        percent,
        due,
    )


def _risks(record: RecordBase) -> Iterator[OpenRisk]:
    if isinstance(record, Collaboration) and record.status in ("planned", "in_progress"):
        for item in record.risks:
            yield OpenRisk(record.id, record.title, item.risk, item.mitigation)
