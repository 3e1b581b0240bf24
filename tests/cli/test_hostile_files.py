"""Damaged and hostile record files: every command goes on with the other records, and lint
reports every finding of a record at once (SPEC §10, issue 21)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import NOW, build_tree

MEETING = "records/meetings/HY-2024-002.yaml"
BREACH = (
    "records/collaborations/XZ-2024-001.yaml:25:14: warning breach collaboration.planned_end: "
    "完成协作事项 应于 2024-09-10 23:59 完成,实际 2024-09-12 00:00 才完成(超时)"
)
# What the example workspace owes at NOW, read off its records by hand (README, first line).
OVERDUE_WITHOUT_MEETING = [
    ("RW-2024-001", None, "requirement.build"),
    ("RW-2024-001", None, "requirement.due"),
    ("KH-2024-001", "V1.2", "customer.proposal_feedback"),
    ("RW-2024-001", "P2", "requirement.pending"),
    ("WT-2024-001", None, "issue.retrospective"),
]
DUE_WITHOUT_MEETING = [
    ("TZ-2024-001", "T2", "notice.todo"),
    ("XZ-2024-002", "2024-W42", "collaboration.weekly_sync"),
]


def damage(root: Path, rel: str, old: str, new: str) -> bytes:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


def items(out: str) -> list[tuple[str, str | None, str]]:
    return [(d["record"], d["item"], d["rule"]) for d in json.loads(out)]


CONTROLS = ["\x00", "\x0b", "\x11", "\x9b"]  # every one of them: tests/io/test_limits.py


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_a_control_character_is_a_finding_and_nothing_stops(invoke, handbook, char):  # type: ignore[no-untyped-def]
    damage(handbook, MEETING, "title: 新品上市", f"title: 新品{char}上市")
    refused = f"YAML 中不允许出现控制字符 U+{ord(char):04X};请删除它"
    finding = f"{MEETING}:4:10: error control-character {refused}"

    lint = invoke("-C", handbook, "lint")
    assert (lint.code, lint.out.splitlines(), lint.err) == (1, [BREACH, finding], ""), lint

    skipped = (f"collab: 1 个记录文件无法读取,已跳过;请运行 `collab lint`\n"
               f"  {MEETING}:4: {refused}\n")
    overdue = invoke("-C", handbook, "overdue", "--now", NOW, "--format", "json")
    assert (overdue.code, items(overdue.out), overdue.err) == (
        0, OVERDUE_WITHOUT_MEETING, skipped), overdue
    due = invoke("-C", handbook, "due", "--now", NOW, "--format", "json")
    assert (due.code, items(due.out), due.err) == (0, DUE_WITHOUT_MEETING, skipped), due

    listed = invoke("-C", handbook, "list", "--format", "json")
    assert (listed.code, listed.err) == (0, skipped), listed
    [row] = [row for row in json.loads(listed.out) if row["id"] == "HY-2024-002"]
    assert row == {"id": "HY-2024-002", "kind": "meeting", "title": None, "status": None,
                   "owner": None, "department": None, "file": MEETING,
                   "error": f"4:10: {refused}"}  # its row is kept, with the error
    assert invoke("-C", handbook, "show", "RW-2024-001", "--now", NOW).code == 0
    show = invoke("-C", handbook, "show", "HY-2024-002", "--now", NOW)
    assert (show.code, show.out) == (2, ""), show
    assert show.err == f"collab: {MEETING}:4:10: {refused}\n"


def test_control_characters_are_counted_and_the_first_is_located(invoke, handbook):  # type: ignore[no-untyped-def]
    damage(handbook, MEETING, "location: |", "location: |\x00")
    damage(handbook, MEETING, "host: 张伟", "host: 张\x11伟\x11")
    lint = invoke("-C", handbook, "lint", MEETING)
    assert lint.out == (f"{MEETING}:8:12: error control-character YAML 中不允许出现控制字符 "
                        f"U+0000;请删除它(本文件中还有 2 处)\n"), lint


def test_a_control_character_is_said_in_the_workspace_language(invoke, handbook):  # type: ignore[no-untyped-def]
    config = handbook / "collab.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"),
                      encoding="utf-8")
    damage(handbook, MEETING, "title: 新品上市", "title: 新品\x00上市")
    refused = "control character U+0000 is not allowed in YAML; remove it"
    lint = invoke("-C", handbook, "lint", MEETING)
    assert (lint.code, lint.out) == (1, f"{MEETING}:4:10: error control-character {refused}\n")
    show = invoke("-C", handbook, "show", "HY-2024-002", "--now", NOW)
    assert (show.code, show.out, show.err) == (2, "", f"collab: {MEETING}:4:10: {refused}\n")


def test_an_escaped_control_character_is_text(invoke, handbook):  # type: ignore[no-untyped-def]
    """Inside double quotes `\\x0b` or `\\e` is YAML's own escape: valid text, read as such
    (showing it safely on a terminal is the output's job)."""
    damage(handbook, MEETING, "title: 新品上市项目协调会", 'title: "新品\\x0b\\e[2J上市"')
    assert invoke("-C", handbook, "lint").out.splitlines() == [BREACH]
    show = invoke("-C", handbook, "show", "HY-2024-002", "--now", NOW, "--format", "json")
    assert json.loads(show.out)["title"] == "新品\x0b\x1b[2J上市"


@pytest.mark.parametrize("command", [["set", "HY-2024-002", "title", "新标题"],
                                     ["done", "HY-2024-002/A1"],
                                     ["progress", "HY-2024-002/A1", "已完成一半"]])
def test_an_edit_of_a_damaged_file_is_refused_and_changes_nothing(invoke, handbook, command):  # type: ignore[no-untyped-def]
    before = damage(handbook, MEETING, "title: 新品上市", "title: 新品\x00上市")
    result = invoke("-C", handbook, *command, "--now", NOW) if command[0] != "set" else invoke(
        "-C", handbook, *command)
    assert (result.code, result.out) == (2, ""), result
    assert result.err == f"collab: {MEETING}:4:10: YAML 中不允许出现控制字符 U+0000;请删除它\n"
    assert (handbook / MEETING).read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_an_edit_of_a_fifo_is_refused_without_hanging(handbook):  # type: ignore[no-untyped-def]
    """A FIFO where a record belongs: the edit says so instead of waiting for a writer."""
    (handbook / MEETING).unlink()
    os.mkfifo(handbook / MEETING)
    done = subprocess.run([sys.executable, "-m", "collabkit", "-C", str(handbook), "set",
                           "HY-2024-002", "title", "新标题"], capture_output=True, text=True,
                          encoding="utf-8", timeout=30)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", f"collab: {MEETING}:1:1: 不是普通文件(记录是一个 .yaml 文件)\n"), done


# --- one error never hides the others ----------------------------------------------------------

HELD = """\
kind: meeting
id: HY-2024-001
title: 协调会
objective: 明确分工
start: 2024-10-10 10:00
end: 2024-10-10 11:00
location: 301会议室
host: 张伟
recorder: 李娜
attendees: [张伟, 李娜]
status: held
actions:
  - id: A1
    task: 出方案
    due: 2024-10-20
    deliverable: 方案
  - id: A2
    task: 评审
    owner: 李娜
    due: 尽快
    deliverable: 纪要
  - id: A3
    task: 上线
    owner: 王五
    due: 2024-10-25
    deliverable: 上线报告
    color: red
links: [RW-2024-009]
"""


def test_every_finding_of_a_record_at_once(invoke, ws):  # type: ignore[no-untyped-def]
    """A2's vague deadline, A1's missing owner and its deadline on a Sunday, A3's unknown key
    and unknown person, and a broken link: all in one run (before: only the schema errors,
    the rest after a fix)."""
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": HELD})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    rel = "records/meetings/HY-2024-001.yaml"
    assert result.out.splitlines() == [
        f"{rel}:13:5: error action-incomplete 行动项 A1 缺少 owner(做什么、谁来做、何时做)",
        f"{rel}:15:10: info deadline-day-off action.due A1: 截止时间 2024-10-20 23:59 周日 "
        f"是非工作日",
        f"{rel}:20:10: error vague-deadline A2.due: '尽快' 不是截止时间:请写明日期,"
        f"如 2024-09-30(做什么、谁来做、何时做)",
        f"{rel}:24:12: error unknown-person 未登记的人员 '王五'(是不是 '王芳'?);"
        f"请在 collab.yaml 的 people 中添加",
        f"{rel}:27:5: error unknown-key 未知的键 'color'",
        f"{rel}:28:9: error broken-link 链接到不存在的记录 RW-2024-009",
    ], result


def test_positions_stay_right_after_an_item_is_left_out(invoke, ws):  # type: ignore[no-untyped-def]
    """The first link fails the schema and is left out: the broken second link is still
    reported where the file has it (the second item, not the first)."""
    build_tree(ws, {"records/meetings/HY-2024-001.yaml":
                    HELD.replace("links: [RW-2024-009]", "links:\n  - ../../etc/passwd\n"
                                 "  - RW-2024-009\n")})
    rel = "records/meetings/HY-2024-001.yaml"
    out = invoke("-C", ws, "lint").out.splitlines()
    assert out[-2:] == [
        f"{rel}:29:5: error schema links.0: '../../etc/passwd' 不是记录编号或 编号/条目"
        f"(如 RW-2024-001、HY-2024-003/A2)",
        f"{rel}:30:5: error broken-link 链接到不存在的记录 RW-2024-009",
    ], out


def test_a_record_with_errors_is_still_a_link_target(invoke, handbook):  # type: ignore[no-untyped-def]
    """TZ-2024-001 links to HY-2024-002 and HY-2024-002/A2: an error in that meeting is one
    finding there, not broken links elsewhere, whether the meeting can be partly read or not."""
    damage(handbook, MEETING, "cc: [王强, 李娜]", "cc: [王强, 李娜]\ncolour: red")
    lint = invoke("-C", handbook, "lint")
    assert lint.out.splitlines() == [
        BREACH, f"{MEETING}:79:1: error unknown-key 未知的键 'colour'"], lint
    damage(handbook, MEETING, "colour: red", "colour: [red")
    assert invoke("-C", handbook, "lint").out.splitlines() == [
        BREACH,
        f"{MEETING}:80:7: error yaml-syntax YAML 语法错误:expected ',' or ']', but got ':'"]


def test_overdue_still_skips_a_record_with_errors(invoke, handbook):  # type: ignore[no-untyped-def]
    """lint checks what it can of a broken record; the deadlines of one are not trusted."""
    damage(handbook, MEETING, "cc: [王强, 李娜]", "cc: [王强, 李娜]\ncolour: red")
    overdue = invoke("-C", handbook, "overdue", "--now", NOW, "--format", "json")
    assert items(overdue.out) == OVERDUE_WITHOUT_MEETING, overdue
