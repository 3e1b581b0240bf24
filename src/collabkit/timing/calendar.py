"""Working-time arithmetic on a country's state calendar (SPEC §5).

A :class:`WorkCalendar` knows which days are working days (weekends and public
holidays off, adjusted working days 调休 on, then the company's own extra days) and
the daily work windows. :meth:`WorkCalendar.shift` turns "N units from/before this
moment" into a deadline, and says which years it had to estimate because the
``holidays`` package has no official schedule for them yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from collabkit.timing.country import check_country, country_year
from collabkit.timing.durations import Duration

__all__ = ["ADJUSTED_WORKDAY_COUNTRIES", "Shifted", "WorkCalendar", "check_country"]

ADJUSTED_WORKDAY_COUNTRIES: frozenset[str] = frozenset({"CN"})
"""Countries whose government publishes a yearly schedule with weekend days declared
working days. A year of theirs with no such day in the data has no published schedule."""

DEFAULT_WORK_HOURS: tuple[tuple[time, time], ...] = ((time(9), time(12)), (time(13), time(18)))

_DAY = timedelta(days=1)
_EPOCH = date(2000, 1, 1)  # any day: to subtract wall-clock times
_CALENDAR_UNITS: dict[str, timedelta] = {
    "m": timedelta(minutes=1),
    "h": timedelta(hours=1),
    "d": timedelta(hours=24),
}
# Guards the day-by-day walks against endless loops (a calendar with no working day
# left) and absurd amounts; real deadlines are weeks away, not a century.
_MAX_SPAN = timedelta(days=100 * 366)
_WEEKEND_SAT_SUN = frozenset({5, 6})


@dataclass(frozen=True, slots=True)
class Shifted:
    """The result of :meth:`WorkCalendar.shift`.

    ``at`` is aware, in the calendar's timezone. ``estimated_years`` holds the years
    without an official schedule whose days the computation examined; empty means the
    deadline is exact.
    """

    at: datetime
    estimated_years: frozenset[int]


@dataclass(frozen=True, slots=True)
class _Year:
    first: int  # proleptic ordinal of 1 January
    working: bytearray  # one flag per day of the year
    estimated: bool


class WorkCalendar:
    """Working days and work hours of a team, and deadline arithmetic on them."""

    __slots__ = (
        "_country",
        "_day_shifts",
        "_entered",
        "_extra_holidays",
        "_extra_workdays",
        "_windows",
        "_years",
        "tz",
    )

    def __init__(
        self,
        *,
        tz: ZoneInfo,
        country: str | None = "CN",
        work_hours: Sequence[tuple[time, time]] = DEFAULT_WORK_HOURS,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
        entered_years: Iterable[int] = (),
    ) -> None:
        """Create a calendar; ``country=None`` means only Saturday and Sunday are off.

        ``entered_years`` are years whose days the team entered by hand in
        ``extra_holidays``/``extra_workdays``; they are never reported as estimated.
        The country code is checked on first use (loading ``holidays`` is slow).

        Raises:
            ValueError: the work hours are empty, reversed or overlapping.
        """
        self.tz = tz
        self._country = country.upper() if country is not None else None
        self._windows = _check_windows(work_hours)
        self._extra_holidays = frozenset(extra_holidays)
        self._extra_workdays = frozenset(extra_workdays)
        self._entered = frozenset(entered_years)
        self._years: dict[int, _Year] = {}
        # N working days depend on the start day only: many records share one
        self._day_shifts: dict[tuple[date, int, bool], Shifted] = {}

    # -- days -------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day (extra_workdays > extra_holidays > country)."""
        year = self._year(day.year)
        return bool(year.working[day.toordinal() - year.first])

    def is_estimated(self, year: int) -> bool:
        """Whether ``year``'s working days are estimated rather than officially published."""
        return self._year(year).estimated

    def close_of(self, day: date) -> datetime:
        """The end of the last work window of ``day``, aware, in the calendar's timezone."""
        return datetime.combine(day, self._windows[-1][1], tzinfo=self.tz)

    def working_days_between(self, a: date, b: date) -> int:
        """The number of working days ``d`` with ``a < d <= b`` (0 when ``b <= a``)."""
        count, day = 0, a
        while day < b:
            day += _DAY
            count += self.is_working_day(day)
        return count

    def working_day_length(self) -> timedelta:
        """The working time of one working day: the sum of its work windows."""
        return sum(
            (
                datetime.combine(_EPOCH, closing) - datetime.combine(_EPOCH, opening)
                for opening, closing in self._windows
            ),
            timedelta(0),
        )

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """The working time inside work windows from ``a`` to ``b`` (zero when ``b <= a``).

        Whole days in between are counted from the per-year tables, so a span of years
        costs a few slices, not a walk day by day.
        """
        if b <= a:
            return timedelta(0)
        start = a.astimezone(self.tz).replace(tzinfo=None)
        end = b.astimezone(self.tz).replace(tzinfo=None)
        if start.date() == end.date():
            return self._worked(start.date(), start.time(), end.time())
        first = self._worked(start.date(), start.time(), time.max)
        last = self._worked(end.date(), time.min, end.time())
        days = self._working_days_strictly_between(start.date(), end.date())
        return first + last + days * self.working_day_length()

    def _worked(self, day: date, begin: time, end: time) -> timedelta:
        """Working time of ``day`` between the wall-clock times ``begin`` and ``end``."""
        if not self.is_working_day(day):
            return timedelta(0)
        total = timedelta(0)
        for opening, closing in self._windows:
            low, high = max(begin, opening), min(end, closing)
            if low < high:
                total += datetime.combine(day, high) - datetime.combine(day, low)
        return total

    def _working_days_strictly_between(self, a: date, b: date) -> int:
        """The number of working days ``d`` with ``a < d < b``, by slices of year tables."""
        count, day = 0, a + _DAY
        while day < b:
            year = self._year(day.year)
            stop = min(b, date(day.year, 12, 31) + _DAY)
            count += year.working[
                day.toordinal() - year.first : stop.toordinal() - year.first
            ].count(1)
            day = stop
        return count

    def last_working_day_on_or_before(self, day: date) -> date:
        """``day`` itself if it is a working day, else the closest working day before it."""
        found = day
        while not self.is_working_day(found):
            found -= _DAY
            self._check_span(day, found)
        return found

    # -- deadlines --------------------------------------------------------------------

    def shift(self, start: datetime, duration: Duration, *, before: bool = False) -> Shifted:
        """The deadline ``duration`` after (or, with ``before``, ahead of) ``start``.

        Calendar units are exact elapsed time. ``N wd``: the close of work on the N-th
        working day after (before) the start day, which itself never counts; ``0wd`` is
        the close of the start day. ``N wh``: N hours inside work windows on working
        days, starting from the next opening (previous closing) when ``start`` is
        outside them; a deadline exactly on a closing (opening) stays there.

        Raises:
            ValueError: ``start`` is naive, or the deadline is out of range.
        """
        if start.tzinfo is None or start.utcoffset() is None:
            raise ValueError(f"deadline start {start.isoformat()} has no timezone")
        try:
            if duration.unit == "wd":
                return self._shift_days(start.astimezone(self.tz).date(), duration.amount, before)
            if duration.unit == "wh":
                local = start.astimezone(self.tz).replace(tzinfo=None)
                return self._shift_hours(local, timedelta(hours=duration.amount), before)
            # Elapsed time on UTC, so that no daylight-saving change moves the deadline.
            step = _CALENDAR_UNITS[duration.unit] * duration.amount
            utc = start.astimezone(UTC)
            at = (utc - step) if before else (utc + step)
            return Shifted(at.astimezone(self.tz), frozenset())
        except OverflowError:
            raise ValueError(f"{duration} from {start.isoformat()} is out of range") from None

    def _shift_days(self, start_day: date, amount: int, before: bool) -> Shifted:
        key = (start_day, amount, before)
        shifted = self._day_shifts.get(key)
        if shifted is None:
            shifted = self._day_shifts[key] = self._walk_days(start_day, amount, before)
        return shifted

    def _walk_days(self, start_day: date, amount: int, before: bool) -> Shifted:
        step = -_DAY if before else _DAY
        day, touched = start_day, set[int]()
        while amount > 0:
            day += step
            self._check_span(start_day, day)
            touched.add(day.year)
            amount -= self.is_working_day(day)
        return Shifted(self.close_of(day), self._estimated_among(touched))

    def _shift_hours(self, local: datetime, amount: timedelta, before: bool) -> Shifted:
        """Walk day by day through the work windows; ``local`` is naive wall time.

        Work windows are wall-clock times, so a working hour is an hour of the clock on
        the wall even on a daylight-saving day (which no default calendar has).
        """
        day, cursor, touched = local.date(), local, set[int]()
        while True:
            self._check_span(local.date(), day)
            touched.add(day.year)
            if self.is_working_day(day):
                found, amount = (self._spend_backward if before else self._spend_forward)(
                    day, cursor, amount
                )
                if found is not None:
                    at = found.replace(tzinfo=self.tz)
                    return Shifted(at, self._estimated_among(touched))
            # The next day is entered at its start (or, walking back, at its end).
            day = day - _DAY if before else day + _DAY
            cursor = datetime.combine(day + _DAY if before else day, time())

    def _spend_forward(
        self, day: date, cursor: datetime, amount: timedelta
    ) -> tuple[datetime | None, timedelta]:
        """Spend ``amount`` in ``day``'s windows from ``cursor``: (deadline or None, rest)."""
        for opening, closing in self._windows:
            end = datetime.combine(day, closing)
            if cursor > end:
                continue
            begin = max(cursor, datetime.combine(day, opening))
            # ``<=`` keeps a deadline that lands exactly on a closing time at the closing.
            if amount <= end - begin:
                return begin + amount, amount
            amount -= end - begin
        return None, amount

    def _spend_backward(
        self, day: date, cursor: datetime, amount: timedelta
    ) -> tuple[datetime | None, timedelta]:
        """Mirror of :meth:`_spend_forward`, spending towards the start of the day."""
        for opening, closing in reversed(self._windows):
            begin = datetime.combine(day, opening)
            if cursor < begin:
                continue
            end = min(cursor, datetime.combine(day, closing))
            if amount <= end - begin:
                return end - amount, amount
            amount -= end - begin
        return None, amount

    @staticmethod
    def _check_span(start_day: date, day: date) -> None:
        if abs(day - start_day) > _MAX_SPAN:
            raise ValueError(f"no working time found within a century of {start_day}")

    def _estimated_among(self, years: Iterable[int]) -> frozenset[int]:
        return frozenset(year for year in years if self.is_estimated(year))

    # -- per-year tables --------------------------------------------------------------

    def tables(self) -> dict[int, tuple[int, bytes, bool]]:
        """The year tables built so far, as plain values (`preload` takes them back): a
        cache keeps them, so that a later run needs no `holidays` for those years."""
        return {y: (t.first, bytes(t.working), t.estimated) for y, t in self._years.items()}

    def preload(self, tables: dict[int, tuple[int, bytes, bool]]) -> None:
        """Take year tables that `tables()` gave for a calendar of the same settings."""
        for year, (first, working, estimated) in tables.items():
            self._years.setdefault(year, _Year(first, bytearray(working), estimated))

    def _year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is None:
            table = self._years[year] = self._build_year(year)
        return table

    def _build_year(self, year: int) -> _Year:
        """Flag every day of ``year`` once, so that arithmetic is table look-ups only."""
        first = date(year, 1, 1)
        length = date(year, 12, 31).toordinal() - first.toordinal() + 1
        days = [first + timedelta(days=i) for i in range(length)]
        if self._country is None:
            working = bytearray(d.weekday() not in _WEEKEND_SAT_SUN for d in days)
            estimated = False
        else:
            working, adjusted, code = country_year(self._country, year, days)
            # No weekend working day at all means `holidays` computed the year by rule:
            # the State Council's schedule (with its 调休 days) is not in the data yet.
            estimated = (
                code in ADJUSTED_WORKDAY_COUNTRIES and not adjusted and year not in self._entered
            )
        for extras, flag in ((self._extra_holidays, 0), (self._extra_workdays, 1)):
            for day in extras:  # workdays last: they win over everything
                if day.year == year:
                    working[day.toordinal() - first.toordinal()] = flag
        return _Year(first.toordinal(), working, estimated)


def _check_windows(work_hours: Sequence[tuple[time, time]]) -> tuple[tuple[time, time], ...]:
    windows = tuple(sorted((opening, closing) for opening, closing in work_hours))
    if not windows:
        raise ValueError("work hours must contain at least one window")
    for opening, closing in windows:
        if opening.tzinfo is not None or closing.tzinfo is not None:
            raise ValueError("work hours must be wall-clock times without a timezone")
        if not opening < closing:
            span = f"{opening:%H:%M}-{closing:%H:%M}"
            raise ValueError(f"work window {span} must end after it starts")
    for (_, previous_end), (opening, _) in pairwise(windows):
        if opening < previous_end:
            raise ValueError(f"work windows overlap at {opening:%H:%M}")
    return windows
