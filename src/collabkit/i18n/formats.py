"""How moments are written for people and in JSON (the same in every language)."""

from __future__ import annotations

from datetime import datetime, tzinfo


def local_time(moment: datetime, tz: tzinfo) -> str:
    """'2024-10-25 18:00' in the workspace zone (a year before 1000 keeps its four digits)."""
    local = moment.astimezone(tz)
    return f"{local.year:04d}-{local:%m-%d %H:%M}"


def iso(moment: datetime) -> str:
    """ISO 8601 with its offset, to the second: the JSON form."""
    return moment.isoformat(timespec="seconds")
