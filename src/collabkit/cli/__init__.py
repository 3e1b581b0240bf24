"""The `collab` command: typer wiring over the library, and the one error handler.

Each command parses its options, calls one library function and turns the result into
output and an exit code. Heavy imports happen inside the commands so that
`collab --help` stays instant.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from collabkit import __version__
from collabkit.errors import EXIT_BUG, CollabError

app = typer.Typer(
    name="collab",
    help="Coordination records as YAML: deadlines, overdue lists and lint, from the handbook.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"collab {__version__}")
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
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    ctx.obj = {"start": directory or Path.cwd()}


def start_dir(ctx: typer.Context) -> Path:
    obj: dict[str, Any] = ctx.find_root().obj or {}
    start: Path = obj.get("start", Path.cwd())
    return start


def run(args: list[str]) -> int:
    """Run one command line; user errors → one line on stderr and their exit code.

    typer handles its own usage errors (exit 2) in standalone mode; everything collab
    raises is caught here, so no user mistake ever shows a traceback.
    """
    command = typer.main.get_command(app)
    try:
        command.main(args=args, prog_name="collab", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except CollabError as exc:
        print(f"collab: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so, with what to report, never a bare traceback
        print(
            f"collab: internal error ({type(exc).__name__}: {exc}); this is a bug, "
            f"please report it with the command you ran",
            file=sys.stderr,
        )
        return EXIT_BUG
    return 0


def main() -> None:
    """Console-script entry point."""
    from collabkit.bulk import freeze_after_bulk

    freeze_after_bulk()  # one short run: records loaded in bulk need no collecting
    code = run(sys.argv[1:])
    with contextlib.suppress(BrokenPipeError):  # `collab overdue | head`: the reader left
        sys.stdout.flush()
    sys.exit(code)


# The commands register themselves on `app`; they import the library lazily.
from collabkit.cli import authoring, records, timing  # noqa: E402, F401
