"""Running one command line: the commands, and the one error handler at the boundary.

A user's mistake is a CollabError: one line on stderr and its exit code. So is what the
environment refuses (a file system error, no timezone database): exit 2. A reader that
stops reading (`collab overdue | head -1`) ends the command quietly with exit 141, as a
tool killed by SIGPIPE reports. Anything else is a bug in collab: one line saying so and
where the traceback went (exit 70), never a bare traceback; `COLLAB_DEBUG=1` prints the
traceback too.
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
from collabkit.cli.plain import EXIT_PIPE, tolerate_any_encoding
from collabkit.errors import EXIT_BUG, EXIT_USAGE, CollabError

CRASH_LOG = "last-error.log"


@functools.cache
def click_command() -> typer.core.TyperGroup:
    """The click command of the app, built once per process (typer reads the signature of
    every command each time it builds it, which a run need not pay twice)."""
    return typer.main.get_command(app)  # type: ignore[return-value]


def run(args: list[str], *, quick: bool = True) -> int:
    """Run one command line; user errors → one line on stderr and their exit code.

    typer's own usage errors (exit 2) are shown as typer shows them; an aborted prompt is
    said in the workspace language; everything collab raises is caught here, so no user
    mistake ever shows a traceback.
    """
    if quick:  # `overdue` / `due --format json` from the cache, when nothing changed
        from collabkit.cli.quick import answer

        code = answer(args)
        if code is not None:
            return code
    # A help screen gets a command of its own: its texts may be put into another language.
    asks_help = bool({"-h", "--help"} & set(args))
    command = typer.main.get_command(app) if asks_help else click_command()
    localize_help(command, args)
    set_language("zh")  # until a workspace is open
    garbled = next((arg for arg in args if not _is_text(arg)), None)
    if garbled is not None:  # bytes the locale could not decode: nothing to write into YAML
        from collabkit.i18n import text

        shown = garbled.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return _say(text("arg.not_text", language(), arg=shown), EXIT_USAGE)
    try:
        result = command.main(args=args, prog_name="collab", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # typer turned it into exit 1
            return EXIT_PIPE
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except typer.Abort:  # Ctrl-C or end of input at a prompt: said in the team's language
        from collabkit.i18n import text

        if sys.stdin.isatty():  # the prompt left the cursor after its question
            print(file=sys.stderr)
        print(f"collab: {text('aborted', language())}", file=sys.stderr)
        return 1
    except CollabError as exc:
        return _say(visible(exc.text(language())), exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_PIPE
    except Exception as exc:
        if _is_usage_error(exc):  # typer's own: a bad option, a missing argument
            exc.show()  # type: ignore[attr-defined]
            return int(exc.exit_code)  # type: ignore[attr-defined]
        return _environment_error(exc, args)  # the machine refused, else a bug


def _is_usage_error(exc: Exception) -> bool:
    """A click exception (typer's usage errors), whichever click typer carries."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return "ClickException" in names and callable(getattr(exc, "show", None))


def _is_text(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _say(line: str, code: int) -> int:
    """Print one line of error on stderr (if there still is one) and return `code`."""
    with contextlib.suppress(OSError, ValueError):
        print(f"collab: {line}", file=sys.stderr)
    return code


def _environment_error(exc: Exception, args: list[str]) -> int:
    """What the machine refused, in one line and exit 2; anything else is a bug (exit 70)."""
    from zoneinfo import ZoneInfoNotFoundError

    from collabkit.i18n import text

    if isinstance(exc, ZoneInfoNotFoundError):
        return _say(text("tz.missing", language()), EXIT_USAGE)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else "collab"
        reason = exc.strerror or str(exc)
        return _say(text("os.failed", language(), path=where, reason=reason), EXIT_USAGE)
    report_bug(exc, args)  # a bug: say so, with what to report, never a bare traceback
    return EXIT_BUG


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
    """Keep the traceback in the workspace's cache folder (else the temp folder).

    Written atomically under its own name, so a symlink planted where the log goes (a
    committed `.collab-cache/last-error.log -> ~/.bashrc`, or one in a shared /tmp) is
    replaced, never followed; a cache folder that leads out of the workspace is not used.
    """
    import tempfile

    from collabkit.io.atomic import write_atomic
    from collabkit.io.paths import inside

    start = Path(args[args.index("-C") + 1]) if "-C" in args[:-1] else Path.cwd()
    with contextlib.suppress(OSError, RuntimeError):
        start = start.resolve()
    found = [folder for folder in (start, *start.parents) if (folder / "collab.yaml").is_file()]
    places: list[tuple[Path, str, Path | None]] = [
        (w / ".collab-cache", CRASH_LOG, w) for w in found[:1]
    ]
    places.append((Path(tempfile.gettempdir()), "collab-" + CRASH_LOG, None))
    for folder, name, root in places:
        try:
            folder.mkdir(exist_ok=True)
            if root is not None and (folder.is_symlink() or not inside(root, folder)):
                continue
            write_atomic(folder / name, text.encode("utf-8"))
            return folder / name
        except (OSError, CollabError):
            continue
    return None


def main(*, quick: bool = True) -> None:
    """Console-script entry point (`quick=False`: the fast path was tried already)."""
    from collabkit.bulk import freeze_after_bulk

    freeze_after_bulk()  # one short run: records loaded in bulk need no collecting
    tolerate_any_encoding()
    code = run(sys.argv[1:], quick=quick)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `collab overdue | head`: the reader left
        code = EXIT_PIPE
    if code == EXIT_PIPE:  # what is still buffered goes nowhere, not into a second error
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
