"""The typer application and its global options (`-C DIR`, `--version`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from collabkit import __version__
from collabkit.cli.group import CollabGroup

app = typer.Typer(
    name="collab",
    cls=CollabGroup,  # the command list in sections; usage errors in the workspace language
    help="Coordination records as YAML: deadlines, overdue lists and lint, from the handbook.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(ctx: typer.Context, value: bool) -> None:
    """`collab --version`: collab's version, and the calendar data's (which years it has),
    in the language of the workspace the command line runs in."""
    if not value:
        return
    from importlib.metadata import version

    from collabkit.cli.group import ARGS
    from collabkit.cli.helptexts import workspace_language
    from collabkit.i18n import text
    from collabkit.timing.schedule import official_years

    years = official_years("CN")
    last = years[-1] if years else "-"
    language = workspace_language(ctx.meta.get(ARGS, []))
    print(f"collab {__version__}")
    print(text("version.holidays", language, version=version("holidays"), last=last))
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
    """When `collab ARGS` shows a help screen, put it (and every screen of `command`, the
    click group typer built) into the language of the workspace ARGS run in: the commands'
    and options' texts from the catalogue (`collabkit.i18n.help`), and click's own words."""
    from collabkit.cli.helptexts import localize, shows_help, workspace_language

    if shows_help(command, args):
        localize(command, workspace_language(args))
