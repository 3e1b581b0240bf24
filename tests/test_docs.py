"""Docs kept honest: the generated references are current, every command has help, and
every `collab …` command of the README's bash examples runs."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from collabkit.cli.reference import DOCS, command_contexts, commands_markdown, stale
from tests.helpers import EXAMPLES, ROOT


def test_the_generated_references_are_current() -> None:
    assert stale(ROOT / "docs") == [], "run: python -m collabkit.cli.reference"


def test_the_generator_checks_what_it_writes(tmp_path: Path) -> None:
    assert stale(tmp_path) == sorted(DOCS)
    for name, make in DOCS.items():
        (tmp_path / name).write_text(make(), encoding="utf-8")
    assert stale(tmp_path) == []
    (tmp_path / "commands.md").write_text(commands_markdown() + "edited\n", encoding="utf-8")
    assert stale(tmp_path) == ["commands.md"]


def test_every_command_has_help() -> None:
    contexts = list(command_contexts())
    assert len(contexts) > 10
    assert [ctx.command_path for ctx in contexts if not ctx.command.help] == []


def readme_commands() -> list[str]:
    """The `collab …` commands of the README's ```bash blocks (also after `&&`), in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            code = line.split("  #")[0].strip()
            parts = [part.strip() for part in code.split("&&")]
            commands += [part for part in parts if part.startswith("collab ")]
    return commands


def test_the_readme_has_collab_examples() -> None:
    first = "collab -C examples/handbook overdue --now 2024-10-14T09:00:00+08:00"
    assert first in readme_commands()


def test_every_readme_example_runs(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """In a copy of the project's examples, one after another as a reader would type them."""
    shutil.copytree(EXAMPLES, tmp_path / "examples" / EXAMPLES.name)
    monkeypatch.chdir(tmp_path)
    for command in readme_commands():
        result = invoke(*shlex.split(command)[1:])
        assert result.code in (0, 1), (command, result)
        assert "internal error" not in result.err and "Traceback" not in result.err, command
