"""Help in the workspace language: every command's and option's text from the catalogue
(the English ones the commands' own, word for word), click's own words, and the command list
of `collab --help` in sections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from collabkit.cli.group import OTHER, SECTIONS
from collabkit.cli.helpscreen import cells, has_wide
from collabkit.cli.helptexts import command_key, localize, option_key, option_keys, walk
from collabkit.cli.main import app
from collabkit.i18n import catalogue, text
from tests.helpers import MINIMAL_CONFIG

SCREENS = Path(__file__).parent / "screens"
WIDTH = 80  # the terminal of these tests; click leaves 2 columns free


def fold(value: str | None) -> str | None:
    """A help text as click shows it: a docstring's line breaks are spaces."""
    return None if value is None else " ".join(value.split())


def english(workspace: Path) -> None:
    config = MINIMAL_CONFIG.replace("language: zh", "language: en")
    (workspace / "collab.yaml").write_text(config, encoding="utf-8")


def missing_help(command: Any) -> list[str]:
    """Every command and option of `command`'s tree without a Chinese help text (as the key
    it would need)."""
    missing = []
    for path, sub in walk(command):
        key = command_key(path)
        if key not in catalogue() or not has_wide(text(key, "zh")):
            missing.append(key)
        for param in sub.params:
            found = option_key(path, str(param.name))
            if found is None or not has_wide(text(found, "zh")):
                missing.append(option_keys(path, str(param.name))[0])
    return missing


def test_every_command_and_option_has_chinese_help() -> None:
    assert missing_help(typer.main.get_command(app)) == []


def test_a_command_or_option_added_without_chinese_help_is_found() -> None:
    command: Any = typer.main.get_command(app)
    extra = typer.Typer(add_completion=False)

    @extra.command()
    def shout(loud: bool = typer.Option(False, "--loud", help="Louder.")) -> None:
        """Shout."""

    command.commands["shout"] = typer.main.get_command(extra)
    command.commands["due"].params.append(typer.core.TyperOption(
        param_decls=["--soon"], type_descriptor=command.commands["due"].params[0].type_descriptor
    ))
    assert missing_help(command) == ["help.due.soon", "help.shout", "help.shout.loud"]


def test_every_catalogue_help_text_is_a_commands_own_english_one() -> None:
    command = typer.main.get_command(app)
    own: dict[str, str | None] = {}  # key → the command's or option's own English
    shared_by: dict[str, list[str | None]] = {}
    for path, sub in walk(command):
        own[command_key(path)] = fold(sub.help)
        for param in sub.params:
            mine, shared = option_keys(path, str(param.name))
            if mine in catalogue():
                own[mine] = fold(getattr(param, "help", None))
            else:
                shared_by.setdefault(shared, []).append(fold(getattr(param, "help", None)))
    keys = [key for key in catalogue() if key.startswith("help.")]
    for key in keys:
        if key.startswith("help.shared."):
            assert key in shared_by, f"{key} is shared by no option"
            assert set(shared_by[key]) == {text(key, "en")}, key
        else:
            assert key in own, f"{key} names no command or option"
            assert text(key, "en") == own[key], key


