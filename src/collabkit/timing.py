"""Rules → obligations → what is overdue and what is due next (SPEC §4, §5).

Everything that asks "when is this due, and is it met?" reads the obligations made here:
`overdue`, `due`, `show`, lint's breach warnings, and later the report, reminders and
exports. Nothing here reads the clock: `now` is always passed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache
from typing import Any, Literal

from collabkit.bulk import collector_paused
from collabkit.calendar import WorkCalendar, check_country
from collabkit.config import Config, config_error_at
from collabkit.recurring import periods
from collabkit.rules import Rule, rules_for
from collabkit.store import Loaded

State = Literal["open", "overdue", "met", "breach"]


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and we build many
class Obligation:
    """One deadline that something must meet."""

    record: str
    kind: str
    item: str | None
    rule: str
    what: str
    owner: str | None
    department: str | None
    due: datetime
    met_at: datetime | None
    met: bool
    file: str
    loc: tuple[str | int, ...]  # where in the file; `line_in` turns it into a line
    estimated_years: frozenset[int] = frozenset()
    recurring: bool = False  # one period of a recurring rule; `item` names the period
    missed_before: int = 0  # set by `overdue`: earlier periods of the same rule also missed

    @property
    def ref(self) -> str:
        return f"{self.record}/{self.item}" if self.item else self.record

    def state(self, now: datetime) -> State:
        if self.met:
            return "breach" if self.met_at is not None and self.met_at > self.due else "met"
        return "overdue" if now > self.due else "open"


@dataclass
class Timing:
    """The rules and the calendar of one workspace, built once per run."""

    config: Config
    rules: list[Rule]
    calendar: WorkCalendar
    _by_kind: dict[str, list[Rule]] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_config(cls, config: Config) -> Timing:
        cal = config.calendar
        try:
            if cal.country is not None:
                check_country(cal.country)
        except ValueError as exc:
            raise config_error_at(config.source, ("calendar", "country"), str(exc)) from None
        calendar = WorkCalendar(
            tz=config.tz,
            country=cal.country,
            work_hours=cal.windows,
            extra_holidays=cal.extra_holidays,
            extra_workdays=cal.extra_workdays,
            entered_years=cal.entered_years,
        )
        timing = cls(config, rules_for(config.rules, config.source), calendar)
        for rule in timing.rules:
            timing._by_kind.setdefault(rule.kind, []).append(rule)
        return timing

    def obligations(
        self, records: Iterable[Loaded], until: datetime | None = None
    ) -> list[Obligation]:
        out: list[Obligation] = []
        with collector_paused():
            for loaded in records:
                out.extend(self.obligations_for(loaded, until))
        return out

    def obligations_for(
        self, loaded: Loaded, until: datetime | None = None
    ) -> Iterator[Obligation]:
        """Every deadline of one record. A finished record owes nothing more, but its met
        obligations still tell whether they were met late. Recurring rules yield their
        periods up to the one holding `until`, and nothing without it."""
        record = loaded.record
        finished = record.is_finished
        for rule in self._by_kind.get(record.kind, ()):
            if rule.every is not None:
                if until is not None and not finished:
                    yield from self._recurring(rule, loaded, until)
                continue
            if rule.each is None:
                candidates: Iterable[tuple[Any, tuple[str | int, ...]]] = [(record, ())]
            else:
                items = getattr(record, rule.each, None) or []
                candidates = ((item, (rule.each, i)) for i, item in enumerate(items))
            for subject, base in candidates:
                ob = self._obligation(rule, loaded, subject, base)
                if ob is not None and (ob.met or not finished):
                    yield ob

    def _obligation(
        self, rule: Rule, loaded: Loaded, subject: Any, base: tuple[str | int, ...]
    ) -> Obligation | None:
        record = loaded.record
        if not _matches(rule, subject, record):
            return None
        due, estimated, where = self._deadline(rule, subject, record)
        if due is None:
            return None
        met_at = None
        for path in rule.met_by:
            met_at = _value(subject, record, path)
            if met_at is not None:
                break
        fields = vars(subject)  # a pydantic model's fields, without its slow __getattr__
        status = fields.get("status")
        met = met_at is not None or (status is not None and status in rule.met_when)
        item = None
        if rule.each is not None:
            item = str(
                fields.get("id")
                or fields.get("version")
                or f"{rule.each[0].upper()}{int(base[-1]) + 1}"  # communications: C1, C2 ...
            )
        owner = _first(subject, record, rule.owner)
        department = _first(subject, record, rule.department) or self.config.department_of(owner)
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
            file=loaded.file.rel,
            loc=(*base, where),
            estimated_years=estimated,
        )

    def _label(self, rule: Rule) -> str:
        label = self._labels.get(rule.id)
        if label is None:
            label = self._labels[rule.id] = rule.text(self.config.language)
        return label

    def _recurring(self, rule: Rule, loaded: Loaded, until: datetime) -> Iterator[Obligation]:
        record = loaded.record
        assert rule.every is not None
        start = _value(record, record, rule.start) if rule.start else None
        if start is None or not _matches(rule, record, record):
            return
        stamps = sorted(t for path in rule.met_by for t in _stamps(record, path))
        owner = _first(record, record, rule.owner)
        department = _first(record, record, rule.department) or self.config.department_of(owner)
        what = rule.text(self.config.language)
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
                file=loaded.file.rel,
                loc=(rule.start or "",),
                estimated_years=frozenset({year} if self.calendar.is_estimated(year) else ()),
                recurring=True,
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
        shifted = self.calendar.shift(start, amount, before=rule.before is not None)
        return shifted.at, shifted.estimated_years, rule.start.split(".")[0]

    def lateness(self, due: datetime, now: datetime) -> tuple[int, int]:
        """(working days, hours) by which `now` is past `due`: whole hours, and the working
        days passed since the deadline's day once it is 24 hours late or more (0 before)."""
        hours = int((now - due) / timedelta(hours=1))
        if hours < 24:
            return 0, hours
        days = self.calendar.working_days_between(
            due.astimezone(self.calendar.tz).date(), now.astimezone(self.calendar.tz).date()
        )
        return days, hours


