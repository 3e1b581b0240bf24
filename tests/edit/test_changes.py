"""The authoring library: `new_record`, `set_field`, `mark_done`, `add_progress`, `renumber`.

The edit tests start from hand-written files (comments on their own lines and after values,
unusual key order, quoted strings, flow collections, a BOM, CRLF) and check that exactly the
edited lines change.
"""

from __future__ import annotations

import difflib
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from collabkit.edit.changes import add_progress, mark_done, set_field
from collabkit.edit.new import new_record
from collabkit.edit.renumber import renumber
from collabkit.errors import CollabError, EditRefused, UnknownRecord, UsageError
from collabkit.lint import lint
from collabkit.workspace import Workspace
from tests.helpers import MINIMAL_CONFIG, build_tree

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 10, 14, 9, 0, tzinfo=SHANGHAI)

MEETING = """\
# 会议纪要 —— 手写,不是 collab new 生成的
kind: meeting
id: HY-2024-007
status: held   # 键的顺序与模板不同
title: "季度复盘: 'Q3' 会"   # 带引号的标题
host: 张伟
recorder: '李娜'
start: 2024-10-08 14:00
end: 2024-10-08 15:00   # 60 分钟
objective: 同步进度
location: 301
attendees: [张伟, 李娜, 王芳]   # 流式列表
agenda_sent_at: 2024-10-03 09:00
decisions: ["做 A", '做 B']

# ---- 行动项 ----
actions:
    # 第一项
    - id: A1
      task: 写方案
      owner: 王芳       # 销售部
      due: 2024-10-20
      deliverable: 《方案》
      status: open
    - {id: A2, task: "联调", owner: 赵磊, due: 2024-10-25, deliverable: 报告, status: open}
minutes_sent_at: 2024-10-08 18:00
links: [RW-2024-001]
# 文件末尾的注释
"""

COLLABORATION = """\
# 协作 —— 手写
kind: collaboration
id: XZ-2024-005
title: '素材制作'
status: in_progress      # 进行中
initiator: {department: 市场部, contact: 张伟}
partners:
- department: 技术部      # 序列不缩进
  contact: 赵磊
planned_start: 2024-10-01
planned_end: 2024-10-31
requested_at: 2024-09-28 10:00
accepted_by_partner_at: 2024-09-28 16:00
progress:
- {at: 2024-10-08 17:00, note: "启动", percent: 10}
- at: 2024-10-10 17:00
  note: 初稿   # 初稿完成
  percent: 30
mode: "每日17:00同步"
# 结尾注释
"""

REQUIREMENT = """\
kind: requirement
id: RW-2024-001
title: 复购活动
requester:   # 需求方
  department: 市场部
  lead: 张伟
receiver: {department: 运营部}   # 承接方,负责人未定
priority: high
due: 2024-11-30
status: draft
"""

NOTICE = """\
kind: notice
id: TZ-2024-001
title: 周会通知
group: 【市场部】周会20241014
initiator: 张伟
at: 2024-10-14 10:00
todos:
  - {id: T1, task: 交周报, owner: 李娜, due: 2024-10-15}   # 待办
status: sent
"""

VARIANTS = {
    "plain": lambda text: text.encode("utf-8"),
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "bom+crlf": lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
}


def hand_written(ws: Path, variant: str = "plain") -> Workspace:
    encode = VARIANTS[variant]
    build_tree(
        ws,
        {
            "records/meetings/HY-2024-007.yaml": encode(MEETING),
            "records/collaborations/XZ-2024-005.yaml": encode(COLLABORATION),
            "records/requirements/RW-2024-001.yaml": encode(REQUIREMENT),
            "records/notices/TZ-2024-001.yaml": encode(NOTICE),
        },
    )
    workspace = Workspace.open(ws)
    assert errors(workspace) == []
    return workspace


def errors(workspace: Workspace) -> list[str]:
    return [
        f"{f.file}:{f.line} {f.code} {f.message}" for f in lint(workspace) if f.severity == "error"
    ]


