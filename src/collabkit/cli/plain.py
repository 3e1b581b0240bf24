"""Text a record holds, made safe to print; JSON on stdout (`io.jsonout`). The standard
library only: the fast path (`cli.quick`) prints with these too."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from collabkit.io.jsonout import dumps

EXIT_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `yes | head -1`

if TYPE_CHECKING:
    from collabkit.findings import Finding

# What must never reach a terminal from a record: C0 controls but tab and newline, DEL, C1
# controls, and the bidi controls that reorder what is shown (Trojan Source).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


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
    sys.stdout.write(dumps(data, flat=flat))
    sys.stdout.write("\n")


SKIPPED_SHOWN = 10  # more than this many unreadable files: the first ones, then a count


def warn_skipped(skipped: Sequence[Finding], language: str) -> None:
    """Name on stderr the record files a command skipped because they cannot be read (the
    first SKIPPED_SHOWN of them: lint lists every one)."""
    if not skipped:
        return
    from collabkit.i18n import text

    lines = [text("skipped.files", language, n=len(skipped))]
    lines += [visible(f"  {f.file}:{f.line}: {f.message}") for f in skipped[:SKIPPED_SHOWN]]
    if len(skipped) > SKIPPED_SHOWN:
        lines.append(text("skipped.more", language, n=len(skipped) - SKIPPED_SHOWN))
    print("\n".join(lines), file=sys.stderr)


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
