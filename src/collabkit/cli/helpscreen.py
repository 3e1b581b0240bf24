"""The help screen in a language: click's own words ("Usage:", "Options", "Show this message
and exit.", "[default: …]") from the catalogue, and lines wrapped by what they take on a
terminal, where a Chinese character is two columns wide.

click wraps by characters, so a Chinese help line came out up to twice the terminal's
width. Text without a wide character is left to click (its output stays byte for byte what
it was); text with one is wrapped here, breaking between any two Chinese characters but
never before closing punctuation (`,。、)`) nor after opening punctuation. The width of a
character is the Unicode East Asian Width (stdlib `unicodedata`: no import cost on a help
screen, which must feel instant).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import typer

from collabkit.i18n import text

if TYPE_CHECKING:
    from typer._click.formatting import HelpFormatter
else:  # click's, whichever click typer carries
    HelpFormatter = typer.Context.formatter_class

# No line starts with closing punctuation nor ends with opening punctuation (full-width
# forms written as escapes: \uff08 is the full-width "(").
NO_LINE_START = set(",.;:!?)]}、。〉》」』】”’…%\uff09\uff0c\uff1a\uff1b\uff01\uff1f")
NO_LINE_END = set("([{〈《「『【“‘\uff08")
PAUSES = (",", "、", ";", ":", "(", " ", "\uff0c", "\uff1b", "\uff1a", "\uff08")  # a cut may end
HEADINGS = {
    "Options": "usage.options",
    "Arguments": "usage.arguments",
    "Commands": "usage.commands",
}
PHRASES = {"Show this message and exit.": "usage.help_option"}
# typer's "  [default: 7d; required]" after an option's help
EXTRA = re.compile(r"(?s)^(?P<help>.*?)(?P<gap>  |^)\[(?P<extra>[^\[\]]*)\]$")


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def has_wide(value: str) -> bool:
    return any(is_wide(char) for char in value)


def cells(value: str) -> int:
    """The columns `value` takes on a terminal."""
    return sum(2 if is_wide(char) else 1 for char in value)


def wrap_cells(value: str, width: int) -> list[str]:
    """`value` as lines of at most `width` columns (whitespace folded to one space, but for
    the two spaces before typer's `[default: …]`)."""
    lines: list[str] = []
    line, used = "", 0
    for atom, gap in _atoms(value.strip()):
        gap = gap if line else ""
        if line and used + len(gap) + cells(atom) > width:
            lines.append(line)
            line, used, gap = "", 0, ""
        line, used = line + gap + atom, used + len(gap) + cells(atom)
        while used > width and cells(line) > 1:  # one word wider than a line: cut it
            head = _head(line, width)
            lines.append(head)
            line = line[len(head) :]
            used = cells(line)
    return [*lines, line] if line else lines


def _atoms(value: str) -> Iterable[tuple[str, str]]:
    """The pieces a line may break between: words, and each wide character with the
    punctuation that sticks to it; each with the space before it."""
    for gap, run in re.findall(r"(\s*)(\S+)", value):
        gap = "  " if gap == "  " else " " if gap else ""
        atom = ""
        for char in run:
            if atom and (is_wide(char) or is_wide(atom[-1])) and _may_break(atom[-1], char):
                yield atom, gap
                atom, gap = "", ""
            atom += char
        yield atom, gap


def _may_break(before: str, after: str) -> bool:
    return after not in NO_LINE_START and before not in NO_LINE_END


def _head(value: str, width: int) -> str:
    """The longest start of `value` that fits in `width` columns (at least one character)."""
    used = 0
    for index, char in enumerate(value):
        used += cells(char)
        if used > width:
            return value[: max(index, 1)]
    return value


def shorten(value: str, width: int) -> str:
    """The first sentence of `value`, cut to `width` columns with "..." when longer (click's
    short help, by columns)."""
    folded = " ".join(value.split())
    first = re.split(r"(?<=。)|(?<=\.) ", folded, maxsplit=1)[0].strip()
    if cells(first) <= width:
        return first
    head = _head(first, max(width - 3, 1))
    pause = max(head.rfind(mark) for mark in PAUSES)  # end at a pause when one is near
    if pause > 0 and cells(head[:pause]) >= cells(head) * 2 // 3:
        head = head[:pause]
    return head.rstrip("".join(PAUSES)) + "..."


def short_help(command: Any, width: int) -> str:
    """A command's line in a command list: click's own short help, by columns where the
    text has wide characters."""
    own = command.short_help or command.help or ""
    return shorten(own, width) if has_wide(own) else str(command.get_short_help_str(width))


class HelpScreen(HelpFormatter):
    """click's help formatter, speaking `language` and wrapping by columns."""

    language = "en"

    def say(self, key: str, /, **values: Any) -> str:
        return text(key, self.language, **values)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", self.say("usage.options_metavar"))
        args = args.replace("COMMAND [ARGS]...", self.say("usage.commands_metavar"))
        prefix = self.say("usage.prefix") if prefix is None else prefix
        lead = f"{prefix:>{self.current_indent}}{prog} "
        if not has_wide(lead + args):
            super().write_usage(prog, args, prefix)
            return
        room = max(self.width - self.current_indent - cells(lead), 20)
        lines = wrap_cells(args, room) or [""]
        self.write(lead + f"\n{' ' * cells(lead)}".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        key = HEADINGS.get(heading)
        super().write_heading(self.say(key) if key else heading)

    def write_text(self, value: str) -> None:
        if not has_wide(value):
            super().write_text(value)
            return
        indent = " " * self.current_indent
        paragraphs = [p for p in re.split(r"\n\s*\n", value) if p.strip()]
        room = max(self.width - self.current_indent, 10)
        blocks = ["\n".join(indent + line for line in wrap_cells(p, room)) for p in paragraphs]
        self.write("\n\n".join(blocks) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(first, self.phrase(second)) for first, second in rows]
        if not any(has_wide(second) for _, second in rows):
            super().write_dl(rows, col_max, col_spacing)
            return
        first_width = min(max(cells(first) for first, _ in rows), col_max) + col_spacing
        room = max(self.width - first_width - 2, 10)
        hanging = " " * (self.current_indent + first_width)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if cells(first) <= first_width - col_spacing:
                self.write(" " * (first_width - cells(first)))
            else:
                self.write("\n" + hanging)
            self.write(f"\n{hanging}".join(wrap_cells(second, room) or [""]) + "\n")

    def phrase(self, value: str) -> str:
        """An option's help with click's own words in the language: the help option's text,
        and the `[default: …; required]` typer adds."""
        if value in PHRASES:
            return self.say(PHRASES[value])
        found = EXTRA.match(value)
        if not found:
            return value
        parts = [self._extra(part) for part in found["extra"].split("; ")]
        return f"{found['help']}{found['gap']}[{'; '.join(parts)}]"

    def _extra(self, part: str) -> str:
        if part == "required":
            return self.say("usage.required")
        for word, key, name in (
            ("default: ", "usage.default", "value"),
            ("env var: ", "usage.env_var", "var"),
        ):
            if part.startswith(word):
                return self.say(key, **{name: part.removeprefix(word)})
        return part


@functools.cache
def formatter_for(language: str) -> type[HelpScreen]:
    """The help formatter that speaks `language`."""
    return type(f"HelpScreen_{language}", (HelpScreen,), {"language": language})


@functools.cache
def context_for(language: str) -> type[typer.Context]:
    """A click context whose help screens speak `language`."""
    attributes = {"formatter_class": formatter_for(language)}
    return type(f"Context_{language}", (typer.Context,), attributes)
