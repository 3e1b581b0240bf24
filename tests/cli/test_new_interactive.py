"""Interactive `collab new` in a real pseudo-terminal (python's `pty`): it asks for every
essential of the kind, shows the expected format and who is registered, asks again after a
bad answer and refuses an empty title (SPEC §4 `new`, §11)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from collabkit.workspace import Workspace
from tests.helpers import NOW, build_tree

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
TIMEOUT = 60


def converse(
    cwd: Path, args: list[str], answers: list[str], captured: list[str] | None = None
) -> tuple[int, list[str]]:
    """Run collab on a pty; each time it waits at a prompt (output ending in ': '), type the
    next answer. Returns the exit code and the screen, line by line. With `captured`, stdout
    is a pipe (as in `path=$(collab new …)`) and what it printed lands there."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "collabkit", *args],
        cwd=cwd,
        stdin=slave,
        stdout=slave if captured is None else subprocess.PIPE,
        stderr=slave,
        close_fds=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"},
    )
    os.close(slave)
    screen, pending, answered_at = b"", list(answers), -1
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                screen += chunk
                continue
            if proc.poll() is not None:
                break
            waiting = screen.endswith(b": ") and len(screen) != answered_at
            if waiting and pending:
                os.write(master, pending.pop(0).encode("utf-8") + b"\n")
                answered_at = len(screen)
        code = proc.wait(timeout=TIMEOUT)
        if captured is not None and proc.stdout is not None:
            captured.append(proc.stdout.read().decode("utf-8"))
            proc.stdout.close()
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    lines = screen.decode("utf-8").replace("\r\n", "\n").split("\n")
    return code, [line.rstrip() for line in lines if line.strip()]


def test_new_requirement_asks_for_each_essential_and_asks_again(ws: Path) -> None:
    code, screen = converse(
        ws,
        ["new", "requirement", "--now", NOW],
        [
            "",
            "Q4 拉新活动",
            "市场",
            "市场部",
            "李娜",
            "张伟",
            "运营部",
            "李娜",
            "下周",
            "2024-11-30",
        ],
    )
    assert code == 0, screen
    assert screen == [
        "名称:",
        "  此项不能为空",
        "名称: Q4 拉新活动",
        "需求方 部门 [市场部/运营部/技术部/销售部]: 市场",
        "  collab.yaml 中没有部门 '市场'(是否指 '市场部'?)",
        "需求方 部门 [市场部/运营部/技术部/销售部]: 市场部",
        "需求方 负责人 [张伟]: 李娜",  # registered, though not of 市场部: allowed
        "承接方 部门 [市场部/运营部/技术部/销售部]: 张伟",
        "  collab.yaml 中没有部门 '张伟'",
        "承接方 部门 [市场部/运营部/技术部/销售部]: 运营部",
        "承接方 负责人 [李娜]: 李娜",  # priority: the skeleton's medium, not asked
        "期望上线/完成时间 [日期,如 2024-10-31]: 下周",
        "  '下周' 不是日期/时间;请写成 2024-10-18 或 2024-10-18 14:00",
        "期望上线/完成时间 [日期,如 2024-10-31]: 2024-11-30",
        "已记录;其余字段可稍后用 collab set 补全",
        "records/requirements/RW-2024-001.yaml",
        "下一步: 补全 background, goal, description(collab set RW-2024-001 字段 值),"
        "然后 collab send RW-2024-001",
    ]
    rw = Workspace.open(ws).get("RW-2024-001").record
    assert (rw.title, rw.requester.department, rw.requester.lead) == (
        "Q4 拉新活动",
        "市场部",
        "李娜",
    )
    assert (rw.receiver.department, rw.receiver.lead, rw.priority) == ("运营部", "李娜", "medium")
    assert rw.due.isoformat() == "2024-11-30T23:59:59.999999+08:00"
    text = (ws / "records/requirements/RW-2024-001.yaml").read_text(encoding="utf-8")
    assert "title: Q4 拉新活动  # 需求名称\n" in text  # the skeleton's comments stay


