"""Values written into YAML by collab (skeletons, edits) so that they read back as written."""

from __future__ import annotations

import json
import re
from datetime import datetime, tzinfo
from typing import Any

# A date or a date and time: written plainly, read back as text by collab's own types.
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)?)?$")
# What a YAML 1.1 or 1.2 reader might take for a number: digits with `_`, `.` and `:`
# (sexagesimal), an exponent, a sign, or a 0x / 0o / 0b prefix. Broader than YAML on purpose.
_NUMBER_LIKE = re.compile(r"^[-+]?(?:0[xob][0-9a-f_]*|[0-9_.:]+(?:e[-+]?[0-9]+)?)$", re.IGNORECASE)
_SPECIAL_WORDS = ("null", "true", "false", "~", "yes", "no", "on", "off", "y", "n")
# What must be written as an escape: what YAML forbids in a file, what a reader may take for
# a line break (CR, NEL, U+2028, U+2029) and a BOM. json.dumps escapes only C0 controls.
_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_scalar(value: Any) -> str:
    """A value as a YAML scalar; None stays empty (a field still to fill in)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool | int):
        return json.dumps(value)
    text = str(value)
    if plain_safe(text):
        return text
    return _ESCAPE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(text, ensure_ascii=False))


def needs_escape(text: str) -> bool:
    """Whether `text` holds a character that only an escape in double quotes keeps: one
    YAML forbids raw, one a reader may take for a line break, or a BOM."""
    return _ESCAPE.search(text) is not None


def plain_safe(text: str) -> bool:
    """Whether `text` reads back as the same text when written without quotes.

    Anything a YAML 1.1 or 1.2 reader could take for a number (`1_000`, `1e3`, `0x1F`,
    `0o17`, `.5`, `-.inf`, `17:00`, `0123`), a boolean, null, a comment, an anchor or a flow
    collection is quoted; dates and times stay plain, and so does text that merely starts
    with a digit or a sign (`5万`, `10个工作日`, `-5% 流失`).
    """
    if not text or text.strip() != text or "\n" in text or "\t" in text or needs_escape(text):
        return False
    if _MOMENT.match(text):
        return True
    if text[:1] in "-?:" and (len(text) == 1 or text[1] in " \t"):
        return False  # a sequence, key or value indicator
    return (
        ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text[0] not in ",[]{}#&*!|>'\"%@`~="
        and not _NUMBER_LIKE.match(text)
        and not any(c in text for c in "{}[],")
        and text.lower() not in _SPECIAL_WORDS
        and text.lower().lstrip("+-.") not in ("inf", "nan")
    )


def moment_text(moment: datetime, workspace_tz: tzinfo) -> str:
    """A moment as people write it in a record: local time without offset when it is in
    the workspace zone, ISO 8601 with offset otherwise."""
    local = moment.astimezone(workspace_tz)
    if local.utcoffset() == moment.utcoffset():
        return local.strftime("%Y-%m-%d %H:%M") + (f":{local.second:02d}" if local.second else "")
    return moment.isoformat(timespec="minutes")
