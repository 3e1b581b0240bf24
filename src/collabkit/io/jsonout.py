"""JSON as collab prints it: `json.dumps(…, ensure_ascii=False, indent=2)`, byte for byte,
with the characters that JSON may carry raw but a terminal must not see escaped too.

Fast for what collab prints most (lists of thousands of flat objects: overdue items, lint
findings): one call of the C encoder, or items already encoded (`item_text`) and joined.
The standard library only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

# What JSON may carry raw and a terminal must not: C1 controls, DEL, bidi controls
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SCALARS = frozenset({str, int, bool, type(None)})
_ITEM = json.JSONEncoder(ensure_ascii=False, separators=(",\n    ", ": ")).encode


def dumps(data: Any, *, flat: bool = False) -> str:
    """The JSON text of `data`; `flat`: the caller knows it is a list of flat objects."""
    if not isinstance(data, list) or not (flat or all(_is_flat(item) for item in data)):
        return escape(json.dumps(data, ensure_ascii=False, indent=2))
    if not data:
        return "[]"
    # One call of the C encoder for the whole list: with this separator between keys and
    # between items alike, "},\n    {" can only be an item boundary (no string holds a
    # raw newline, no value is an object), where the indented form has "\n  },\n  {\n    ".
    text = json.dumps(data, ensure_ascii=False, separators=(",\n    ", ": "))
    body = text[2:-2].replace("},\n    {", "\n  },\n  {\n    ")
    return escape(f"[\n  {{\n    {body}\n  }}\n]")


def item_text(item: dict[str, Any]) -> str:
    """One flat, non-empty object as it reads inside a printed list (`joined` puts them
    together), by the C encoder as in `dumps`."""
    text = _ITEM(item)
    return escape(f"  {{\n    {text[1:-1]}\n  }}")


def with_key(text: str, key: str, value: int) -> str:
    """An `item_text` with one more key at its end."""
    return f'{text[:-4]},\n    "{key}": {value}\n  }}'


def joined(texts: Iterable[str]) -> str:
    """The printed list of items already encoded by `item_text`."""
    body = ",\n".join(texts)
    return f"[\n{body}\n]" if body else "[]"


def escape(text: str) -> str:
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _is_flat(item: Any) -> bool:
    """A non-empty object of strings, numbers, booleans and nulls."""
    return (
        type(item) is dict
        and bool(item)
        and all(type(k) is str for k in item)
        and all(type(v) in _SCALARS for v in item.values())
    )
