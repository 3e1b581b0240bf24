"""Shared field types of every record kind: ids, moments, deadlines, people, levels.

Moments are read in the workspace timezone, passed in the validation context as `tz`
(see `validation_context`). A date alone means the start of that day for an event
(`sent_at: 2024-09-27`) and the end of that day for a deadline (`due: 2024-09-30` is
overdue from 2024-10-01 00:00), as SPEC §3 says.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, Field, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError

DEFAULT_TZ = ZoneInfo("Asia/Shanghai")
ID_PATTERN = r"^[A-Z][A-Z0-9]*-\d{4}-\d{3,}$"
REF_PATTERN = r"^[A-Z][A-Z0-9]*-\d{4}-\d{3,}(/[A-Za-z0-9][A-Za-z0-9._-]*)?$"
ID_RE = re.compile(ID_PATTERN)
REF_RE = re.compile(REF_PATTERN)

# Words people write where a date belongs. "尽快" is not a deadline (SPEC §1).
VAGUE_WORDS = (
    "尽快",
    "尽早",
    "马上",
    "立即",
    "立刻",
    "待定",
    "近期",
    "随时",
    "抓紧",
    "有空",
    "asap",
    "tbd",
    "tba",
    "soon",
    "as soon as possible",
    "later",
    "whenever",
)
_DATE_ONLY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
# Years a record may name: a deadline 100 years past 9999 overflows, and years far from now
# only cost (the calendar of each is built); a coordination record lives in these.
YEARS = range(1900, 3000)


def validation_context(tz: ZoneInfo) -> dict[str, Any]:
    """The context every record validation needs."""
    return {"tz": tz}


def _tz(info: ValidationInfo) -> ZoneInfo:
    ctx = info.context
    if isinstance(ctx, dict) and isinstance(ctx.get("tz"), ZoneInfo):
        tz: ZoneInfo = ctx["tz"]
        return tz
    return DEFAULT_TZ


def vague_word(text: str) -> str | None:
    """The vague word a would-be deadline is made of, if any."""
    lowered = text.strip().lower()
    for word in VAGUE_WORDS:
        if word in lowered:
            return word
    return None


def parse_moment(value: Any, tz: ZoneInfo, *, end_of_day: bool) -> datetime:
    """An aware datetime from what YAML gives: a string, a date or a datetime, in YEARS."""
    moment = _moment(value, tz, end_of_day=end_of_day)
    if moment.year not in YEARS:
        raise PydanticCustomError(
            "date_out_of_range",
            "'{text}' is out of range: dates run from {first} to {last}",
            {"text": str(value).strip(), "first": YEARS.start, "last": YEARS.stop - 1},
        )
    return moment


def _iso(text: str, tz: ZoneInfo) -> datetime | None:
    """ISO text with a time (`2024-10-08 18:00`), aware in `tz` unless it says its offset;
    None for anything else (said in words by `_moment`)."""
    if len(text) <= 10 or not text[:4].isdigit():
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _moment(value: Any, tz: ZoneInfo, *, end_of_day: bool) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time.max if end_of_day else time.min, tzinfo=tz)
    if not isinstance(value, str):
        raise PydanticCustomError(
            "datetime_type", "expected a date or datetime such as 2024-09-30 or 2024-09-30 14:00"
        )
    text = value.strip()
    moment = _iso(text, tz)  # the usual '2024-10-08 18:00': no vague word
    if moment is not None:
        return moment
    word = vague_word(text)
    if word is not None:
        raise PydanticCustomError(
            "vague_deadline",
            "'{text}' is not a deadline: give a date such as 2024-09-30 (做什么、谁来做、何时做)",
            {"text": text},
        )
    if _DATE_ONLY.match(text):
        y, m, d = (int(part) for part in text.split("-"))
        try:
            day = date(y, m, d)
        except ValueError:
            raise PydanticCustomError(
                "impossible_date", "'{text}' is not a real date", {"text": text}
            ) from None
        return datetime.combine(day, time.max if end_of_day else time.min, tzinfo=tz)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "impossible_date",
            "'{text}' is not a valid date/time: use ISO 8601 such as 2024-09-30 14:00",
            {"text": text},
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _usual(value: Any, info: ValidationInfo) -> datetime | None:
    """The usual moment ('2024-10-08 18:00', in YEARS) in one call, as `parse_moment`
    reads it; None for anything else (records hold ~10 moments each: this is most of them).
    A moment read before is not parsed again (a workspace names each about three times)."""
    if value.__class__ is not str:
        return None
    tz = _tz(info)
    moment = _SEEN.get((value, tz))
    if moment is None:
        moment = _iso(value.strip(), tz)
        if moment is None or moment.year not in YEARS:
            return None
        if len(_SEEN) >= _MOST_SEEN:
            _SEEN.clear()
        _SEEN[value, tz] = moment
    return moment


_SEEN: dict[tuple[str, ZoneInfo], datetime] = {}  # datetimes do not change: shared safely
_MOST_SEEN = 50_000


def _event(value: Any, info: ValidationInfo) -> datetime:
    return _usual(value, info) or parse_moment(value, _tz(info), end_of_day=False)


def _deadline(value: Any, info: ValidationInfo) -> datetime:
    return _usual(value, info) or parse_moment(value, _tz(info), end_of_day=True)


_LEVEL_ALIASES = {"高": "high", "中": "medium", "低": "low"}


def _level(value: Any) -> Any:
    if isinstance(value, str):
        return _LEVEL_ALIASES.get(value.strip(), value.strip())
    return value


# What a moment looks like in a file, for editors (JSON Schema): a date, maybe with a time.
MOMENT_TEXT = Annotated[str, StringConstraints(pattern=r"^\d{4}-?\d{1,2}-?\d{1,2}([ T].+)?$")]

LEVEL_TEXT: Any = Literal[(*_LEVEL_ALIASES.values(), *_LEVEL_ALIASES)]  # the aliases too

Moment = Annotated[
    datetime,
    BeforeValidator(_event, json_schema_input_type=MOMENT_TEXT),
    Field(description="a moment: ISO 8601 date/time; a date alone is the start of that day"),
]
Deadline = Annotated[
    datetime,
    BeforeValidator(_deadline, json_schema_input_type=MOMENT_TEXT),
    Field(description="a deadline: ISO 8601 date/time; a date alone means the end of that day"),
]
Level = Annotated[
    Literal["high", "medium", "low"],
    BeforeValidator(_level, json_schema_input_type=LEVEL_TEXT),
    Field(description="high / medium / low (高/中/低)"),
]
Text = Annotated[str, Field(description="free text; may be multi-line Markdown")]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="a person, by name or email as listed in `people`"),
    "person",
]
Department = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="a department, as listed in `departments`"),
    "department",
]
RecordId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="<PREFIX>-<YEAR>-<SEQ>, e.g. RW-2024-001"),
]
Ref = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN),
    Field(description="a record id or an item of one, e.g. RW-2024-001 or HY-2024-003/A2"),
]
ItemId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
    Field(description="an item id inside its record, e.g. A2, P1"),
]
TextOrList = Annotated[str | list[str], Field(description="text, or a list of text items")]
