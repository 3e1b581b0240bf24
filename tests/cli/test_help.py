"""Help in the workspace language where typer allows: the catalogue's texts of a command
replace its own in a zh workspace; the English ones are the commands' own, word for word."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from collabkit.cli.main import app
from collabkit.i18n import catalogue, text
from tests.helpers import MINIMAL_CONFIG


def test_every_help_text_in_the_catalogue_is_the_commands_own_in_english() -> None:
    command = typer.main.get_command(app)
    found = {"help.app": command.help}
    found |= {f"help.app.{p.name}": getattr(p, "help", None) for p in command.params}
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        found[f"help.{name}"] = sub.help
        found |= {f"help.{name}.{p.name}": getattr(p, "help", None) for p in sub.params}
    keys = [key for key in catalogue() if key.startswith("help.")]
    assert keys
    for key in keys:
        assert key in found, f"{key} names no command or option"
        assert text(key, "en") == found[key], key


def test_help_is_said_in_the_workspace_language(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    zh = invoke("-C", ws, "overdue", "--help")
    assert zh.code == 0
    assert "所有已过截止时间且未完成的事项,逾期最久的在前。" in zh.out
    assert "有逾期事项时以 1 退出" in zh.out
    top = invoke("-C", ws, "--help").out
    lint_line = r"^  lint +检查记录: 结构、编号、人员、行动项、时限规则\(SPEC §8\)。$"
    assert re.search(lint_line, top, re.M), top
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    en = invoke("-C", ws, "overdue", "--help")
    assert "Every obligation whose deadline has passed and is not met, most overdue first." in (
        " ".join(en.out.split()))
    # the texts of a run are the workspace's own: a later help in zh is in zh again
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    assert "有逾期事项时以 1 退出" in invoke("-C", ws, "overdue", "--help").out
