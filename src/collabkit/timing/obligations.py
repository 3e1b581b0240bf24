"""Rules → obligations: every deadline of a record and whether it is met (SPEC §5).

Everything that asks "when is this due, and is it met?" reads the obligations made here,
through the query layer (`collabkit.query`). Nothing here reads the clock: `now` is
always passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from collabkit.bulk import collector_paused
from collabkit.models import RecordBase
from collabkit.models.paths import compile_path, get_path
from collabkit.timing.calendar import WorkCalendar
from collabkit.timing.obligation import Obligation as Obligation
from collabkit.timing.obligation import State as State
from collabkit.timing.recurring import periods
from collabkit.timing.rules import Rule

OLDEST_PERIOD_YEAR = 1970


class Filed(Protocol):
    """A validated record with the file it was read from (`workspace.Loaded`)."""

    @property
    def record(self) -> Any: ...
    @property
    def file(self) -> Any: ...


class CalendarSettings(Protocol):
    """What a work calendar is made of (collab.yaml `calendar:`)."""

    @property
    def country(self) -> str | None: ...
    @property
    def windows(self) -> list[tuple[Any, Any]]: ...
    @property
    def extra_holidays(self) -> list[date]: ...
    @property
    def extra_workdays(self) -> list[date]: ...
    @property
    def entered_years(self) -> list[int]: ...


class TimingSettings(Protocol):
    """What timing needs of a workspace's settings (`collabkit.workspace.Config` has it)."""

    @property
    def tz(self) -> ZoneInfo: ...
    @property
    def language(self) -> str: ...
    @property
    def calendar(self) -> CalendarSettings: ...
    @property
    def rule_list(self) -> list[Rule]: ...
    def department_of(self, who: str | None) -> str | None: ...


