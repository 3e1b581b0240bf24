"""`collab list` and `collab show` as people read them (SPEC §4, §11): kinds, statuses and
labels in the workspace language, no `None`, a count line, unreadable files kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.helpers import NOW, build_tree

BROKEN = "kind: issue\nid: [\n"


def _rows(text: str) -> list[list[str]]:
    return [re.split(r" {2,}", line.strip()) for line in text.rstrip("\n").split("\n")]


def test_list_says_kinds_and_statuses_in_the_workspace_language(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "list")
    assert result.code == 0, result
    rows = _rows(result.out)
    assert rows[0] == ["编号", "类型", "名称", "状态", "负责人", "部门", "文件"]
    assert rows[5] == ["RW-2024-001", "需求", "Q3 老用户复购活动", "进行中", "李娜", "运营部",
                       "records/requirements/RW-2024-001.yaml"]
    assert rows[3] == ["KH-2024-001", "客户需求", "A科技公司", "待确认", "郑凯", "销售部",
                       "records/customer-requests/KH-2024-001.yaml"]
    assert rows[-1] == ["9 条记录"]


def test_list_takes_kinds_and_statuses_as_shown(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    by_word = json.loads(invoke("-C", examples, "list", "会议", "--status", "已召开",
                                "--format", "json").out)
    by_name = json.loads(invoke("-C", examples, "list", "meeting", "--status", "held",
                                "--format", "json").out)
    assert [r["id"] for r in by_word] == [r["id"] for r in by_name] == [
        "HY-2024-001", "HY-2024-002"]
    wrong = invoke("-C", examples, "list", "--status", "进行")
    assert (wrong.code, wrong.err) == (2, (
        "collab: --status: 未知的状态 '进行'(是不是 '进行中'?)(可选: draft, sent, confirmed, "
        "in_progress, delivered, accepted, closed, declined, withdrawn, planned, held, "
        "cancelled, open, mitigated, resolved, done, pending, in_delivery, rejected)\n"))


def test_list_in_english(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    english = scenario("english")
    rows = _rows(invoke("-C", english, "list").out)
    assert rows[0] == ["id", "kind", "title", "status", "owner", "department", "file"]
    assert rows[3][:4] == ["KH-2024-001", "customer request", "A科技公司", "pending"]
    assert rows[5][:4] == ["RW-2024-001", "requirement", "Q3 老用户复购活动", "in progress"]
    assert rows[-1] == ["9 records"]
    empty = invoke("-C", english, "list", "--owner", "周敏")
    assert (empty.code, empty.out) == (0, "no records\n")


def test_a_record_that_cannot_be_read_keeps_its_row(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(examples, {"records/issues/WT-2024-002.yaml": BROKEN})
    result = invoke("-C", examples, "list")
    assert result.code == 0, result
    rows = _rows(result.out)
    assert rows[8] == ["WT-2024-002", "问题",
                       "无法读取: 3:1: YAML 语法错误:expected the node content, but found "
                       "'<stream end>'", "-", "-", "-", "records/issues/WT-2024-002.yaml"]
    assert rows[-1] == ["10 条记录"]
    assert result.err == (
        "collab: 1 个记录文件无法读取,已跳过;请运行 `collab lint`\n"
        "  records/issues/WT-2024-002.yaml:3: YAML 语法错误:expected the node content, but found "
        "'<stream end>'\n")
    [row] = [r for r in json.loads(invoke("-C", examples, "list", "--format", "json").out)
             if r["error"]]
    assert row == {"id": "WT-2024-002", "kind": "issue", "title": None, "status": None,
                   "owner": None, "department": None, "file": "records/issues/WT-2024-002.yaml",
                   "error": "3:1: YAML 语法错误:expected the node content, but found "
                            "'<stream end>'"}
    # its kind is known from its folder: `list issue` keeps it, `list meeting` does not
    issues = json.loads(invoke("-C", examples, "list", "issue", "--format", "json").out)
    assert [r["id"] for r in issues] == ["WT-2024-001", "WT-2024-002"]
    meetings = json.loads(invoke("-C", examples, "list", "meeting", "--format", "json").out)
    assert [r["id"] for r in meetings] == ["HY-2024-001", "HY-2024-002"]
    # a filter on what the file would say cannot be answered: only stderr names it
    held = invoke("-C", examples, "list", "--status", "held")
    assert "WT-2024-002" not in held.out and "WT-2024-002" in held.err


def test_show_says_labels_kinds_and_statuses_in_english(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    english = scenario("english")
    out = invoke("-C", english, "show", "RW-2024-001", "--now", NOW).out.split("\n")
    assert out[1] == ("kind: requirement   status: in progress   "
                      "file: records/requirements/RW-2024-001.yaml")
    assert "Background: Q3用户复购率同比下降5%" in out
    assert "  Plan delivered at (plan_at): 2024-09-09 17:00" in out
    assert "Pending questions (pending):" in out
    assert "  - Id: P1" in out and "    Raised at: 2024-09-02 10:30" in out
    assert "Priority: high" in out
    assert not [line for line in out if "None" in line]


def test_show_in_chinese_names_the_key_and_leaves_out_empty_fields(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": (
        "kind: requirement\nid: RW-2024-001\ntitle: 活动\nstatus: sent\npriority: 高\n"
        "background:\ngoal: ''\nrequester: {department: 市场部, lead: }\n"
        "sent_at: 2024-10-08 10:00\n")})
    result = invoke("-C", ws, "show", "RW-2024-001", "--now", NOW)
    assert result.code == 0, result
    body = result.out.split("\n\n")[1].split("\n")
    assert result.out.split("\n")[1] == (
        "类型: 需求   状态: 已发送   文件: records/requirements/RW-2024-001.yaml")
    assert body == ["需求方 (requester):", "  部门 (department): 市场部", "优先级 (priority): 高",
                    "发送时间 (sent_at): 2024-10-08 10:00"]
