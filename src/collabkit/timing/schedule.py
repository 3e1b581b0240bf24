"""The working calendar day by day, as people read it: why a day is off or on (SPEC §4
`collab calendar`), and which years the calendar data has an official schedule for.

:class:`~collabkit.timing.calendar.WorkCalendar` answers "is this a working day?"; this
module says why: a weekend, a public holiday (by its name), a weekend day the state made a
working day (调休), or one of the team's own `extra_*` days; and whether the year is
estimated because the `holidays` package has no official schedule for it yet.
"""

from __future__ import annotations

import calendar as gregorian
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from collabkit.timing.calendar import ADJUSTED_WORKDAY_COUNTRIES, WorkCalendar

if TYPE_CHECKING:  # `collab --version` reads this module: no models, no pydantic
    from collabkit.timing.obligations import CalendarSettings

_SAT_SUN = frozenset({5, 6})


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the team's calendar and why it is off or on."""

    day: date
    working: bool  # the final word: the state's calendar, then the team's extra days
    weekend: bool
    holiday: str | None  # the public holiday (or swapped day off), named by `holidays`
    adjusted: bool  # a weekend day the state declared a working day (调休)
    company: Literal["holiday", "workday"] | None  # the team's extra_holidays / extra_workdays
    estimated: bool  # the year has no official schedule in the data


def days_between(
    calendar: WorkCalendar,
    settings: CalendarSettings,
    first: date,
    last: date,
    locale: str | None = None,
) -> list[Day]:
    """Every day from `first` to `last` (inclusive); holiday names in `locale` (a
    `holidays` language such as zh_CN or en_US) where the data has them."""
    official = _Official(settings.country, locale)
    extra_off, extra_on = set(settings.extra_holidays), set(settings.extra_workdays)
    out, day = [], first
    while day <= last:
        weekend = day.weekday() in official.weekend
        company: Literal["holiday", "workday"] | None = (
            "workday" if day in extra_on else "holiday" if day in extra_off else None
        )
        out.append(
            Day(
                day=day,
                working=calendar.is_working_day(day),
                weekend=weekend,
                holiday=official.name(day),
                adjusted=weekend and official.works(day),
                company=company,
                estimated=calendar.is_estimated(day.year),
            )
        )
        day += timedelta(days=1)
    return out


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and the last day of a month."""
    return date(year, month, 1), date(year, month, gregorian.monthrange(year, month)[1])


def official_years(country: str) -> list[int]:
    """The years for which `holidays` has the official schedule of `country`, detected from
    the data: for a country that declares weekend days working days (CN), the years with at
    least one such day (as WorkCalendar decides); for other countries every year covered."""
    import holidays

    data: Any = holidays.country_holidays(country)
    years = range(data.start_year, data.end_year + 1)
    if str(getattr(data, "country", country)) not in ADJUSTED_WORKDAY_COUNTRIES:
        return list(years)
    data = holidays.country_holidays(country, years=years)
    worked = {day.year for day in data.weekend_workdays if data.is_working_day(day)}
    return sorted(worked & set(years))


class _Official:
    """The state's calendar of a country (None: Saturday and Sunday off, no holidays)."""

    def __init__(self, country: str | None, locale: str | None) -> None:
        self._country = country
        self._locale = locale
        self._years: dict[int, Any] = {}
        self.weekend: frozenset[int] = (
            frozenset(self._data(2000).weekend) if country is not None else _SAT_SUN
        )

    def _data(self, year: int) -> Any:
        data = self._years.get(year)
        if data is None:
            import holidays

            assert self._country is not None
            try:
                data = holidays.country_holidays(self._country, years=year, language=self._locale)
            except NotImplementedError:  # a language the country's data does not have
                data = holidays.country_holidays(self._country, years=year)
            self._years[year] = data
        return data

    def name(self, day: date) -> str | None:
        if self._country is None:
            return None
        names: list[str] = self._data(day.year).get_list(day)
        return "; ".join(names) or None

    def works(self, day: date) -> bool:
        if self._country is None:
            return day.weekday() not in _SAT_SUN
        return bool(self._data(day.year).is_working_day(day))


@dataclass(frozen=True, slots=True)
class ScheduleCheck:
    """`collab calendar --check`: whether the calendar can be trusted now and soon.

    `state` is "ok" (next year's official schedule is known), "not_yet" (it is not, but
    it is not December: the State Council publishes in November), "missing" (December, and
    next year is still estimated) or "current" (this very year is estimated). `year` is the
    year the state is about; `failed` says whether the check fails.
    """

    state: Literal["ok", "not_yet", "missing", "current"]
    year: int

    @property
    def failed(self) -> bool:
        return self.state in ("missing", "current")


def check_schedule(calendar: WorkCalendar, today: date) -> ScheduleCheck:
    """Whether this year and (in December) next year have an official schedule."""
    if calendar.is_estimated(today.year):
        return ScheduleCheck("current", today.year)
    following = today.year + 1
    if not calendar.is_estimated(following):
        return ScheduleCheck("ok", following)
    return ScheduleCheck("missing" if today.month == 12 else "not_yet", following)