@dataclass
class Timing:
    """The rules and the calendar of one workspace, built once per run."""

    rules: list[Rule]
    calendar: WorkCalendar
    language: str
    department_of: Callable[[str | None], str | None]
    _by_kind: dict[str, list[Rule]] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_config(cls, config: TimingSettings) -> Timing:
        cal = config.calendar
        calendar = WorkCalendar(
            tz=config.tz,
            country=cal.country,
            work_hours=cal.windows,
            extra_holidays=cal.extra_holidays,
            extra_workdays=cal.extra_workdays,
            entered_years=cal.entered_years,
        )
        timing = cls(config.rule_list, calendar, config.language, config.department_of)
        for rule in timing.rules:
            timing._by_kind.setdefault(rule.kind, []).append(rule)
        return timing

    def has_recurring(self, kind: str) -> bool:
        """Whether records of `kind` owe something every period (their obligations then
        depend on how far ahead they are asked for)."""
        return any(rule.every is not None for rule in self._by_kind.get(kind, ()))

    def obligations(
        self, records: Iterable[Filed], until: datetime | None = None
    ) -> list[Obligation]:
        """Every obligation of `records` (anything with `.record` and `.file.rel`)."""
        out: list[Obligation] = []
        with collector_paused():
            for filed in records:
                out.extend(self.obligations_for(filed.record, filed.file.rel, until))
        return out

    def obligations_for(
        self,
        record: RecordBase,
        file: str,
        until: datetime | None = None,
        *,
        unmet_only: bool = False,
    ) -> Iterator[Obligation]:
        """Every deadline of one record, read from the file `file`. A draft owes nothing
        yet; a finished record owes nothing more, but its met obligations still tell
        whether they were met late. Recurring rules yield their periods up to the one
        holding `until`, and nothing without it. `unmet_only`: what is still owed, without
        computing the deadlines of what was met (what listings of the owed need)."""
        if getattr(record, "status", None) == "draft":
            return
        finished = record.is_finished
        if unmet_only and finished:
            return
        for rule in self._by_kind.get(record.kind, ()):
            if rule.every is not None:
                if until is not None and not finished:
                    periods = self._recurring(rule, record, file, until)
                    yield from (p for p in periods if not p.met) if unmet_only else periods
                continue
            if rule.each is None:
                candidates: Iterable[tuple[Any, tuple[str | int, ...]]] = [(record, ())]
            else:
                items = getattr(record, rule.each, None) or []
                candidates = ((item, (rule.each, i)) for i, item in enumerate(items))
            for subject, base in candidates:
                ob = self._obligation(rule, record, file, subject, base, unmet_only)
                if ob is not None and (ob.met or not finished):
                    yield ob

    def _obligation(
        self,
        rule: Rule,
        record: Any,
        file: str,
        subject: Any,
        base: tuple[str | int, ...],
        unmet_only: bool = False,
    ) -> Obligation | None:
        if not _matches(rule, subject, record):
            return None
        met_at = None
        for path in rule.met_by:
            met_at = _value(subject, record, path)
            if met_at is not None:
                break
        fields = vars(subject)  # a pydantic model's fields, without its slow __getattr__
        status = fields.get("status")
        met = met_at is not None or (status is not None and status in rule.met_when)
        if met and unmet_only:
            return None
        due, estimated, where = self._deadline(rule, subject, record)
        if due is None:
            return None
        amount = rule.within or rule.before
        working = where != rule.deadline and amount is not None and amount.working
        item = None
        if rule.each is not None:
            naming = record.ITEM_LISTS.get(rule.each)
            index = int(base[-1])
            item = naming.name_of(subject, index) if naming else str(index + 1)
        owner = _first(subject, record, rule.owner)
        department = _first(subject, record, rule.department) or self.department_of(owner)
        what = _first(subject, record, (rule.what,)) if rule.what else None
        what = " ".join(what.split()) if what else self._label(rule)
        return Obligation(
            record=record.id,
            kind=record.kind,
            item=item,
            rule=rule.id,
            what=what,
            owner=owner,
            department=department,
            due=due,
            met_at=met_at,
            met=met,
            file=file,
            loc=(*base, where),
            estimated_years=estimated,
            title=record.display_title,
            working=working,
        )

    def _label(self, rule: Rule) -> str:
        label = self._labels.get(rule.id)
        if label is None:
            label = self._labels[rule.id] = rule.text(self.language)
        return label

    def _recurring(
        self, rule: Rule, record: Any, file: str, until: datetime
    ) -> Iterator[Obligation]:
        assert rule.every is not None
        start = _value(record, record, rule.start) if rule.start else None
        if start is None or start.year < OLDEST_PERIOD_YEAR or not _matches(rule, record, record):
            return  # before 1970 is a typo (lint says so), not centuries of weekly periods
        stamps = sorted(t for path in rule.met_by for t in _stamps(record, path))
        owner = _first(record, record, rule.owner)
        department = _first(record, record, rule.department) or self.department_of(owner)
        what = self._label(rule)
        for period in periods(rule.every, self.calendar, start, until):
            met_at = next((t for t in stamps if period.begin <= t < period.end), None)
            year = period.due.year
            yield Obligation(
                record=record.id,
                kind=record.kind,
                item=period.label,
                rule=rule.id,
                what=what,
                owner=owner,
                department=department,
                due=period.due,
                met_at=met_at,
                met=met_at is not None,
                file=file,
                loc=(rule.start or "",),
                estimated_years=frozenset({year} if self.calendar.is_estimated(year) else ()),
                recurring=True,
                title=record.display_title,
                begins=period.begin,
            )

    def _deadline(
        self, rule: Rule, subject: Any, record: Any
    ) -> tuple[datetime | None, frozenset[int], str]:
        if rule.deadline is not None:
            explicit = _value(subject, record, rule.deadline)
            if explicit is not None:
                return explicit, frozenset(), rule.deadline
        if rule.start is None:
            return None, frozenset(), ""
        start = _value(subject, record, rule.start)
        if start is None:
            return None, frozenset(), rule.start
        amount = rule.within or rule.before
        if amount is None:
            return None, frozenset(), rule.start
        try:
            shifted = self.calendar.shift(start, amount, before=rule.before is not None)
        except ValueError:  # a start no calendar reaches; the schema keeps years in 1900-2999
            return None, frozenset(), rule.start
        return shifted.at, shifted.estimated_years, rule.start.split(".")[0]


def _value(subject: Any, record: Any, path: str) -> Any:
    """A field path on the item a rule is about (or on the record, with `record.`)."""
    on_record, segments = compile_path(path)
    return get_path(record if on_record else subject, segments)


def _matches(rule: Rule, subject: Any, record: Any) -> bool:
    if not rule.when:
        return True
    return all(_value(subject, record, path) in ok for path, ok in rule.when.items())


def _stamps(record: Any, path: str) -> Iterator[datetime]:
    """The moments at `path` = `list_field.item_field` (`progress.at`) of every item."""
    field_name, _, item_path = path.partition(".")
    for item in getattr(record, field_name, None) or ():
        stamp = _value(item, record, item_path) if item_path else item
        if isinstance(stamp, datetime):
            yield stamp


def _first(subject: Any, record: Any, paths: Iterable[str | None]) -> str | None:
    for path in paths:
        if path:
            value = _value(subject, record, path)
            if value:
                return str(value)
    return None
