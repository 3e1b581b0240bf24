"""What reaches a terminal (SPEC §11, §12; issue 21): record text is shown, never obeyed;
tables fit the terminal without cutting an id or a date; lint is coloured with a summary;
an aborted prompt is said in the team's language. Run on a real pseudo-terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from collabkit.cli.output import width
from tests.helpers import NOW, build_tree, run_collab, run_in_pty

SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colours rich itself writes, and nothing else

# A title with a hyperlink (OSC 8) and a clear-screen (CSI 2J), a task with rich markup and
# a right-to-left override: YAML escapes, as someone could write them in a record.
HOSTILE = r'''kind: meeting
id: HY-2024-001
title: "周会 \e]8;;http://x\e\\点我\e]8;;\e\\ \e[2J"
objective: 同步
status: held
host: 张伟
recorder: 李娜
location: 301
attendees: [张伟]
start: 2024-10-10 10:00
end: 2024-10-10 11:00
agenda_sent_at: 2024-10-01 10:00
actions:
  - id: A1
    task: "[bold red]完成[/] [link=http://evil.example]点我[/link] \u202eabc"
    owner: 王芳
    due: 2024-10-11
    deliverable: "周报\x9b2J"
'''
SHOWN_TITLE = r"周会 \x1b]8;;http://x\x1b\点我\x1b]8;;\x1b\ \x1b[2J"
SHOWN_TASK = r"[bold red]完成[/] [link=http://evil.example]点我[/link] \u202eabc"


def _no_control_left(text: str) -> None:
    """Nothing but rich's own colours: no escape, C1 control or bidi override of a record."""
    bare = SGR.sub("", text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", bare), bare


@pytest.fixture
def hostile(ws: Path) -> Path:
    return build_tree(ws, {"records/meetings/HY-2024-001.yaml": HOSTILE})


@pytest.mark.parametrize("command", [["overdue", "--now", NOW], ["show", "HY-2024-001",
                                     "--now", NOW], ["list"]], ids=" ".join)
def test_record_text_never_controls_a_terminal(hostile: Path, command: list[str]) -> None:
    screen = run_in_pty(*command, cwd=hostile, columns=400)
    assert screen.code == 0, screen
    _no_control_left(screen.text)
    bare = SGR.sub("", screen.text)
    assert SHOWN_TITLE in bare  # shown, escapes visible
    if command[0] != "list":
        assert SHOWN_TASK in bare  # rich markup printed as written: no style, no link
    assert "\x1b]8;" not in screen.text  # no hyperlink of any kind


def test_record_text_never_controls_a_terminal_when_piped(invoke, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    for command in (["overdue", "--now", NOW], ["show", "HY-2024-001", "--now", NOW],
                    ["list"]):
        result = invoke("-C", hostile, *command)
        assert result.code == 0, result
        _no_control_left(result.out)
        assert SHOWN_TITLE in result.out
    shown = invoke("-C", hostile, "show", "HY-2024-001", "--now", NOW).out
    assert r"输出物 (deliverable): 周报\x9b2J" in shown


def test_json_carries_record_text_escaped(invoke, hostile: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", hostile, "overdue", "--now", NOW, "--format", "json")
    _no_control_left(result.out)  # JSON escapes C0 itself; C1 and bidi controls are escaped too
    assert r'"what": "[bold red]完成[/] [link=http://evil.example]点我[/link] \u202eabc"' in (
        result.out)
    [action] = [i for i in json.loads(result.out) if i["rule"] == "action.due"]
    assert action["what"] == "[bold red]完成[/] [link=http://evil.example]点我[/link] \u202eabc"


def test_lint_messages_and_errors_show_record_text_visibly(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {
        "records/meetings/HY-2024-001.yaml": (
            'kind: meeting\nid: HY-2024-001\ntitle: 周会\nstatus: planned\nhost: "王\\e[2J芳"\n'),
        "records/meetings/HY-2024-002.yaml": (
            'kind: meeting\nid: HY-2024-002\ntitle: 周会\n"x\\e]8;;http://x\\e\\\\": 1\n'),
    })
    lint = invoke("-C", ws, "lint")
    assert [line for line in lint.out.splitlines() if " error " in line] == [
        "records/meetings/HY-2024-001.yaml:5:7: error unknown-person "
        r"未登记的人员 '王\x1b[2J芳'(是不是 '王芳'?);请在 collab.yaml 的 people 中添加",
        "records/meetings/HY-2024-002.yaml:4:1: error unknown-key "
        r"未知的键 'x\x1b]8;;http://x\x1b\'",
    ], lint
    _no_control_left(run_in_pty("lint", cwd=ws).text)
    shown = invoke("-C", ws, "show", "HY-2024-002")
    assert (shown.code, shown.err) == (
        2, "collab: records/meetings/HY-2024-002.yaml:4:1: "
           r"未知的键 'x\x1b]8;;http://x\x1b\'" "\n")
    skipped = invoke("-C", ws, "overdue", "--now", NOW)
    assert skipped.err.splitlines()[1] == (
        r"  records/meetings/HY-2024-002.yaml:4: 未知的键 'x\x1b]8;;http://x\x1b\'")


# -- tables on an 80-column terminal -------------------------------------------------------

IDS = ["RW-2024-001", "HY-2024-002", "KH-2024-001/V1.2", "RW-2024-001/P2", "HY-2024-002/A1",
       "WT-2024-001"]
DATES = ["2024-09-18 18:00", "2024-09-30 23:59", "2024-10-11 15:30", "2024-10-11 18:00",
         "2024-10-12 10:00", "2024-10-12 23:59", "2024-10-13 17:30"]


def test_an_80_column_terminal_drops_the_rule_column_and_cuts_no_id_or_date(
    examples: Path,
) -> None:
    screen = run_in_pty("overdue", "--now", NOW, cwd=examples, columns=80)
    assert screen.code == 0, screen
    lines = SGR.sub("", screen.text).rstrip("\n").split("\n")
    assert all(width(line) <= 80 for line in lines), screen
    for text in IDS + DATES:  # each whole, on one line
        assert any(text in line for line in lines), text
    assert "requirement.build" not in screen.text and "规则" not in screen.text
    assert lines[-1] == "7 项逾期"
    wide = SGR.sub("", run_in_pty("overdue", "--now", NOW, cwd=examples, columns=250).text)
    rows = wide.rstrip("\n").split("\n")
    assert len(rows) == 2 + 7 + 1  # header, its rule, one line per row, the count
    assert "requirement.build" in rows[2] and "2024-09-18 18:00 周三" in rows[2]
    assert rows[6].split() == ["RW-2024-001/P2", "Q3", "老用户复购活动", "requirement.pending",
                               "短信触达名单范围(是否包含近90天已流失用户)", "张伟", "市场部",
                               "2024-10-12", "10:00", "周六(班)", "逾期", "1", "天"]


# -- lint on a terminal -----------------------------------------------------------------------


def test_lint_on_a_terminal_is_coloured_and_summed_up(ws: Path) -> None:
    build_tree(ws, {
        "records/requirements/RW-2024-001.yaml": (
            "kind: requirement\nid: RW-2024-001\ntitle: 活动\nprority: high\n"),
        "records/meetings/HY-2024-001.yaml": (
            "kind: meeting\nid: HY-2024-001\ntitle: 周会\nstatus: planned\n"
            "start: 2024-10-10 10:00\nend: 2024-10-10 12:00\n"),
    })
    screen = run_in_pty("lint", "--now", NOW, cwd=ws, columns=250)  # no line wraps
    assert screen.code == 1, screen
    assert "\x1b[1;31merror\x1b[0m" in screen.text  # the severity in bold red
    assert "\x1b[33mwarning\x1b[0m" in screen.text
    lines = SGR.sub("", screen.text).rstrip("\n").split("\n")
    assert lines == [
        "records/meetings/HY-2024-001.yaml:4:9: info incomplete 计划中: 尚待填写: objective, "
        "location, host, recorder, attendees",
        "records/meetings/HY-2024-001.yaml:6:6: warning meeting-too-long "
        "会议时长 120 分钟,超过手册规定的 90 分钟",
        # the record with a schema error is checked for the rest too
        "records/requirements/RW-2024-001.yaml:2:5: info incomplete 草稿: 尚待填写: "
        "requester.department, requester.lead, receiver.department, receiver.lead, background, "
        "goal, description, priority, due, sent_at",
        "records/requirements/RW-2024-001.yaml:4:1: error unknown-key "
        "未知的键 'prority'(是不是 'priority'?)",
        "",
        "1 个错误, 1 个警告, 2 条提示; 涉及 2 个文件(共检查 2 个)",
    ]
    # piped: the plain lines of `--format text`, no colour, no summary
    piped = run_collab("lint", "--now", NOW, cwd=ws)
    assert piped.out.splitlines() == lines[:4]


def test_a_clean_lint_on_a_terminal_says_so(ws: Path) -> None:
    build_tree(ws, {"records/issues/WT-2024-001.yaml": (
        "kind: issue\nid: WT-2024-001\ntitle: 支付失败\nreporter: 王芳\n"
        "reported_at: 2024-10-10 10:00\nurgency: low\ndepartment: 技术部\nowner: 赵磊\n"
        "status: open\n")})
    screen = run_in_pty("lint", "--now", NOW, cwd=ws)
    assert (screen.code, SGR.sub("", screen.text)) == (0, "没有发现问题(共检查 1 个文件)\n")


def test_lint_summary_in_english(ws: Path) -> None:
    (ws / "collab.yaml").write_text(
        (ws / "collab.yaml").read_text(encoding="utf-8").replace("language: zh", "language: en"),
        encoding="utf-8")
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": (
        "kind: requirement\nid: RW-2024-001\ntitle: t\nprority: high\n")})
    screen = run_in_pty("lint", "--now", NOW, cwd=ws)
    assert SGR.sub("", screen.text).rstrip("\n").split("\n")[-1] == (
        "1 error, 0 warnings, 1 hint; in 1 file (1 checked)")  # the draft's hint too


# -- prompts ----------------------------------------------------------------------------------


def test_an_aborted_prompt_is_said_in_the_workspace_language(ws: Path) -> None:
    screen = run_in_pty("new", "requirement", "--now", NOW, cwd=ws, typed=b"\x04")
    assert screen.code == 1, screen
    assert screen.text.rstrip("\n").split("\n")[-1] == "collab: 已取消"
    assert "Aborted" not in screen.text
    assert list((ws / "records").rglob("*.yaml")) == []
