"""`collab add ID LIST …` and `collab log` (SPEC §4): an item with the next item id, written in
block style with the file's comments kept, validated before writing, and addressable by its
name afterwards (`HY-2024-002/A3`, `proposals.V1.3.feedback_at`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collabkit.workspace import Workspace
from tests.helpers import NOW, build_tree

MEETING = """\
# 协调会 —— 手写
kind: meeting
id: HY-2024-002
title: 协调会
status: planned
attendees: [张伟, 李娜]   # 流式列表
actions:
  - id: A1
    task: 出方案
    owner: 李娜
    due: 2024-10-25
    deliverable: 方案
    status: done
  - id: A2   # 第二项
    task: 配置券
    owner: 李娜
    due: 2024-10-28
    deliverable: 券配置
# ---- 以下为纪要 ----
minutes_sent_at:
decisions: []  # 决议事项
"""
CUSTOMER = """\
kind: customer-request
id: KH-2024-001
customer: A公司
contact: 行政部
description: 办公系统
received_at: 2024-10-14 10:00
owner: 王芳
proposals:
  - {version: V1.0, sent_at: 2024-10-16 10:00, feedback: 分期, feedback_at: 2024-10-17 10:00}
  - {version: V1.2, sent_at: 2024-10-18 10:00}
status: pending
"""
REQUIREMENT = """\
kind: requirement
id: RW-2024-001
title: 复购活动
status: draft
"""
NOTICE = """\
kind: notice
id: TZ-2024-001
title: 周会通知
status: draft
todos: []
"""
COLLABORATION = """\
kind: collaboration
id: XZ-2024-001
title: 素材制作
status: planned
"""


@pytest.fixture
def records(ws: Path) -> Path:
    return build_tree(
        ws,
        {
            "records/meetings/HY-2024-002.yaml": MEETING,
            "records/customer-requests/KH-2024-001.yaml": CUSTOMER,
            "records/requirements/RW-2024-001.yaml": REQUIREMENT,
            "records/notices/TZ-2024-001.yaml": NOTICE,
            "records/collaborations/XZ-2024-001.yaml": COLLABORATION,
        },
    )


def text_of(ws: Path, rel: str) -> str:
    return (ws / rel).read_text(encoding="utf-8")


def test_add_an_action_gets_the_next_id_in_block_style_before_the_next_section(  # type: ignore[no-untyped-def]
    invoke, records: Path
) -> None:
    result = invoke(
        "-C",
        records,
        "add",
        "HY-2024-002",
        "actions",
        "培训销售",
        "--owner",
        "王芳",
        "--due",
        "2024-10-30",
        "--deliverable",
        "培训记录",
        "--now",
        NOW,
    )
    assert (result.code, result.err) == (0, ""), result
    assert result.out == (
        "已添加 HY-2024-002/A3: task 培训销售, owner 王芳, due 2024-10-30, deliverable 培训记录, "
        "status open\n"
        "  开始计时 action.due A3(培训销售):截止 2024-10-30 23:59\n"
    )
    assert text_of(records, "records/meetings/HY-2024-002.yaml") == MEETING.replace(
        "    deliverable: 券配置\n",
        "    deliverable: 券配置\n"
        "  - id: A3\n    task: 培训销售\n    owner: 王芳\n    due: 2024-10-30\n"
        "    deliverable: 培训记录\n    status: open\n",
    )
    done = invoke("-C", records, "done", "HY-2024-002/A3", "--now", "2024-10-29T10:00+08:00")
    assert done.code == 0 and done.out.startswith("HY-2024-002/A3: status open → done"), done
    moved = invoke("-C", records, "set", "HY-2024-002", "actions.A3.deliverable", "培训签到表")
    assert moved.out == "HY-2024-002: actions.A3.deliverable 培训记录 → 培训签到表\n", moved


def test_an_action_needs_what_who_and_when(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    before = text_of(records, "records/meetings/HY-2024-002.yaml")
    result = invoke("-C", records, "add", "HY-2024-002", "actions", "没有期限", "--owner", "王芳")
    assert (result.code, result.err) == (2, "collab: 缺少必填项: --due, --deliverable\n")
    vague = invoke(
        "-C",
        records,
        "add",
        "HY-2024-002",
        "actions",
        "含糊",
        "--owner",
        "王芳",
        "--due",
        "尽快",
        "--deliverable",
        "x",
    )
    assert (vague.code, vague.err) == (
        2,
        "collab: records/meetings/HY-2024-002.yaml: 已拒绝,记录将不合法: A3.due: "
        "'尽快' 不是截止时间:请写明日期,如 2024-09-30(做什么、谁来做、何时做)\n",
    )
    stranger = invoke(
        "-C",
        records,
        "add",
        "HY-2024-002",
        "actions",
        "x",
        "--owner",
        "王方",
        "--due",
        "2024-10-30",
        "--deliverable",
        "x",
    )
    assert (stranger.code, stranger.err) == (
        2,
        "collab: records/meetings/HY-2024-002.yaml: 已拒绝: 未登记的人员 '王方'(是不是 '王芳'?);"
        "请在 collab.yaml 的 people 中添加\n",
    )
    assert text_of(records, "records/meetings/HY-2024-002.yaml") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("HY-2024-002", "atendees", "张伟"),
            "collab: 不能向 atendees 添加条目(是否指 'attendees'?)\n",
        ),
        (
            ("HY-2024-002", "links", "RW-2024-001"),
            "collab: 不能向 links 添加条目;"
            "可添加的列表: actions, topics, attendees, decisions, cc\n",
        ),
        (
            ("HY-2024-002", "actions", "x", "--ownr", "王芳"),
            "collab: 条目没有字段 'ownr'(是否指 'owner'?)\n",
        ),
        (
            ("HY-2024-002", "actions", "x", "--task", "y"),
            "collab: task 写了两次(VALUE 与 --task)\n",
        ),
        (
            ("HY-2024-002", "decisions", "做 A", "--by", "张伟"),
            "collab: 此列表的条目是一段文本:只写 VALUE\n",
        ),
        (
            ("HY-2024-002", "actions", "x", "y"),
            "collab: 多余的参数 'y'(其他字段请写成 --字段 值)\n",
        ),
        (("HY-2024-002", "actions", "x", "--owner"), "collab: --owner 后面缺少值\n"),
        (("KH-2024-001", "proposals", "--version", "V1.2"), "collab: proposals 中已有 V1.2\n"),
    ],
)
def test_add_refuses_what_it_cannot_write(
    invoke, records: Path, args: tuple[str, ...], message: str
) -> None:  # type: ignore[no-untyped-def]
    before = {p: p.read_bytes() for p in records.rglob("*.yaml")}
    result = invoke("-C", records, "add", *args, "--now", NOW)
    assert (result.code, result.out, result.err) == (2, "", message)
    assert {p: p.read_bytes() for p in records.rglob("*.yaml")} == before


def test_flow_lists_stay_flow_and_empty_ones_become_blocks(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("-C", records, "add", "HY-2024-002", "attendees", "王芳").out == (
        "已添加 HY-2024-002 attendees.2: name 王芳\n"
    )
    assert invoke("-C", records, "add", "HY-2024-002", "decisions", "先做移动审批").out == (
        "已添加 HY-2024-002 decisions.0: 先做移动审批\n"
    )
    text = text_of(records, "records/meetings/HY-2024-002.yaml")
    assert "attendees: [张伟, 李娜, 王芳] # 流式列表\n" in text
    assert text.endswith("decisions:  # 决议事项\n  - 先做移动审批\n")
    result = invoke(
        "-C", records, "add", "HY-2024-002", "attendees", "赵磊", "--department", "技术部"
    )
    assert result.out == "已添加 HY-2024-002 attendees.3: name 赵磊, department 技术部\n"
    assert "attendees: [张伟, 李娜, 王芳, {name: 赵磊, department: 技术部}]" in text_of(
        records, "records/meetings/HY-2024-002.yaml"
    )


def test_proposal_versions_count_on_and_are_addressable(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "-C",
        records,
        "add",
        "KH-2024-001",
        "proposals",
        "分两期交付",
        "--now",
        "2024-10-21T10:00+08:00",
    )
    assert result.out == (
        "已添加 KH-2024-001/V1.3: sent_at 2024-10-21 10:00, summary 分两期交付\n"
        # Mon 10:00 + 2 working days → Wed 18:00
        "  开始计时 customer.proposal_feedback V1.3(获取客户方案反馈):截止 2024-10-23 18:00\n"
    ), result
    set_ = invoke(
        "-C",
        records,
        "set",
        "KH-2024-001",
        "proposals.V1.3.feedback_at",
        "2024-10-22 09:00",
        "--now",
        "2024-10-22T12:00+08:00",
    )
    assert set_.out == (
        "KH-2024-001: proposals.V1.3.feedback_at 2024-10-22 09:00\n"
        "  已完成 customer.proposal_feedback V1.3(获取客户方案反馈):截止 2024-10-23 18:00,按时\n"
    ), set_
    mine = invoke("-C", records, "add", "KH-2024-001", "proposals", "--version", "V2.0")
    assert mine.out.startswith("已添加 KH-2024-001/V2.0: sent_at "), mine


def test_the_first_version_is_v1_0(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(
        ws,
        {
            "records/customer-requests/KH-2024-002.yaml": CUSTOMER.split("proposals:")[0].replace(
                "KH-2024-001", "KH-2024-002"
            )
            + "status: pending\n"
        },
    )
    result = invoke("-C", ws, "add", "KH-2024-002", "proposals", "初版", "--now", NOW)
    assert result.out.startswith(
        "已添加 KH-2024-002/V1.0: sent_at 2024-10-14 09:00, summary 初版\n"
    )


@pytest.mark.parametrize(
    ("args", "said", "name", "fields"),
    [
        (
            ("RW-2024-001", "pending", "预算多少?", "--owner", "张伟", "--due", "2024-10-16"),
            "已添加 RW-2024-001/P1: question 预算多少?, owner 张伟, raised_at 2024-10-14 09:00, "
            "due 2024-10-16\n",
            "P1",
            {"question": "预算多少?", "owner": "张伟"},
        ),
        (
            ("TZ-2024-001", "todos", "交周报", "--owner", "李娜", "--due", "2024-10-15"),
            "已添加 TZ-2024-001/T1: task 交周报, owner 李娜, due 2024-10-15, status open\n",
            "T1",
            {"task": "交周报", "status": "open"},
        ),
        (
            ("XZ-2024-001", "partners", "技术部", "--contact", "赵磊"),
            "已添加 XZ-2024-001 partners.0: department 技术部, contact 赵磊\n",
            "partners.0",
            {"department": "技术部", "contact": "赵磊"},
        ),
        (
            ("XZ-2024-001", "risks", "素材延期", "--mitigation", "提前排期"),
            "已添加 XZ-2024-001 risks.0: risk 素材延期, mitigation 提前排期\n",
            "risks.0",
            {"risk": "素材延期", "mitigation": "提前排期"},
        ),
        (
            ("HY-2024-002", "topics", "方案评审", "--presenter", "李娜", "--timebox", "20"),
            "已添加 HY-2024-002 topics.0: title 方案评审, presenter 李娜, timebox 20\n",
            "topics.0",
            {"title": "方案评审", "timebox": 20},
        ),
    ],
)
def test_add_to_every_kind_of_list(  # type: ignore[no-untyped-def]
    invoke, records: Path, args: tuple[str, ...], said: str, name: str, fields: dict[str, object]
) -> None:
    result = invoke("-C", records, "add", *args, "--now", NOW)
    assert (result.code, result.out.split("\n")[0] + "\n") == (0, said), result
    record = Workspace.open(records).get(args[0]).record
    lists = {"pending": record, "todos": record}
    item = None
    if name[0] in "PT" and name[1:].isdigit():
        item = next(i for i in getattr(lists[args[1]], args[1]) if i.id == name)
    else:
        list_name, index = name.split(".")
        item = getattr(record, list_name)[int(index)]
    assert {k: getattr(item, k) for k in fields} == fields


def test_log_a_customer_problem_starts_both_clocks(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "-C",
        records,
        "log",
        "KH-2024-001",
        "测试环境无法登录",
        "--type",
        "problem",
        "--channel",
        "电话",
        "--now",
        "2024-10-22T14:00+08:00",
    )
    assert (result.code, result.out) == (
        0,
        "已添加 KH-2024-001/C1: at 2024-10-22 14:00, channel 电话, summary 测试环境无法登录, "
        "type problem\n"
        "  开始计时 customer.respond C1(测试环境无法登录):截止 2024-10-22 15:00\n"
        "  开始计时 customer.solution C1(测试环境无法登录):截止 2024-10-23 14:00\n",
    ), result
    overdue = json.loads(
        invoke("-C", records, "overdue", "--format", "json", "--now", "2024-10-22T15:30+08:00").out
    )
    # received Mon 10-14 10:00 + 2 wd → Wed 10-16 18:00; V1.2 (Fri 10-18 10:00 + 2 wd → Tue
    # 10-22 18:00) is not late yet
    assert [(o["item"], o["rule"]) for o in overdue if o["record"] == "KH-2024-001"] == [
        (None, "customer.review"),
        ("C1", "customer.respond"),
    ]
    assert (
        invoke(
            "-C",
            records,
            "respond",
            "KH-2024-001/C1",
            "--at",
            "2024-10-22T14:20+08:00",
            "--now",
            "2024-10-22T15:30+08:00",
        ).code
        == 0
    )
    overdue = json.loads(
        invoke("-C", records, "overdue", "--format", "json", "--now", "2024-10-22T15:30+08:00").out
    )
    assert [(o["item"], o["rule"]) for o in overdue if o["record"] == "KH-2024-001"] == [
        (None, "customer.review")
    ]


def test_add_in_an_english_workspace(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    ws = scenario("english")
    result = invoke(
        "-C",
        ws,
        "add",
        "HY-2024-002",
        "actions",
        "Draft the FAQ",
        "--owner",
        "王芳",
        "--due",
        "2024-10-30",
        "--deliverable",
        "FAQ",
        "--now",
        NOW,
    )
    assert (result.code, result.out) == (
        0,
        "added HY-2024-002/A4: task Draft the FAQ, owner 王芳, due 2024-10-30, deliverable FAQ, "
        "status open\n"
        "  starts action.due A4 (Draft the FAQ): due 2024-10-30 23:59\n",
    ), result
    missing = invoke("-C", ws, "add", "HY-2024-002", "actions", "no owner")
    assert (missing.code, missing.err) == (2, "collab: missing --owner, --due, --deliverable\n")
