"""Command-line text → the YAML value an edit writes, typed as the field reads it.

`node` reads text as if it were typed into the file (`3` a number, `2024-10-20` a date,
`[a, b]` a list); `value_for` first asks the model what the field holds, so that text fields
keep number-like text as text (`budget 0123`, `title 1_000`, `goal "-5% 流失"`).
"""

from __future__ import annotations

import re
from typing import Any

from collabkit.edit.fields import FieldType, type_at
from collabkit.io.scalars import needs_escape, plain_safe
from collabkit.io.yamlio import load_roundtrip


def node(text: str) -> Any:
    """A YAML value from command-line text, typed and styled as if typed into the file."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    if needs_escape(text):  # a control character, NEL, U+2028, a BOM: only an escape keeps it
        return DoubleQuotedScalarString(text)
    if "\n" in text:
        return LiteralScalarString(text if text.endswith("\n") else text + "\n")
    try:  # with the reader's limits: a value nested 5,000 deep is text, not 2 s of recursion
        parsed = load_roundtrip(f"v: {text}\n", "value") if text.strip() else {"v": None}
    except Exception:
        parsed = None
    if not isinstance(parsed, dict) or "v" not in parsed or len(parsed) != 1:
        return text
    value = parsed["v"]
    stripped = text.strip()
    quoted = stripped[:1] in ("'", '"') and stripped[-1:] == stripped[:1]
    if isinstance(value, str) and quoted:
        return value
    # what YAML would read as a comment, anchor, tag or block indicator is text, not lost
    if stripped[:1] in ("&", "!", "|", ">") or re.search(r"(?:^|\s)#", stripped):
        return text
    return value


def text_node(text: str) -> Any:
    """Text that stays text: quoted when a YAML reader could take it for something else.

    A plain decimal (`302`) is written as the number: collab reads numbers in text fields
    as their text, and that text is the same; `0123` or `1_000` would not be, so they are
    quoted."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if needs_escape(text):  # only an escape keeps it (see `node`)
        return DoubleQuotedScalarString(text)
    if "\n" in text:
        return LiteralScalarString(text if text.endswith("\n") else text + "\n")
    if _DECIMAL.match(text):
        return int(text)
    return text if plain_safe(text) else SingleQuotedScalarString(text)


_DECIMAL = re.compile(r"^(?:0|-?[1-9][0-9]{0,15})$")  # "-0" would come back as "0"


def value_for(kind: str, segments: tuple[str | int, ...], text: str) -> Any:
    """The value to write at `segments` of a record of `kind` from command-line `text`;
    empty text clears the field."""
    if text == "":
        return None
    return typed(type_at(kind, segments), text)


def typed(spec: FieldType | None, text: str) -> Any:
    """`text` as a value of the field type `spec` (as `node` reads it when unknown)."""
    if spec is None:
        return node(text)
    if spec.is_text or spec.category in ("level", "choice"):
        return text_node(text)
    value = node(text)
    if spec.category == "text-or-list" and not isinstance(value, list):
        return text_node(text)
    return value
