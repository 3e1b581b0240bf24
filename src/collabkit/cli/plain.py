"""Text a record holds, made safe to print; JSON on stdout. The standard library only: the
fast path (`cli.quick`) prints with these too."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

EXIT_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `yes | head -1`

if TYPE_CHECKING:
    from collabkit.findings import Finding

# What must never reach a terminal from a record: C0 controls but tab and newline, DEL, C1
# controls, and the bidi controls that reorder what is shown (Trojan Source).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data: Any, *, flat: bool = False) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, the same text; a list of flat
    objects (what `overdue` and `lint` print, thousands of items) by the C encoder.
    `flat`: the caller knows the items are flat objects (no need to look)."""
    if not isinstance(data, list) or not (flat or all(_is_flat(item) for item in data)):
        return json.dumps(data, ensure_ascii=False, indent=2)
    if not data:
        return "[]"
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",\n    ", ": ")).encode
    items = ",\n".join(f"  {{\n    {encode(item)[1:-1]}\n  }}" for item in data)
    return f"[\n{items}\n]"


def _is_flat(item: Any) -> bool:
    """A non-empty object of strings, numbers, booleans and nulls (no nested newlines)."""
    return (
        type(item) is dict
        and bool(item)
        and all(type(k) is str for k in item)
        and all(type(v) in _SCALARS for v in item.values())
    )


_SCALARS = frozenset({str, int, bool, type(None)})


def visible(text: str) -> str:
    """`text` with every control character shown as an escape (`\\x1b`, `\\u202e`), so that
    nothing a record holds can move the cursor, clear the screen, open a hyperlink or
    reorder what is shown. Tabs and newlines stay."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def print_json(data: Any, *, flat: bool = False) -> None:
    """JSON on stdout; control characters that JSON may carry raw are escaped too."""
    text = dumps(data, flat=flat)
    sys.stdout.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text))
    sys.stdout.write("\n")


def warn_skipped(skipped: Sequence[Finding], language: str) -> None:
    """Name on stderr the record files a command skipped because they cannot be read."""
    if not skipped:
        return
    from collabkit.i18n import text

    print(text("skipped.files", language, n=len(skipped)), file=sys.stderr)
    for finding in skipped:
        print(visible(f"  {finding.file}:{finding.line}: {finding.message}"), file=sys.stderr)


def tolerate_any_encoding() -> None:
    """Output never fails on a terminal or pipe that is not UTF-8 (`LANG=C` without
    Python's UTF-8 mode, a Windows code page): what it cannot show is written as `\\u5f20`."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def is_terminal() -> bool:
    return sys.stdout.isatty()


def console(stderr: bool = False) -> Any:
    """A rich console for terminals that never reads markup or highlights; plain text (no
    colour, no wrapping) when piped. Print only `rich.text.Text` or `visible()` text to it."""
    from rich.console import Console

    return Console(
        highlight=False, markup=False, emoji=False, stderr=stderr, soft_wrap=not is_terminal()
    )
