"""A country's public holidays and adjusted working days, from the ``holidays`` package.

``holidays.country_holidays("CN")`` imports the package ``holidays.countries``, whose
``__init__`` imports every one of its ~250 countries (~45 ms, in each process that builds
a year). For CN, what collab is made for, its one module is loaded alone; anything
unexpected there falls back to ``country_holidays``. `tests/timing/test_country.py` checks
that both give the same days.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from datetime import date
from functools import cache
from typing import Any

__all__ = ["check_country", "country_year"]

_CHINA = ("CN", "CHN")


def check_country(country: str) -> None:
    """Raise ValueError when ``holidays`` has no calendar for ``country``.

    Reads the registry of codes (``CN``, ``CHN``) without loading any country's module;
    the country collab is made for is known without it (the registry costs ~13 ms).
    """
    if country.upper() in _CHINA:
        return
    from holidays.registry import COUNTRIES

    codes = {code for names in COUNTRIES.values() for code in names[1:3]}
    if country.upper() not in codes:
        raise ValueError(f"unknown calendar country '{country}'")


def country_year(country: str, year: int, days: list[date]) -> tuple[bytearray, bool, str]:
    """(working flags of `days`, whether a weekend day is a working day, the canonical
    country code) of `country` in `year`."""
    calendar = holidays_of(country, year)
    working = bytearray(calendar.is_working_day(d) for d in days)
    adjusted = any(working[i] for i, d in enumerate(days) if d.weekday() in calendar.weekend)
    # `holidays` accepts aliases such as "CHN"; its objects carry the alpha-2 code.
    return working, adjusted, str(getattr(calendar, "country", country))


def holidays_of(country: str, year: int) -> Any:
    """The ``holidays`` calendar of `country` for `year`."""
    import holidays  # lazily: importing it costs ~45 ms, and calendar time never needs it

    china = _china_alone() if country.upper() in _CHINA else None
    if china is not None:
        return china(years=year)
    try:
        return holidays.country_holidays(country, years=year)
    except NotImplementedError:
        raise ValueError(f"unknown calendar country '{country}'") from None


@cache
def _china_alone() -> Any:
    """``holidays``' China class from its own module file, or None when that is not
    where this version of ``holidays`` keeps it."""
    import holidays

    if "holidays.countries" in sys.modules:  # imported already: nothing to save
        return None
    path = os.path.join(os.path.dirname(holidays.__file__), "countries", "china.py")
    spec = importlib.util.spec_from_file_location("holidays.countries.china", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        china = module.China
    except Exception:  # another layout, another name: the usual way
        return None
    return china