def _value(subject: Any, record: Any, path: str) -> Any:
    """A dotted field path, on the item first (or the record with a `record.` prefix)."""
    on_record, parts = _parts(path)
    target = record if on_record else subject
    for part in parts:
        if isinstance(part, int):
            target = target[part] if isinstance(target, list) and part < len(target) else None
        else:
            target = getattr(target, part, None)
        if target is None:
            return None
    return target


@cache
def _parts(path: str) -> tuple[bool, tuple[str | int, ...]]:
    """`record.partners.0.contact` → (True, ("partners", 0, "contact")), parsed once."""
    on_record = path.startswith("record.")
    rest = path.removeprefix("record.")
    return on_record, tuple(int(p) if p.isdigit() else p for p in rest.split("."))


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


def overdue(obligations: Iterable[Obligation], now: datetime) -> list[Obligation]:
    """Unmet obligations whose deadline has passed, most overdue first. Of a recurring
    rule only the latest missed period of each record is listed, counting the others."""
    late: list[Obligation] = []
    latest: dict[tuple[str, str], Obligation] = {}
    missed: Counter[tuple[str, str]] = Counter()
    for ob in obligations:
        if ob.met or now <= ob.due:
            continue
        if not ob.recurring:
            late.append(ob)
            continue
        key = (ob.record, ob.rule)
        missed[key] += 1
        if key not in latest or ob.due >= latest[key].due:  # periods come in order
            latest[key] = ob
    late += [replace(ob, missed_before=missed[key] - 1) for key, ob in latest.items()]
    return sorted(late, key=lambda ob: (ob.due, ob.record, ob.item or "", ob.rule))


def due_within(
    obligations: Iterable[Obligation], now: datetime, within: timedelta
) -> list[Obligation]:
    """Unmet obligations due between now and now + within, soonest first."""
    horizon = now + within
    upcoming = [ob for ob in obligations if not ob.met and now <= ob.due <= horizon]
    return sorted(upcoming, key=lambda ob: (ob.due, ob.record, ob.item or "", ob.rule))


def select(
    obligations: Iterable[Obligation],
    config: Config,
    *,
    owner: str | None = None,
    department: str | None = None,
) -> list[Obligation]:
    """Those of one owner (by name or email) and/or one department."""
    names = {owner}
    person = config.people_by_key.get(owner) if owner else None
    if person is not None:
        names |= {person.name, person.email}
    return [
        ob
        for ob in obligations
        if (owner is None or ob.owner in names)
        and (department is None or ob.department == department)
    ]
