"""Running one command line: the commands, and the one error handler at the boundary.

A user's mistake is a CollabError: one line on stderr and its exit code. Anything else is a
bug in collab: one line saying so and where the traceback went (exit 70), never a bare
traceback; `COLLAB_DEBUG=1` prints the traceback too.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import traceback
from pathlib import Path

import typer

from collabkit.cli import (  # noqa: F401 - each module registers its commands on `app`
    authoring,
    calendar,
    deadlines,
    export,
    fields,
    items,
    lifecycle,
    records,
    render,
    schema,
    trail,
)
from collabkit.cli.app import app, localize_help
from collabkit.cli.common import language, set_language, visible
from collabkit.errors import EXIT_BUG, CollabError

CRASH_LOG = "last-error.log"


@functools.cache
def click_command() -> typer.core.TyperGroup:
    """The click command of the app, built once per process (typer reads the signature of
    every command each time it builds it, which a run need not pay twice)."""
    return typer.main.get_command(app)  # type: ignore[return-value]


def run(args: list[str]) -> int:
    """Run one command line; user errors → one line on stderr and their exit code.

    typer's own usage errors (exit 2) are shown as typer shows them; an aborted prompt is
    said in the workspace language; everything collab raises is caught here, so no user
    mistake ever shows a traceback.
    """
    # A help screen gets a command of its own: its texts may be put into another language.
    asks_help = bool({"-h", "--help"} & set(args))
    command = typer.main.get_command(app) if asks_help else click_command()
    localize_help(command, args)
    set_language("zh")  # until a workspace is open
    try:
        result = command.main(args=args, prog_name="collab", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except typer.Abort:  # Ctrl-C or end of input at a prompt: said in the team's language
        from collabkit.i18n import text

        if sys.stdin.isatty():  # the prompt left the cursor after its question
            print(file=sys.stderr)
        print(f"collab: {text('aborted', language())}", file=sys.stderr)
        return 1
    except CollabError as exc:
        print(f"collab: {visible(exc.text(language()))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if _is_usage_error(exc):  # typer's own: a bad option, a missing argument
            exc.show()  # type: ignore[attr-defined]
            return int(exc.exit_code)  # type: ignore[attr-defined]
        report_bug(exc, args)  # a bug: say so, with what to report, never a bare traceback
        return EXIT_BUG


def _is_usage_error(exc: Exception) -> bool:
    """A click exception (typer's usage errors), whichever click typer carries."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return "ClickException" in names and callable(getattr(exc, "show", None))


def report_bug(exc: BaseException, args: list[str]) -> None:
    """One line about a bug in collab, and the traceback kept where the line says."""
    details = "".join(traceback.format_exception(exc))
    log = _write_crash_log(f"collab {' '.join(args)}\n\n{details}", args)
    where = f"; the traceback is in {log}" if log else ""
    print(
        f"collab: internal error ({type(exc).__name__}: {exc}); this is a bug, please report "
        f"it with the command you ran{where} (COLLAB_DEBUG=1 shows it here)",
        file=sys.stderr,
    )
    if os.environ.get("COLLAB_DEBUG"):
        print(details, file=sys.stderr, end="")


def _write_crash_log(text: str, args: list[str]) -> Path | None:
    """Keep the traceback in the workspace's cache folder (else the temp folder)."""
    import tempfile

    start = Path(args[args.index("-C") + 1]) if "-C" in args[:-1] else Path.cwd()
    workspaces = [
        folder / ".collab-cache"
        for folder in (start.resolve(), *start.resolve().parents)
        if (folder / "collab.yaml").is_file()
    ]
    folders = [*workspaces[:1], Path(tempfile.gettempdir())]
    for folder in folders:
        try:
            folder.mkdir(exist_ok=True)
            path = folder / (CRASH_LOG if folder.name == ".collab-cache" else "collab-" + CRASH_LOG)
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def main() -> None:
    """Console-script entry point."""
    from collabkit.bulk import freeze_after_bulk

    freeze_after_bulk()  # one short run: records loaded in bulk need no collecting
    code = run(sys.argv[1:])
    with contextlib.suppress(BrokenPipeError):  # `collab overdue | head`: the reader left
        sys.stdout.flush()
    sys.exit(code)
