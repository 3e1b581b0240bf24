"""Which texts a help screen shows, in which language.

Each command's help and each of its options' comes from the catalogue (`collabkit.i18n.help`
and its siblings): `help.<path>` for a command (`help.app` for collab itself, `help.overdue`,
`help.export.ics`), `help.<path>.<option>` for an option, else the shared
`help.shared.<option>`. The language is the workspace's (`language:` in the collab.yaml the
command would find); outside a workspace it is Chinese, the default of SPEC §1: a team in
the default setup reads its help in the language its records are in before any collab.yaml
exists (`collab init --help` included).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from collabkit.i18n import catalogue, text

DEFAULT_LANGUAGE = "zh"
GLOBAL_OPTIONS_WITH_VALUE = {"-C"}


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path, command) of `command` and of every command below it, in the order they were
    added (`()` is collab itself, `("export", "ics")` a command of a group)."""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, (*path, name))


def command_key(path: tuple[str, ...]) -> str:
    """The catalogue key of a command's help: `help.app`, `help.due`, `help.export.ics`."""
    return ".".join(("help", *(path or ("app",))))


def option_keys(path: tuple[str, ...], name: str) -> tuple[str, str]:
    """The keys an option's help may have: its own, then the shared one."""
    return f"{command_key(path)}.{name}", f"help.shared.{name}"


def option_key(path: tuple[str, ...], name: str) -> str | None:
    """The catalogue key of an option's (or argument's) help, or None when it has none."""
    known = catalogue()
    return next((key for key in option_keys(path, name) if key in known), None)


def localize(command: Any, language: str) -> None:
    """Put the help screens of `command` and everything below it into `language`: every
    text that has a key, and click's own words (through a context whose formatter speaks
    the language). Idempotent: a command shown in zh once can be shown in en again."""
    from collabkit.cli.helpscreen import context_for

    known = catalogue()
    context = context_for(language)
    for path, sub in walk(command):
        sub.context_class = context
        key = command_key(path)
        if key in known:
            sub.help = text(key, language)
            sub.short_help = None
        for param in sub.params:
            found = option_key(path, str(param.name))
            if found is not None:
                param.help = text(found, language)


def shows_help(command: Any, args: list[str]) -> bool:
    """Whether `collab ARGS` shows a help screen: `-h`/`--help`, no arguments at all, or a
    group (`collab export`) with nothing after it."""
    if not args or {"-h", "--help"} & set(args):
        return True
    words = _words(args)
    groups = {name for name, sub in command.commands.items() if hasattr(sub, "commands")}
    return len(words) == 1 and words[0] in groups and args[-1] == words[0]


def _words(args: list[str]) -> list[str]:
    """The arguments that are not options (nor the value of a global option)."""
    words: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in GLOBAL_OPTIONS_WITH_VALUE and not words:
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
    return words


def workspace_language(args: list[str]) -> str:
    """The `language:` of the collab.yaml a command would find (zh when there is none), by a
    quick scan: no YAML parser for a help screen."""
    start = Path(args[args.index("-C") + 1]) if "-C" in args[:-1] else Path.cwd()
    try:
        for folder in (start.resolve(), *start.resolve().parents):
            config = folder / "collab.yaml"
            if config.is_file():
                found = re.search(
                    r"^language:\s*[\"']?(zh|en)\b", config.read_text("utf-8"), re.MULTILINE
                )
                return found[1] if found else DEFAULT_LANGUAGE
    except (OSError, UnicodeDecodeError):
        pass
    return DEFAULT_LANGUAGE