def changes(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two versions of a file, with their line ends."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added


# --- edits keep everything else byte for byte -------------------------------------------

Edit = Callable[[Workspace], object]

EDITS: dict[str, tuple[str, Edit, list[str], list[str]]] = {
    "set nested": (
        "records/meetings/HY-2024-007.yaml",
        lambda w: set_field(w, "HY-2024-007", "actions.A1.due", "2024-10-22"),
        ["      due: 2024-10-20\n"],
        ["      due: 2024-10-22\n"],
    ),
    "set top-level keeps trailing comment": (
        "records/meetings/HY-2024-007.yaml",
        lambda w: set_field(w, "HY-2024-007", "location", "302"),
        ["location: 301\n"],
        ["location: 302\n"],
    ),
    "set in flow item": (
        "records/meetings/HY-2024-007.yaml",
        lambda w: set_field(w, "HY-2024-007", "actions.A2.owner", "李娜"),
        [
            '    - {id: A2, task: "联调", owner: 赵磊, due: 2024-10-25, deliverable: 报告, '
            "status: open}\n"
        ],
        [
            '    - {id: A2, task: "联调", owner: 李娜, due: 2024-10-25, deliverable: 报告, '
            "status: open}\n"
        ],
    ),
    "set dotted into flow mapping": (
        "records/requirements/RW-2024-001.yaml",
        lambda w: set_field(w, "RW-2024-001", "receiver.lead", "李娜"),
        ["receiver: {department: 运营部}   # 承接方,负责人未定\n"],
        ["receiver: {department: 运营部, lead: 李娜} # 承接方,负责人未定\n"],
    ),
    "set dotted in block mapping": (
        "records/requirements/RW-2024-001.yaml",
        lambda w: set_field(w, "RW-2024-001", "requester.lead", "王芳"),
        ["  lead: 张伟\n"],
        ["  lead: 王芳\n"],
    ),
    "set new key": (
        "records/requirements/RW-2024-001.yaml",
        lambda w: set_field(w, "RW-2024-001", "background", "复购率同比下降5%"),
        [],
        ["background: 复购率同比下降5%\n"],
    ),
    "set list index": (
        "records/collaborations/XZ-2024-005.yaml",
        lambda w: set_field(w, "XZ-2024-005", "partners.0.contact", "王芳"),
        ["  contact: 赵磊\n"],
        ["  contact: 王芳\n"],
    ),
    "done block item": (
        "records/meetings/HY-2024-007.yaml",
        lambda w: mark_done(w, "HY-2024-007/A1", datetime(2024, 10, 21, 10, 0, tzinfo=SHANGHAI)),
        ["      status: open\n"],
        ["      status: done\n", "      done_at: 2024-10-21 10:00\n"],
    ),
    "done flow item": (
        "records/meetings/HY-2024-007.yaml",
        lambda w: mark_done(w, "HY-2024-007/A2", datetime(2024, 10, 21, 10, 0, tzinfo=SHANGHAI)),
        [
            '    - {id: A2, task: "联调", owner: 赵磊, due: 2024-10-25, deliverable: 报告, '
            "status: open}\n"
        ],
        [
            '    - {id: A2, task: "联调", owner: 赵磊, due: 2024-10-25, deliverable: 报告, '
            "status: done, done_at: 2024-10-21 10:00}\n"
        ],
    ),
    "done notice todo": (
        "records/notices/TZ-2024-001.yaml",
        lambda w: mark_done(w, "TZ-2024-001/T1", datetime(2024, 10, 15, 8, 0, tzinfo=SHANGHAI)),
        ["  - {id: T1, task: 交周报, owner: 李娜, due: 2024-10-15}   # 待办\n"],
        [
            "  - {id: T1, task: 交周报, owner: 李娜, due: 2024-10-15, status: done, "
            "done_at: 2024-10-15 08:00} # 待办\n"
        ],
    ),
    "progress on collaboration": (
        "records/collaborations/XZ-2024-005.yaml",
        lambda w: add_progress(w, "XZ-2024-005", "过半 # 不是注释", 60, NOW),
        [],
        ["- at: 2024-10-14 09:00\n", "  note: '过半 # 不是注释'\n", "  percent: 60\n"],
    ),
    "progress on action item": (
        "records/meetings/HY-2024-007.yaml",
        lambda w: add_progress(w, "HY-2024-007/A1", "完成一半", None, NOW),
        [],
        [
            "      progress:\n",
            "          - at: 2024-10-14 09:00\n",
            "            note: 完成一半\n",
        ],
    ),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", list(EDITS))
def test_edit_changes_only_the_edited_lines(ws: Path, name: str, variant: str) -> None:
    rel, edit, removed, added = EDITS[name]
    workspace = hand_written(ws, variant)
    path = ws / rel
    before = path.read_bytes()
    edit(workspace)
    after = path.read_bytes()
    eol = "\r\n" if "crlf" in variant else "\n"
    assert changes(before, after) == (
        [line.replace("\n", eol) for line in removed],
        [line.replace("\n", eol) for line in added],
    )
    assert after.startswith(b"\xef\xbb\xbf") == variant.startswith("bom")
    if "crlf" in variant:
        assert after.count(b"\n") == after.count(b"\r\n")
    else:
        assert b"\r" not in after
    assert errors(workspace) == []
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_progress_starts_a_log_where_the_model_has_it(ws: Path) -> None:
    text = "".join(
        line + "\n"
        for line in COLLABORATION.splitlines()
        if not line.startswith(("progress:", "- {at", "- at:", "  note:", "  percent:"))
    )
    build_tree(ws, {"records/collaborations/XZ-2024-005.yaml": text})
    workspace = Workspace.open(ws)
    path = add_progress(workspace, "XZ-2024-005", "第一行\n第二行", 5, NOW).path
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("accepted_by_partner_at: 2024-09-28 16:00")
    assert lines[at + 1 : at + 8] == [
        "progress:",
        "- at: 2024-10-14 09:00",
        "  note: |",
        "    第一行",
        "    第二行",
        "  percent: 5",
        'mode: "每日17:00同步"',
    ]
    assert errors(workspace) == []


def test_done_twice_changes_nothing(ws: Path) -> None:
    workspace = hand_written(ws)
    at = datetime(2024, 10, 21, 10, 0, tzinfo=SHANGHAI)
    first = mark_done(workspace, "HY-2024-007/A1", at)
    assert first.changed
    before = first.path.read_bytes()
    again = mark_done(workspace, "HY-2024-007/A1", datetime(2024, 10, 22, tzinfo=SHANGHAI))
    assert not again.changed and first.path.read_bytes() == before
    assert again.unchanged is not None
    assert again.unchanged.text("zh") == "HY-2024-007/A1: 无需修改,已是 done"


def test_done_at_in_another_zone_keeps_its_offset(ws: Path) -> None:
    workspace = hand_written(ws)
    at = datetime(2024, 10, 21, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    path = mark_done(workspace, "HY-2024-007/A1", at).path
    assert "      done_at: 2024-10-21T10:00+02:00\n" in path.read_text(encoding="utf-8")


def test_set_text_that_looks_like_yaml_syntax_stays_text(ws: Path) -> None:
    workspace = hand_written(ws)
    for text in ["#1 优先级", "修复 #42", "a: b", "&锚 x", "[不是列表"]:
        path = set_field(workspace, "RW-2024-001", "title", text).path
        record = Workspace.open(ws).get("RW-2024-001").record
        assert record.title == text, path.read_text(encoding="utf-8")


def test_set_empty_value_clears_the_field(ws: Path) -> None:
    workspace = hand_written(ws)
    path = set_field(workspace, "RW-2024-001", "due", "").path
    assert "due:\n" in path.read_text(encoding="utf-8")
    assert Workspace.open(ws).get("RW-2024-001").record.due is None


# --- refused edits leave the file alone --------------------------------------------------

INVALID = "records/meetings/HY-2024-007.yaml: 已拒绝,记录将不合法: "
REFUSED: dict[str, tuple[Edit, type[CollabError], str]] = {
    "impossible date": (
        lambda w: set_field(w, "HY-2024-007", "actions.A1.due", "2024-02-30"),
        EditRefused,
        INVALID + "A1.due: '2024-02-30' 不是真实存在的日期",
    ),
    "not a date": (
        lambda w: set_field(w, "HY-2024-007", "start", "下周一"),
        EditRefused,
        INVALID + "start: '下周一' 不是有效的日期时间:请用 ISO 8601 格式,如 2024-09-30 14:00",
    ),
    "vague deadline": (
        lambda w: set_field(w, "HY-2024-007", "actions.A1.due", "尽快"),
        EditRefused,
        INVALID + "A1.due: '尽快' 不是截止时间:请写明日期,如 2024-09-30(做什么、谁来做、何时做)",
    ),
    "unknown field": (
        lambda w: set_field(w, "HY-2024-007", "colour", "red"),
        EditRefused,
        INVALID + "未知的键 'colour'",
    ),
    "kind": (
        lambda w: set_field(w, "HY-2024-007", "kind", "issue"),
        EditRefused,
        "不能修改 kind:记录的类型不可更改",
    ),
    "id": (
        lambda w: set_field(w, "HY-2024-007", "id", "HY-2024-008"),
        EditRefused,
        "不能修改 id:更改编号请用 `collab renumber`",
    ),
    "bad status": (
        lambda w: set_field(w, "HY-2024-007", "status", "finished"),
        EditRefused,
        INVALID + "status: 'finished' 不是可选值之一: 'planned'、'held'、'closed' 或 'cancelled'",
    ),
    "unknown action (set)": (
        lambda w: set_field(w, "HY-2024-007", "actions.A9.due", "2024-10-30"),
        EditRefused,
        "记录中没有 'actions.A9'",
    ),
    "unknown action (done)": (
        lambda w: mark_done(w, "HY-2024-007/A9", NOW),
        EditRefused,
        "actions 中没有条目 A9",
    ),
    "done without action": (
        lambda w: mark_done(w, "HY-2024-007", NOW),
        UsageError,
        "`collab done` 作用于条目,请写成 HY-2024-007/A1",
    ),
    "unknown record": (
        lambda w: set_field(w, "HY-2024-099", "title", "x"),
        UnknownRecord,
        "工作区中没有记录 HY-2024-099",
    ),
    "path as id": (
        lambda w: set_field(w, "../x", "title", "x"),
        UnknownRecord,
        "'../x' 不是记录编号(编号形如 RW-2024-001)",
    ),
    "path as ref": (
        lambda w: mark_done(w, "../../etc/passwd/A1", NOW),
        UnknownRecord,
        "'../../etc/passwd/A1' 不是记录编号或 编号/条目(如 HY-2024-003/A2)",
    ),
    "progress on a meeting": (
        lambda w: add_progress(w, "HY-2024-007", "x", None, NOW),
        EditRefused,
        "进展只能记在协作事项或行动项上(ID/A1)",
    ),
    "progress on unknown item": (
        lambda w: add_progress(w, "HY-2024-007/A7", "x", None, NOW),
        EditRefused,
        "actions 中没有条目 A7",
    ),
    "percent 150": (
        lambda w: add_progress(w, "XZ-2024-005", "x", 150, NOW),
        EditRefused,
        "records/collaborations/XZ-2024-005.yaml: 已拒绝,记录将不合法: progress.2.percent: "
        "'150' 不能大于 100",
    ),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_edit_leaves_every_file_unchanged(ws: Path, name: str) -> None:
    edit, error, message = REFUSED[name]
    workspace = hand_written(ws, "bom+crlf")
    before = {p: p.read_bytes() for p in (ws / "records").rglob("*") if p.is_file()}
    with pytest.raises(error) as info:
        edit(workspace)
    assert (str(info.value), info.value.exit_code) == (message, 2)
    after = {p: p.read_bytes() for p in (ws / "records").rglob("*") if p.is_file()}
    assert after == before


# --- new ----------------------------------------------------------------------------------

KINDS = {
    "requirement": "records/requirements/RW",
    "meeting": "records/meetings/HY",
    "issue": "records/issues/WT",
    "collaboration": "records/collaborations/XZ",
    "customer-request": "records/customer-requests/KH",
    "notice": "records/notices/TZ",
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_allocates_next_id_per_prefix_and_year(ws: Path, kind: str) -> None:
    prefix = KINDS[kind]
    folder = ws / prefix.rsplit("/", 1)[0]
    folder.mkdir(parents=True)
    stem = prefix.rsplit("/", 1)[1]
    workspace = Workspace.open(ws)
    values = {"status": "draft"} if kind == "issue" else {}  # the CLI works the status out
    first = new_record(workspace, kind, NOW, values)
    assert workspace.rel(first) == f"{prefix}-2024-001.yaml"
    second = new_record(workspace, kind, NOW, {**values, "title": "第二个"})
    assert second.name == f"{stem}-2024-002.yaml"
    next_year = new_record(workspace, kind, datetime(2025, 1, 2, tzinfo=SHANGHAI), values)
    assert next_year.name == f"{stem}-2025-001.yaml"
    assert errors(workspace) == []
    infos = [f for f in lint(workspace) if f.severity != "error"]
    assert {f.severity for f in infos} <= {"info"}


def test_new_counts_past_gaps_and_999(ws: Path) -> None:
    body = "kind: requirement\nid: {id}\ntitle: x\nstatus: draft\n"
    build_tree(
        ws,
        {
            f"records/requirements/{i}.yaml": body.format(id=i)
            for i in ("RW-2024-001", "RW-2024-999", "RW-2023-1500")
        },
    )
    workspace = Workspace.open(ws)
    assert new_record(workspace, "requirement", NOW, {}).name == "RW-2024-1000.yaml"
    assert new_record(workspace, "requirement", NOW, {}).name == "RW-2024-1001.yaml"


def test_new_takes_the_year_in_the_workspace_zone(ws: Path) -> None:
    workspace = Workspace.open(ws)
    new_year_in_shanghai = datetime(2024, 12, 31, 17, 30, tzinfo=ZoneInfo("UTC"))
    assert new_record(workspace, "meeting", new_year_in_shanghai, {}).name == "HY-2025-001.yaml"


def test_new_skips_an_id_taken_meanwhile(ws: Path) -> None:
    """A file that appears between listing and creating (another process) is skipped."""
    workspace = Workspace.open(ws)
    original = workspace.record_paths
    (ws / "records/notices").mkdir(parents=True)

    def racing() -> list[Path]:
        found = original()
        path = ws / "records/notices/TZ-2024-001.yaml"
        if not path.exists():
            path.write_text("kind: notice\nid: TZ-2024-001\nstatus: draft\n", encoding="utf-8")
        return found

    workspace.record_paths = racing  # type: ignore[method-assign]
    assert new_record(workspace, "notice", NOW, {}).name == "TZ-2024-002.yaml"


def test_new_with_invalid_value_writes_nothing(ws: Path) -> None:
    workspace = Workspace.open(ws)
    with pytest.raises(EditRefused, match="urgency"):
        new_record(workspace, "issue", NOW, {"urgency": "very", "status": "draft"})
    assert list((ws / "records").rglob("*.yaml")) == []


def test_new_unknown_kind(ws: Path) -> None:
    with pytest.raises(UsageError) as info:
        new_record(Workspace.open(ws), "task", NOW, {})
    assert info.value.text("en") == (
        "unknown kind 'task' (one of: requirement, meeting, issue, collaboration, "
        "customer-request, notice)"
    )


def test_new_values_with_yaml_syntax_stay_data(ws: Path) -> None:
    workspace = Workspace.open(ws)
    title = "复盘: 'Q3' # 第2轮 [草稿] {v1} - yes"
    path = new_record(workspace, "requirement", NOW, {"title": title})
    assert Workspace.open(ws).get(path.stem).record.title == title


def test_workspace_template_overrides_the_shipped_one(ws: Path) -> None:
    build_tree(
        ws,
        {
            "templates/new/notice.yaml.j2": (
                "# 本公司的通知模板\nkind: notice\nid: {{ id }}\ntitle: {{ title | y }}\n"
                "status: draft\n"
            )
        },
    )
    path = new_record(Workspace.open(ws), "notice", NOW, {"title": "周会"})
    assert path.read_text(encoding="utf-8") == (
        "# 本公司的通知模板\nkind: notice\nid: TZ-2024-001\ntitle: 周会\nstatus: draft\n"
    )


# --- renumber ----------------------------------------------------------------------------

LINKING = """\
# 引用了 RW-2024-002 的会议(注释里的编号不改)
kind: meeting
id: HY-2024-001
title: 评审会   # 标题
status: planned
links:   # 相关记录
  - RW-2024-002
  - RW-2024-002/P1
  - RW-2024-001
"""


def requirement(record_id: str, title: str) -> str:
    return (
        f"# 需求 —— {title}\nkind: requirement\nid: {record_id}\n"
        f"title: {title}   # 名称\nstatus: draft\n"
        "pending:\n  - {id: P1, question: 预算?, owner: 张伟, raised_at: 2024-10-10 10:00}\n"
    )


def test_renumber_renames_rewrites_id_and_links(ws: Path) -> None:
    build_tree(
        ws,
        {
            "records/requirements/RW-2024-001.yaml": requirement("RW-2024-001", "甲"),
            "records/requirements/RW-2024-002.yaml": requirement("RW-2024-002", "乙"),
            "records/meetings/HY-2024-001.yaml": LINKING,
            "records/notices/TZ-2024-001.yaml": (
                "kind: notice\nid: TZ-2024-001\nstatus: draft\nlinks: [RW-2024-002, HY-2024-001]\n"
            ),
        },
    )
    workspace = Workspace.open(ws)
    meeting = ws / "records/meetings/HY-2024-001.yaml"
    before = meeting.read_bytes()
    result = renumber(workspace, "RW-2024-002")
    assert (result.old, result.new) == ("RW-2024-002", "RW-2024-003")
    assert not (ws / "records/requirements/RW-2024-002.yaml").exists()
    renamed = (ws / "records/requirements/RW-2024-003.yaml").read_text(encoding="utf-8")
    assert renamed == requirement("RW-2024-002", "乙").replace("id: RW-2024-002", "id: RW-2024-003")
    assert sorted(p.name for p in result.relinked) == ["HY-2024-001.yaml", "TZ-2024-001.yaml"]
    assert changes(before, meeting.read_bytes()) == (
        ["  - RW-2024-002\n", "  - RW-2024-002/P1\n"],
        ["  - RW-2024-003\n", "  - RW-2024-003/P1\n"],
    )
    notice = (ws / "records/notices/TZ-2024-001.yaml").read_text(encoding="utf-8")
    assert "links: [RW-2024-003, HY-2024-001]\n" in notice
    assert errors(workspace) == []


def test_renumber_one_of_two_records_with_the_same_id(ws: Path) -> None:
    """After a merge two files hold RW-2024-002; the one named by its path gets a new id."""
    ours = requirement("RW-2024-002", "我们的")
    theirs = requirement("RW-2024-002", "他们的")
    build_tree(
        ws,
        {
            "records/requirements/RW-2024-001.yaml": requirement("RW-2024-001", "甲"),
            "records/requirements/RW-2024-002.yaml": ours,
            "records/requirements/merged/RW-2024-002.yaml": theirs,
        },
    )
    workspace = Workspace.open(ws)
    assert any("duplicate" in e for e in errors(workspace))
    with pytest.raises(UsageError) as info:
        renumber(workspace, "RW-2024-002")
    assert str(info.value) == (
        "RW-2024-002 出现在多个文件中(records/requirements/RW-2024-002.yaml, "
        "records/requirements/merged/RW-2024-002.yaml);请指定要改编号的文件"
    )
    result = renumber(workspace, str(ws / "records/requirements/merged/RW-2024-002.yaml"))
    assert result.new == "RW-2024-003"
    assert result.path == ws / "records/requirements/merged/RW-2024-003.yaml"
    assert result.path.read_text(encoding="utf-8") == theirs.replace(
        "id: RW-2024-002", "id: RW-2024-003"
    )
    assert (ws / "records/requirements/RW-2024-002.yaml").read_text(encoding="utf-8") == ours
    assert errors(workspace) == []


def test_renumber_refuses_a_file_outside_the_records(ws: Path, tmp_path: Path) -> None:
    outside = build_tree(
        tmp_path / "elsewhere", {"RW-2024-001.yaml": requirement("RW-2024-001", "x")}
    )
    with pytest.raises(UsageError) as info:
        renumber(Workspace.open(ws), str(outside / "RW-2024-001.yaml"))
    assert info.value.text("en") == (
        f"{outside / 'RW-2024-001.yaml'} is not a record file of this workspace"
    )


def test_renumber_unknown_id(ws: Path) -> None:
    with pytest.raises(UnknownRecord):
        renumber(Workspace.open(ws), "RW-2024-404")


# --- a process killed while it writes ----------------------------------------------------

KILLER = textwrap.dedent(
    """\
    import os, signal, sys
    from collabkit.io import atomic
    from collabkit.cli import run

    where, args = sys.argv[1], sys.argv[2:]
    real = {"replace": os.replace, "fsync": os.fsync, "link": getattr(os, "link", None)}

    def die(name):
        def wrapped(*a, **k):
            if name == "after-replace":
                real["replace"](*a, **k)
            os.kill(os.getpid(), signal.SIGKILL)
        return wrapped

    if where in ("replace", "after-replace"):
        atomic.os.replace = die(where)
    elif where == "fsync":
        atomic.os.fsync = die(where)
    sys.exit(run(args))
    """
)


def killed(ws: Path, where: str, *args: str) -> int:
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, where, "-C", str(ws), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc.returncode


KILLED_EDITS = {
    "set": ("HY-2024-007", ["set", "HY-2024-007", "location", "302"]),
    "add": (
        "HY-2024-007",
        [
            "add",
            "HY-2024-007",
            "actions",
            "复盘",
            "--owner",
            "王芳",
            "--due",
            "2024-10-30",
            "--deliverable",
            "纪要",
        ],
    ),
    "verb": ("HY-2024-007", ["close", "HY-2024-007"]),
}
KILLS = [("fsync", "old"), ("replace", "old"), ("after-replace", "new")]


@pytest.mark.parametrize(
    ("edit", "where", "outcome"),
    [("set", *kill) for kill in KILLS]
    + [(e, *kill) for e in ("add", "verb") for kill in KILLS[1:]],
)
def test_killed_edit_leaves_old_or_new_file(
    ws: Path, tmp_path: Path, edit: str, where: str, outcome: str
) -> None:
    """A process killed while it writes leaves the old file or the new one: the new one is
    what the same command writes when nobody kills it."""
    from collabkit.cli import run

    record_id, args = KILLED_EDITS[edit]
    rel = f"records/meetings/{record_id}.yaml"
    workspace = hand_written(ws)
    calm = hand_written(build_tree(tmp_path / "calm", {"collab.yaml": MINIMAL_CONFIG}))
    assert run(["-C", str(calm.root), *args, "--now", "2024-10-14T09:00+08:00"]) == 0
    new = (calm.root / rel).read_bytes()
    path = ws / rel
    old = path.read_bytes()
    assert new != old
    code = killed(ws, where, *args, "--now", "2024-10-14T09:00+08:00")
    assert code == -signal.SIGKILL
    assert path.read_bytes() == (old if outcome == "old" else new)
    # a temp file may be left behind; it is hidden, and nothing reads it as a record
    assert errors(workspace) == []
    assert [p.name for p in workspace.record_paths() if p.parent == path.parent] == [path.name]
    set_field(workspace, record_id, "location", "之后的修改")
    assert Workspace.open(ws).get(record_id).record.location == "之后的修改"


def test_killed_new_leaves_no_empty_record(ws: Path) -> None:
    workspace = Workspace.open(ws)
    code = killed(ws, "fsync", "new", "notice", "--no-input", "--now", "2024-10-14T09:00+08:00")
    assert code == -signal.SIGKILL
    assert errors(workspace) == []
    assert new_record(workspace, "notice", NOW, {}).name == "TZ-2024-001.yaml"


def test_kill_at_random_moments_while_writing_a_large_file(ws: Path) -> None:
    actions = "".join(
        f"  - id: A{i}\n    task: 任务{i} # 注释\n    owner: 王芳\n"
        f"    due: 2024-10-{i % 28 + 1:02d}\n    deliverable: 报告{i}\n    status: open\n"
        for i in range(1, 301)
    )
    text = MEETING.split("# ---- 行动项 ----")[0] + "actions:\n" + actions
    build_tree(ws, {"records/meetings/HY-2024-007.yaml": text})
    path = ws / "records/meetings/HY-2024-007.yaml"
    loop = textwrap.dedent(
        """\
        import sys
        from collabkit.edit.changes import set_field
        from collabkit.workspace import Workspace
        ws = Workspace.open(__import__("pathlib").Path(sys.argv[1]))
        n = 0
        while True:
            n += 1
            set_field(ws, "HY-2024-007", "location", "A" if n % 2 else "B")
            print(n, flush=True)
        """
    )
    variants = {text.encode()} | {
        text.replace("location: 301", f"location: {v}").encode() for v in "AB"
    }
    for delay in (0.9, 1.3):
        proc = subprocess.Popen(
            [sys.executable, "-c", loop, str(ws)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # it has written at least once
        time.sleep(delay - 0.8)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        assert path.read_bytes() in variants
    assert errors(Workspace.open(ws)) == []


# --- a file that changed on disk after collab read it is never overwritten -----------------


def test_an_edit_never_overwrites_what_changed_meanwhile(
    invoke,
    ws: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """Another editor saves (or a `git pull` lands) while collab validates its edit: the edit
    is refused and the other change stays."""
    import collabkit.edit.document as document

    hand_written(ws)
    path = ws / "records/meetings/HY-2024-007.yaml"
    theirs = path.read_bytes().replace(b"location: 301", b"location: 401")
    validated = document.validated

    def meanwhile(*args: object, **kwargs: object) -> object:
        path.write_bytes(theirs)  # someone else's save, just before collab writes
        return validated(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(document, "validated", meanwhile)
    result = invoke("-C", ws, "set", "HY-2024-007", "host", "王芳")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "collab: records/meetings/HY-2024-007.yaml: 读取后文件已在磁盘上被修改(其他编辑器保存、"
        "git pull 或切换分支?),未写入;请重新运行该命令\n",
    )
    assert path.read_bytes() == theirs
    assert sorted(p.name for p in path.parent.iterdir()) == ["HY-2024-007.yaml"]  # no temp file


@pytest.mark.parametrize(
    "command",
    [
        ["done", "HY-2024-007/A1"],
        ["add", "HY-2024-007", "decisions", "x"],
        ["renumber", "HY-2024-007"],
    ],
)
def test_no_writer_overwrites_a_changed_file(
    invoke,
    ws: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],  # type: ignore[no-untyped-def]
) -> None:
    import collabkit.edit.document as document

    hand_written(ws)
    path = ws / "records/meetings/HY-2024-007.yaml"
    theirs = path.read_bytes() + b"# someone else's line\n"
    validated = document.validated

    def meanwhile(*args: object, **kwargs: object) -> object:
        if path.exists():
            path.write_bytes(theirs)
        return validated(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(document, "validated", meanwhile)
    monkeypatch.setattr("collabkit.edit.renumber.check_valid", lambda *a, **k: meanwhile(*a, **k))
    result = (
        invoke("-C", ws, *command, "--now", "2024-10-14T09:00+08:00")
        if command[0] != ("renumber")
        else invoke("-C", ws, *command)
    )
    assert result.code == 2, result
    assert "读取后文件已在磁盘上被修改" in result.err
    assert path.read_bytes() == theirs
    assert sorted(p.name for p in path.parent.iterdir()) == ["HY-2024-007.yaml"]
