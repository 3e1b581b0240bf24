"""The `collab` command: a thin typer layer over the library.

Each command parses its options, calls one library function and turns the result into
output and an exit code. Heavy imports happen inside the commands so that `collab --help`
stays instant, and `overdue` / `due --format json` are first tried on the fast path
(`quick`), which imports none of them. May import anything of collab; nothing imports it.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point: the fast path, else the full command."""
    import gc

    from collabkit.cli.quick import answer

    gc.disable()  # a quick answer builds many objects and drops none in cycles
    code = answer(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    gc.enable()
    from collabkit.cli.main import main as full

    full(quick=False)


def run(args: list[str]) -> int:
    """Run one command line in this process; its exit code."""
    from collabkit.cli.main import run as full

    return full(args)


__all__ = ["main", "run"]
