"""The `collab` command: a thin typer layer over the library.

Each command parses its options, calls one library function and turns the result into
output and an exit code. Heavy imports happen inside the commands so that `collab --help`
stays instant. May import anything of collab; nothing imports it.
"""

from __future__ import annotations

from collabkit.cli.main import main, run

__all__ = ["main", "run"]
