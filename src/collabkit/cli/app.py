"""The typer application and its global options (`-C DIR`, `--version`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from collabkit import __version__

app = typer.Typer(
    name="collab",
    help="Coordination records as YAML: deadlines, overdue lists and lint, from the handbook.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    """`collab --version`: collab's version, and the calendar data's (which years it has)."""
    if not value:
        return
    from importlib.metadata import version

    from collabkit.i18n import text
    from collabkit.timing.schedule import official_years

    years = official_years("CN")
    last = years[-1] if years else "-"
    print(f"collab {__version__}")
    print(text("version.holidays", "zh", version=version("holidays"), last=last))
    raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Option(
            "-C",
            help="Run as if started in DIR (the workspace is searched from there).",
            metavar="DIR",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version, and the calendar data's.",
        ),
    ] = False,
) -> None:
    ctx.obj = {"start": directory or Path.cwd()}


def start_dir(ctx: typer.Context) -> Path:
    obj: dict[str, Any] = ctx.find_root().obj or {}
    start: Path = obj.get("start", Path.cwd())
    return start


def localize_help(command: Any, args: list[str]) -> None:
    """Put the help of `command` (the click group typer built) into the language of the
    workspace `args` would run in, when they ask for help: texts that have a catalogue key
    (`collabkit.i18n.help`) are replaced, the rest stay as written."""
    if args and not {"-h", "--help"} & set(args):
        return
    language = _workspace_language(args)
    if language == "en":
        return  # the texts as written are the English ones
    from collabkit.i18n import catalogue, text

    def put(target: Any, key: str, attribute: str = "help") -> None:
        if key in catalogue():
            setattr(target, attribute, text(key, language))
            if attribute == "help" and hasattr(target, "short_help"):
                target.short_help = None

    put(command, "help.app")
    for param in command.params:
        put(param, f"help.app.{param.name}")
    for name, sub in command.commands.items():
        put(sub, f"help.{name}")
        for param in sub.params:
            put(param, f"help.{name}.{param.name}")


def _workspace_language(args: list[str]) -> str:
    """The `language:` of the collab.yaml a command would find (zh when there is none), by a
    quick scan: no YAML parser for a help screen."""
    import re

    start = Path(args[args.index("-C") + 1]) if "-C" in args[:-1] else Path.cwd()
    try:
        for folder in (start.resolve(), *start.resolve().parents):
            config = folder / "collab.yaml"
            if config.is_file():
                found = re.search(
                    r"^language:\s*[\"']?(zh|en)\b", config.read_text("utf-8"), re.MULTILINE
                )
                return found[1] if found else "zh"
    except (OSError, UnicodeDecodeError):
        pass
    return "zh"