def test_new_asks_only_what_the_options_did_not_give(ws: Path) -> None:
    code, screen = converse(
        ws,
        ["new", "requirement", "--title", "已给标题", "--requester", "市场部:张伟", "--now", NOW],
        ["", "", "2024-12-01"],
    )
    assert code == 0, screen
    assert screen == [
        "承接方 部门 [市场部/运营部/技术部/销售部]:",
        "承接方 负责人 [张伟/李娜/王芳/赵磊]:",
        "期望上线/完成时间 [日期,如 2024-10-31]: 2024-12-01",
        "已记录;其余字段可稍后用 collab set 补全",
        "records/requirements/RW-2024-001.yaml",
        "下一步: 补全 receiver.department, receiver.lead, background, goal, description"
        "(collab set RW-2024-001 字段 值),然后 collab send RW-2024-001",
    ]


def test_new_meeting_in_english_asks_its_own_essentials(tmp_path: Path) -> None:
    ws = build_tree(
        tmp_path / "en",
        {
            "collab.yaml": "language: en\ndepartments: [Sales, Ops]\npeople:\n"
            "  - {name: Ann, department: Sales}\n  - {name: Bob, department: Ops}\n",
            "records/.keep": "",
        },
    )
    code, screen = converse(
        ws,
        ["new", "meeting", "--now", NOW],
        [
            "Kick-off",
            "tomorrow",
            "2024-10-18 14:00",
            "2024-10-18 15:00",
            "Room 301",
            "Carl",
            "Ann",
            "Bob",
        ],
    )
    assert code == 0, screen
    assert screen == [
        "title: Kick-off",
        "start [e.g. 2024-10-18 14:00]: tomorrow",
        "  'tomorrow' is not a date/time; write it as 2024-10-18 or 2024-10-18 14:00",
        "start [e.g. 2024-10-18 14:00]: 2024-10-18 14:00",
        "end [e.g. 2024-10-18 14:00]: 2024-10-18 15:00",
        "location: Room 301",
        "host [Ann/Bob]: Carl",
        "  no 'Carl' among the people in collab.yaml",
        "host [Ann/Bob]: Ann",
        "recorder [Ann/Bob]: Bob",
        "noted; fill in the rest later with collab set",
        "records/meetings/HY-2024-001.yaml",
        "next: fill in objective, attendees (collab set HY-2024-001 FIELD VALUE), "
        "then collab send-agenda HY-2024-001",
    ]
    hy = Workspace.open(ws).get("HY-2024-001").record
    assert (hy.title, hy.location, hy.host, hy.recorder) == ("Kick-off", "Room 301", "Ann", "Bob")
    assert (hy.start.hour, hy.end.hour) == (14, 15)


def test_no_input_asks_nothing_on_a_terminal(ws: Path) -> None:
    code, screen = converse(ws, ["new", "notice", "--no-input", "--now", NOW], ["never typed"])
    assert code == 0, screen
    assert screen == [
        "records/notices/TZ-2024-001.yaml",
        "下一步: 补全 title, group, initiator(collab set TZ-2024-001 字段 值),"
        "然后 collab send TZ-2024-001",
    ]


def test_questions_go_to_the_terminal_and_the_path_to_stdout(ws: Path) -> None:
    """`path=$(collab new notice)` on a terminal: the questions are on the terminal (stderr),
    stdout holds the path alone."""
    captured: list[str] = []
    code, screen = converse(
        ws,
        ["new", "notice", "--now", NOW],
        ["周会通知", "【市场部】周会20241014", "张伟"],
        captured,
    )
    assert code == 0, screen
    assert captured == ["records/notices/TZ-2024-001.yaml\n"]
    assert screen == [
        "名称: 周会通知",
        "群聊名称: 【市场部】周会20241014",
        "发起人 [张伟/李娜/王芳/赵磊]: 张伟",
        "已记录;其余字段可稍后用 collab set 补全",
        "下一步: collab send TZ-2024-001",
    ]
