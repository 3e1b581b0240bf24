"""Durations of the handbook's timing rules: ``30m``, ``2h``, ``3d``, ``1wd``, ``4wh``.

A duration is a whole, non-negative amount of one unit. Calendar units (minutes,
hours, days) run around the clock; working units (working days, working hours) are
counted on a :class:`collabkit.timing.calendar.WorkCalendar`. English and Chinese spellings
are accepted; :func:`str` gives the canonical short form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

__all__ = ["Duration", "Unit", "parse_duration"]

Unit = Literal["m", "h", "d", "wd", "wh"]
"""minutes, hours, calendar days, working days, working hours"""

_UNITS: frozenset[str] = frozenset(get_args(Unit))
_WORKING_UNITS: frozenset[str] = frozenset({"wd", "wh"})

_HINT = "use e.g. 30m, 2h, 3d, 1wd, 4wh"

# One pattern per unit, compiled once at import so that parsing a record's rules
# costs a handful of regex matches. ``\d`` (Unicode) also admits full-width digits,
# which Chinese input methods produce; ``int`` converts them.
_NUMBER = r"(?P<amount>\d+)\s*"
_UNIT_WORDS: tuple[tuple[Unit, str], ...] = (
    ("m", r"(?:m|mins?|minutes?|分钟|分)"),
    ("h", r"(?:h|hrs?|hours?|个?\s*小时|个?\s*钟头)"),
    ("d", r"(?:d|days?|天|日)"),
    ("wd", r"(?:wd|(?:working|work|business)\s*days?|个?\s*工作\s*日)"),
    ("wh", r"(?:wh|(?:working|work|business)\s*hours?|个?\s*工作\s*小时)"),
)
_FORMS: tuple[tuple[Unit, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(_NUMBER + words, re.IGNORECASE)) for unit, words in _UNIT_WORDS
)


@dataclass(frozen=True, slots=True)
class Duration:
    """A whole, non-negative amount of one unit.

    ``m``/``h``/``d`` are calendar time (``d`` is exactly 24 hours); ``wd``/``wh``
    are working days and working hours, counted on a work calendar.
    """

    amount: int
    unit: Unit

    def __post_init__(self) -> None:
        # bool is an int subclass; ``True`` as an amount is always a mistake.
        if not isinstance(self.amount, int) or isinstance(self.amount, bool):
            raise ValueError(f"duration amount must be a whole number, not {self.amount!r}")
        if self.amount < 0:
            raise ValueError(f"duration amount must not be negative: {self.amount}")
        if self.unit not in _UNITS:
            raise ValueError(f"unknown duration unit {self.unit!r}; use m, h, d, wd or wh")

    @property
    def working(self) -> bool:
        """True for working days and working hours, which need a calendar."""
        return self.unit in _WORKING_UNITS

    def __str__(self) -> str:
        """The canonical short form, e.g. ``30m``, ``1wd``; it parses back to ``self``."""
        return f"{self.amount}{self.unit}"


def parse_duration(text: str | int) -> Duration:
    """Parse a duration written in English or Chinese.

    Accepted, whitespace-tolerant and case-insensitive: ``30m``, ``30min``,
    ``30 minutes``, ``2h``, ``2 hours``, ``3d``, ``3 days``, ``1wd``,
    ``1 working day``, ``1 workday``, ``1 business day``, ``4wh``,
    ``4 working hours``, and ``30分钟``, ``2小时``, ``3天``, ``3日``, ``1个工作日``,
    ``1工作日``, ``4个工作小时``, ``4工作小时``.

    A bare number is rejected: the unit must always be written (a YAML ``within: 2``
    is ambiguous between hours and days).

    Raises:
        ValueError: ``text`` is not a duration in one of these forms.
    """
    if isinstance(text, str):
        stripped = text.strip()
        for unit, pattern in _FORMS:
            match = pattern.fullmatch(stripped)
            if match is not None:
                return Duration(int(match["amount"]), unit)
    raise ValueError(f"not a duration: '{text}'; {_HINT}")
