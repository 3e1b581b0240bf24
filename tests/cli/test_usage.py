"""click's usage errors in the workspace language, shown as click shows them (usage line,
hint, error; exit 2), with what pydantic would have said put in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CONFIG

ZH = [
    (
        ["overdue", "--ownr", "x"],
        "用法: collab overdue [选项]\n运行 'collab overdue -h' 查看帮助。\n\n"
        "错误: 没有这个选项: --ownr(可能是: --now、--owner)\n",
    ),
    (
        ["show"],
        "用法: collab show [选项] {ID}\n运行 'collab show -h' 查看帮助。\n\n"
        "错误: 缺少参数 'ID'。\n",
    ),
    (
        ["sign", "RW-2024-001"],
        "用法: collab sign [选项] {ID}\n运行 'collab sign -h' 查看帮助。\n\n"
        "错误: 缺少选项 '--role'。\n",
    ),
    (
        ["progress", "XT-2024-001", "进展", "--percent", "200"],
        "用法: collab progress [选项] {ID} {NOTE}\n运行 'collab progress --help' 查看帮助。\n\n"
        "错误: '--percent' 的值无效: 200 超出范围,须在 0 到 100 之间\n",
    ),
    (
        ["progress", "XT-2024-001", "进展", "--percent", "多半"],
        "用法: collab progress [选项] {ID} {NOTE}\n运行 'collab progress --help' 查看帮助。\n\n"
        "错误: '--percent' 的值无效: '多半' 不是整数\n",
    ),
    (
        ["overdue", "--format", "jsn"],
        "用法: collab overdue [选项]\n运行 'collab overdue -h' 查看帮助。\n\n"
        "错误: '--format' 的值无效: 'jsn' 不是可选的值: table、json(是不是 'json'?)\n",
    ),
    (["overdue", "--owner"], "错误: 选项 '--owner' 需要一个值。\n"),
    (
        ["overdue", "多余"],
        "用法: collab overdue [选项]\n运行 'collab overdue -h' 查看帮助。\n\n"
        "错误: 多余的参数: 多余\n",
    ),
    (
        ["ovrdue"],
        "用法: collab [选项] 命令 [参数]...\n运行 'collab -h' 查看帮助。\n\n"
        "错误: 没有这个命令: 'ovrdue'。是否想用 'overdue'、'due'?\n",
    ),
    (
        ["export", "xlsx"],
        "用法: collab export [选项] 命令 [参数]...\n运行 'collab export -h' 查看帮助。\n\n"
        "错误: 没有这个命令: 'xlsx'。\n",
    ),
]


@pytest.mark.parametrize(("args", "said"), ZH, ids=[" ".join(a) for a, _ in ZH])
def test_usage_errors_are_said_in_chinese(invoke, ws: Path, args: list[str], said: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, *args)
    assert (result.code, result.out, result.err) == (2, "", said)


def test_usage_errors_keep_clicks_english_in_an_english_workspace(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    (ws / "collab.yaml").write_text(
        MINIMAL_CONFIG.replace("language: zh", "language: en"), encoding="utf-8"
    )
    assert invoke("-C", ws, "overdue", "--ownr", "x").err == (
        "Usage: collab overdue [OPTIONS]\nTry 'collab overdue -h' for help.\n\n"
        "Error: No such option: --ownr (Possible options: --now, --owner)\n"
    )
    assert invoke("-C", ws, "show").err == (
        "Usage: collab show [OPTIONS] {ID}\nTry 'collab show -h' for help.\n\n"
        "Error: Missing argument 'ID'.\n"
    )
    # pydantic's words ("Input should be less than or equal to 100") never reach the team
    assert invoke("-C", ws, "progress", "XT-2024-001", "x", "--percent", "200").err == (
        "Usage: collab progress [OPTIONS] {ID} {NOTE}\nTry 'collab progress --help' for help."
        "\n\nError: Invalid value for '--percent': 200 is not between 0 and 100\n"
    )
    assert invoke("-C", ws, "lint", "--format", "xml").err.endswith(
        "Error: Invalid value for '--format': 'xml' is not one of text, json, github, gitlab\n"
    )
    assert invoke("-C", ws).err == (
        "Usage: collab [OPTIONS] COMMAND [ARGS]...\nTry 'collab -h' for help.\n\n"
        "Error: Missing command.\n"
    )


def test_a_value_said_back_cannot_control_the_terminal(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "progress", "XT-2024-001", "x", "--percent", "\x1b[2J\u202e")
    assert result.err.endswith("错误: '--percent' 的值无效: '\\x1b[2J\\u202e' 不是整数\n")


def test_outside_a_workspace_in_chinese(invoke, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "--lnag", "en").err == (
        "用法: collab init [选项] [directory]\n运行 'collab init -h' 查看帮助。\n\n"
        "错误: 没有这个选项: --lnag(可能是: --lang)\n"
    )