def test_every_command_of_collab_is_in_one_section() -> None:
    listed = [name for _, names in SECTIONS for name in names]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert text(OTHER, "zh") == "其他"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_command_list_in_sections(invoke, ws: Path, monkeypatch, language: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    if language == "en":
        english(ws)
    result = invoke("-C", ws, "--help")
    assert result.code == 0, result
    assert result.out == (SCREENS / f"collab-help.{language}.txt").read_text(encoding="utf-8")


def test_a_command_screen_reads_entirely_in_chinese(invoke, ws: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    assert invoke("-C", ws, "resolve", "--help").out == (
        "用法: collab resolve [选项] {ID} [TEXT]\n"
        "\n"
        "  问题已解决(状态 resolved,resolved_at)。\n"
        "\n"
        "参数:\n"
        "  ID <str>    记录编号,或 ID/条目(HY-2024-003/A2)  [必填]\n"
        "  TEXT <str>  解决方案\n"
        "\n"
        "选项:\n"
        "  --at DATETIME   事情发生的时间,ISO 8601(默认: --now)\n"
        "  --now DATETIME  当前时间,ISO 8601(默认: 系统时钟)\n"
        "  -h, --help      显示此帮助并退出\n"
    )
    english(ws)
    assert invoke("-C", ws, "resolve", "--help").out == (
        "Usage: collab resolve [OPTIONS] {ID} [TEXT]\n"
        "\n"
        "  An issue is resolved (status resolved, resolved_at).\n"
        "\n"
        "Arguments:\n"
        "  ID <str>    A record id, or ID/ITEM (HY-2024-003/A2).  [required]\n"
        "  TEXT <str>  The solution.\n"
        "\n"
        "Options:\n"
        "  --at DATETIME   When it happened, ISO 8601 (default: --now).\n"
        "  --now DATETIME  The current time, ISO 8601 (default: the clock).\n"
        "  -h, --help      Show this message and exit.\n"
    )


def help_lines(language: str) -> list[tuple[str, str]]:
    """(command, one line of its help screen) for every command, as `collab CMD --help`
    shows it on an 80-column terminal in a workspace in `language`."""
    root: Any = typer.main.get_command(app)
    localize(root, language)
    found = []
    contexts = [root.make_context("collab", [], resilient_parsing=True, terminal_width=WIDTH - 2)]
    while contexts:
        ctx = contexts.pop()
        found += [(ctx.command_path, line) for line in ctx.get_help().splitlines()]
        for name, sub in getattr(ctx.command, "commands", {}).items():
            contexts.append(sub.make_context(name, [], parent=ctx, resilient_parsing=True))
    return found


def test_no_help_line_is_wider_than_the_terminal() -> None:
    """A Chinese character takes two columns: click's wrapping by characters made lines up
    to twice the terminal's width."""
    zh = help_lines("zh")
    assert len({command for command, _ in zh}) > 50
    assert [(c, line) for c, line in zh if cells(line) > WIDTH - 2] == []
    assert {c for c, line in zh if has_wide(line)} == {c for c, _ in zh}  # every one in zh
    en = help_lines("en")
    assert [(c, line) for c, line in en if cells(line) > WIDTH - 2] == []


def test_help_is_said_in_the_workspace_language(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    zh = invoke("-C", ws, "overdue", "--help")
    assert zh.code == 0
    assert "所有已过截止时间且未完成的事项,逾期最久的在前。" in zh.out
    assert "有逾期事项时以 1 退出" in zh.out
    english(ws)
    en = invoke("-C", ws, "overdue", "--help")
    assert "Every obligation whose deadline has passed and is not met, most overdue first." in (
        " ".join(en.out.split()))
    # the texts of a run are the workspace's own: a later help in zh is in zh again
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    assert "有逾期事项时以 1 退出" in invoke("-C", ws, "overdue", "--help").out


def test_a_group_without_its_command_shows_its_help_in_the_language(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """`collab export` alone is a help screen (on stderr, exit 2, as click does); the command
    it runs on is the one the process keeps, so a later run in English is English again."""
    zh = invoke("-C", ws, "export")
    assert zh.code == 2
    assert zh.err.startswith(
        "用法: collab export [选项] 命令 [参数]...\n\n  把记录交给其他工具。\n"
    )
    english(ws)
    en = invoke("-C", ws, "export")
    assert en.err.startswith(
        "Usage: collab export [OPTIONS] COMMAND [ARGS]...\n\n  Records out of collab, for other "
        "tools.\n"
    )
    assert "Every open deadline as an iCalendar feed" in en.err


def test_outside_a_workspace_help_is_in_chinese(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SPEC §1: Chinese is the default language, before any collab.yaml exists."""
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "--help")
    assert result.code == 0
    assert result.out.startswith(
        "用法: collab init [选项] [directory]\n\n"
        "  创建工作区: collab.yaml、records/、CI 工作流与编辑器设置。\n"
    )
