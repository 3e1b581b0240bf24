"""Tests for collabkit.durations: the duration forms of SPEC §5."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collabkit.timing.durations import Duration, Unit, parse_duration

ACCEPTED: list[tuple[str, Duration]] = [
    # minutes
    ("30m", Duration(30, "m")),
    ("30min", Duration(30, "m")),
    ("30 mins", Duration(30, "m")),
    ("30 minutes", Duration(30, "m")),
    ("1 minute", Duration(1, "m")),
    ("30分钟", Duration(30, "m")),
    ("30 分钟", Duration(30, "m")),
    # hours
    ("2h", Duration(2, "h")),
    ("2 hours", Duration(2, "h")),
    ("1 hour", Duration(1, "h")),
    ("24h", Duration(24, "h")),
    ("2小时", Duration(2, "h")),
    ("2个小时", Duration(2, "h")),
    # calendar days
    ("3d", Duration(3, "d")),
    ("3 days", Duration(3, "d")),
    ("1 day", Duration(1, "d")),
    ("3天", Duration(3, "d")),
    ("3日", Duration(3, "d")),
    # working days
    ("1wd", Duration(1, "wd")),
    ("1 working day", Duration(1, "wd")),
    ("2 working days", Duration(2, "wd")),
    ("1 workday", Duration(1, "wd")),
    ("3 workdays", Duration(3, "wd")),
    ("1 business day", Duration(1, "wd")),
    ("2 business days", Duration(2, "wd")),
    ("1个工作日", Duration(1, "wd")),
    ("1工作日", Duration(1, "wd")),
    ("10个工作日", Duration(10, "wd")),
    # working hours
    ("4wh", Duration(4, "wh")),
    ("4 working hours", Duration(4, "wh")),
    ("1 working hour", Duration(1, "wh")),
    ("4个工作小时", Duration(4, "wh")),
    ("4工作小时", Duration(4, "wh")),
    # whitespace and case
    ("  2 Hours ", Duration(2, "h")),
    ("1 WORKING  DAY", Duration(1, "wd")),
    ("4 WH", Duration(4, "wh")),
    ("3D", Duration(3, "d")),
    ("\t30\tMin\n", Duration(30, "m")),
    ("\u30001个工作日\u3000", Duration(1, "wd")),  # full-width spaces from a CJK IME
    ("１个工作日", Duration(1, "wd")),  # full-width digit
    # zero is a legitimate amount
    ("0m", Duration(0, "m")),
    ("0wd", Duration(0, "wd")),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_forms(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "3",
        "-1d",
        "- 1d",
        "+1d",
        "1.5h",
        "1,5h",
        "h",
        "wd",
        "3x",
        "3 weeks",
        "1 wd extra",
        "2h30m",
        "三天",
        "3 d d",
        "working day",
    ],
)
def test_rejected_text(text: str) -> None:
    with pytest.raises(ValueError, match=r"^not a duration: '.*'; use e\.g\. 30m, 2h, 3d"):
        parse_duration(text)


@pytest.mark.parametrize("value", [0, 3, 24, -1])
def test_bare_int_is_rejected(value: int) -> None:
    with pytest.raises(ValueError, match=rf"^not a duration: '{value}'"):
        parse_duration(value)


def test_error_message_is_exact() -> None:
    with pytest.raises(ValueError) as info:
        parse_duration("soon")
    assert str(info.value) == "not a duration: 'soon'; use e.g. 30m, 2h, 3d, 1wd, 4wh"


@pytest.mark.parametrize(
    ("duration", "text", "working"),
    [
        (Duration(30, "m"), "30m", False),
        (Duration(2, "h"), "2h", False),
        (Duration(3, "d"), "3d", False),
        (Duration(1, "wd"), "1wd", True),
        (Duration(4, "wh"), "4wh", True),
    ],
)
def test_canonical_str_and_working(duration: Duration, text: str, working: bool) -> None:
    assert str(duration) == text
    assert duration.working is working


@pytest.mark.parametrize(
    ("amount", "unit"), [(-1, "m"), (1, "w"), (1, "H"), (True, "h"), (1.5, "h"), ("2", "h")]
)
def test_invalid_duration_values(amount: object, unit: object) -> None:
    with pytest.raises(ValueError):
        Duration(amount, unit)  # type: ignore[arg-type]


def test_duration_is_frozen_and_hashable() -> None:
    duration = Duration(1, "wd")
    with pytest.raises(AttributeError):
        duration.amount = 2  # type: ignore[misc]
    assert {duration, Duration(1, "wd")} == {duration}


UNITS: list[Unit] = ["m", "h", "d", "wd", "wh"]


@settings(max_examples=200)
@given(amount=st.integers(min_value=0, max_value=10**6), unit=st.sampled_from(UNITS))
def test_canonical_form_round_trips(amount: int, unit: Unit) -> None:
    duration = Duration(amount, unit)
    assert parse_duration(str(duration)) == duration
