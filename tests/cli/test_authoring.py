"""`collab init/new/set/done/progress/list/show/renumber` from the command line (SPEC §4)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from collabkit.workspace import Workspace
from tests.helpers import NOW, build_tree, git, run_collab

KINDS = {
    "requirement": "records/requirements/RW-2024-001.yaml",
    "meeting": "records/meetings/HY-2024-001.yaml",
    "issue": "records/issues/WT-2024-001.yaml",
    "collaboration": "records/collaborations/XZ-2024-001.yaml",
    "customer-request": "records/customer-requests/KH-2024-001.yaml",
    "notice": "records/notices/TZ-2024-001.yaml",
}

MEETING = """\
# 手写的会议纪要
kind: meeting
id: HY-2024-007
status: held   # 顺序与模板不同
title: "季度复盘: 'Q3' 会"
host: 张伟
recorder: '李娜'
start: 2024-10-08 14:00
end: 2024-10-08 15:00   # 60 分钟
objective: 同步进度
location: 301
attendees: [张伟, 李娜]
agenda_sent_at: 2024-10-03 09:00
actions:
    # 第一项
    - id: A1
      task: 写方案
      owner: 王芳       # 销售部
      due: 2024-10-20
      deliverable: 《方案》
      status: open
    - {id: A2, task: 联调, owner: 赵磊, due: 2024-10-25, deliverable: 报告, status: open}
minutes_sent_at: 2024-10-08 18:00
# 末尾注释
"""


def lint_json(invoke, ws: Path) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "lint", "--format", "json")
    assert result.code == 0, result
    findings: list[dict[str, object]] = json.loads(result.out)
    return findings


def record(ws: Path, record_id: str):  # type: ignore[no-untyped-def]
    return Workspace.open(ws).get(record_id).record


def one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("collab: "), result
    assert "Traceback" not in result.err
    return str(lines[0])


# --- init ---------------------------------------------------------------------------------


def test_init_creates_a_workspace_that_lints_clean(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "team"
    result = invoke("init", target)
    assert result.code == 0, result
    config = (target / "collab.yaml").read_text(encoding="utf-8")
    assert "language: zh" in config and "timezone: Asia/Shanghai" in config
    assert sum(line.lstrip().startswith("#") for line in config.splitlines()) >= 2
    assert "  # " in config  # comments after values too
    for folder in (
        "requirements",
        "meetings",
        "issues",
        "collaborations",
        "customer-requests",
        "notices",
    ):
        assert (target / "records" / folder).is_dir()
        assert f"records/{folder}" in result.out
    assert ".collab-cache/" in (target / ".gitignore").read_text(encoding="utf-8")
    assert (target / ".github/workflows/collab.yml").is_file()
    lint = invoke("-C", target, "lint")
    assert (lint.code, lint.out) == (0, ""), lint


def test_init_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("init", tmp_path / "w", "--lang", "en")
    assert result.code == 0, result
    config = (tmp_path / "w/collab.yaml").read_text(encoding="utf-8")
    assert "language: en" in config
    created = invoke("-C", tmp_path / "w", "new", "meeting", "--no-input", "--now", NOW)
    assert created.code == 0, created
    text = (tmp_path / "w" / created.out.strip()).read_text(encoding="utf-8")
    assert "# Cross-department meeting" in text and "会议" not in text


def test_init_refuses_an_existing_workspace(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "w"
    assert invoke("init", target).code == 0
    (target / "collab.yaml").write_text("language: en  # mine\n", encoding="utf-8")
    result = invoke("init", target, "--lang", "zh")
    assert result.code == 2, result
    assert one_error_line(result) == f"collab: {target / 'collab.yaml'} 已存在:这里已经是一个工作区"
    assert (target / "collab.yaml").read_text(encoding="utf-8") == "language: en  # mine\n"


def test_init_keeps_existing_files(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = build_tree(tmp_path / "w", {".gitignore": "node_modules/\n"})
    assert invoke("init", target).code == 0
    assert (target / ".gitignore").read_text(encoding="utf-8") == "node_modules/\n"


def test_init_bad_language(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("init", tmp_path / "w", "--lang", "fr")
    assert result.code == 2, result
    assert "fr" in one_error_line(result)
    assert not (tmp_path / "w/collab.yaml").exists()


def test_init_in_a_git_subfolder_puts_the_workflow_at_the_top(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    assert invoke("init", repo / "coordination").code == 0
    workflow = (repo / ".github/workflows/collab.yml").read_text(encoding="utf-8")
    assert "coordination" in workflow


# --- new ----------------------------------------------------------------------------------


NEXT = {
    "requirement": "补全 title, requester.department, requester.lead, receiver.department, "
    "receiver.lead, background, goal, description, due(collab set RW-2024-001 字段 值),"
    "然后 collab send RW-2024-001",
    "meeting": "补全 title, objective, start, end, location, host, recorder, attendees"
    "(collab set HY-2024-001 字段 值),然后 collab send-agenda HY-2024-001",
    "issue": "补全 title, reporter, urgency, department, owner(collab set WT-2024-001 字段 值),"
    "然后 collab open WT-2024-001",
    "collaboration": "补全 title, initiator.department, initiator.contact, partners, "
    "planned_start, planned_end(collab set XZ-2024-001 字段 值),然后 collab send XZ-2024-001",
    "customer-request": "补全 customer, contact, description, owner(collab set KH-2024-001 "
    "字段 值),然后 collab open KH-2024-001",
    "notice": "补全 title, group, initiator(collab set TZ-2024-001 字段 值),"
    "然后 collab send TZ-2024-001",
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_prints_the_path_of_a_valid_draft(invoke, ws: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "new", kind, "--no-input", "--now", NOW)
    assert result.code == 0, result
    assert result.out == KINDS[kind] + "\n"  # the path alone on stdout: `$(collab new …)`
    assert result.err == f"下一步: {NEXT[kind]}\n"
    text = (ws / KINDS[kind]).read_text(encoding="utf-8")
    assert text.startswith("#") and f"kind: {kind}\n" in text
    findings = lint_json(invoke, ws)
    assert findings, "a draft lists what it still lacks"
    assert {f["severity"] for f in findings} == {"info"}
    again = invoke("-C", ws, "new", kind, "--no-input", "--now", "2024-12-31T23:00:00+08:00")
    assert again.out.strip().endswith("-2024-002.yaml"), again
    later = invoke("-C", ws, "new", kind, "--no-input", "--now", "2025-01-01T00:30:00+08:00")
    assert later.out.strip().endswith("-2025-001.yaml"), later


def test_new_options_fill_the_skeleton(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    def new(*args: str) -> str:
        result = invoke("-C", ws, "new", *args, "--no-input", "--now", NOW)
        assert result.code == 0, result
        return Path(result.out.strip()).stem

    rw = record(
        ws,
        new(
            "requirement",
            "--title",
            "复购: 'Q3' #1",
            "--requester",
            "市场部:张伟",
            "--receiver",
            "运营部：李娜",
            "--due",
            "2024-11-30",
        ),
    )
    assert rw.title == "复购: 'Q3' #1"
    assert (rw.requester.department, rw.requester.lead) == ("市场部", "张伟")
    assert (rw.receiver.department, rw.receiver.lead) == ("运营部", "李娜")
    assert str(rw.due.date()) == "2024-11-30" and rw.status == "draft"

    hy = record(
        ws,
        new(
            "meeting",
            "--title",
            "周会",
            "--owner",
            "张伟",
            "--start",
            "2024-10-20 14:00",
            "--end",
            "2024-10-20 15:00",
        ),
    )
    assert (hy.host, hy.start.hour, hy.end.hour) == ("张伟", 14, 15)

    wt = record(
        ws,
        new(
            "issue",
            "--title",
            "支付失败",
            "--owner",
            "赵磊",
            "--department",
            "技术部",
            "--urgency",
            "high",
        ),
    )
    assert (wt.owner, wt.department, wt.urgency) == ("赵磊", "技术部", "high")
    assert wt.status == "open"  # complete enough to be live
    assert wt.reported_at.isoformat() == "2024-10-14T09:00:00+08:00"

    xz = record(
        ws,
        new(
            "collaboration",
            "--title",
            "素材",
            "--requester",
            "市场部:张伟",
            "--start",
            "2024-10-15",
            "--due",
            "2024-10-30",
        ),
    )
    assert (xz.initiator.department, xz.initiator.contact) == ("市场部", "张伟")

    kh = record(ws, new("customer-request", "--customer", "某客户", "--owner", "王芳"))
    assert (kh.customer, kh.owner) == ("某客户", "王芳")

    tz = record(ws, new("notice", "--title", "通知", "--owner", "李娜"))
    assert tz.initiator == "李娜"
    assert all(f["severity"] == "info" for f in lint_json(invoke, ws))


@pytest.mark.parametrize("kind", list(KINDS))
def test_skeletons_hold_the_events_that_close_deadlines(invoke, ws: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Every event a verb stamps on the record is in the skeleton, empty, with the command
    that sets it in its comment."""
    from collabkit.models import MODELS

    assert invoke("-C", ws, "new", kind, "--no-input", "--now", NOW).code == 0
    lines = (ws / KINDS[kind]).read_text(encoding="utf-8").splitlines()
    record_id = Path(KINDS[kind]).stem
    for verb, spec in MODELS[kind].VERBS.items():
        for event in spec.events:
            key = event.split(".")[-1]
            found = [line for line in lines if line.strip().startswith(f"{key}:")]
            if kind == "notice" and key == "at":  # set when the notice is written
                continue
            if "." in event and event.split(".")[0] in ("acceptance", "retrospective"):
                key = event.split(".")[0]  # a mapping the verb fills in
                found = [line for line in lines if line.startswith(f"{key}:")]
            assert len(found) == 1, (kind, event)
            assert "# " in found[0] and f": collab {verb} {record_id}" in found[0], found[0]
            assert found[0].split("#")[0].strip() == f"{key}:", found[0]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("issue", "--urgency", "very"), "urgency"),
        (("requirement", "--requester", "市场:张伟"), "未登记的部门 '市场'(是不是 '市场部'?)"),
        (("meeting", "--owner", "张三"), "未登记的人员 '张三'"),
    ],
)
def test_new_refuses_an_invalid_value_and_writes_nothing(  # type: ignore[no-untyped-def]
    invoke, ws: Path, args: tuple[str, ...], fragment: str
) -> None:
    result = invoke("-C", ws, "new", *args, "--no-input", "--now", NOW)
    assert result.code == 2, result
    assert fragment in one_error_line(result)
    assert list((ws / "records").rglob("*.yaml")) == []


def test_new_unknown_kind_and_no_workspace(invoke, ws: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "new", "task", "--no-input")
    assert (result.code, one_error_line(result)) == (
        2,
        "collab: 未知的记录类型 'task'(可选: requirement, meeting, issue, collaboration, "
        "customer-request, notice)",
    )
    empty = tmp_path / "nowhere"
    empty.mkdir()
    result = invoke("-C", empty, "new", "meeting", "--no-input")
    assert result.code == 2 and "collab.yaml" in one_error_line(result)


def test_no_input_never_prompts_without_stdin(ws: Path) -> None:
    for extra in (["--no-input"], []):
        proc = subprocess.run(
            [sys.executable, "-m", "collabkit", "new", "requirement", "--now", NOW, *extra],
            cwd=ws,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("records/requirements/RW-2024-00"), proc.stdout
        assert ":" not in proc.stdout.split("records/")[0]  # no prompt text


EDITOR = """\
import sys
from pathlib import Path
path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
path.write_text(text.replace("title:  #", "title: {title}  #"{extra}), encoding="utf-8")
"""


def editor(tmp_path: Path, title: str, extra: str = "") -> str:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.replace("{title}", title).replace("{extra}", extra), encoding="utf-8")
    return f"{sys.executable} {script}"


def test_new_edit_opens_the_editor_then_lints(
    invoke,
    ws: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("VISUAL", editor(tmp_path, "编辑器写的标题"))
    result = invoke("-C", ws, "new", "meeting", "--no-input", "--edit", "--now", NOW)
    assert result.code == 0, result
    assert result.out == "records/meetings/HY-2024-001.yaml\n"
    assert record(ws, "HY-2024-001").title == "编辑器写的标题"
    assert "info" not in result.err  # what a draft still lacks is not shouted at


def test_new_edit_reports_what_the_editor_broke(
    invoke,
    ws: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor(tmp_path, "x", ') + ("colour: red\\n"'))
    result = invoke("-C", ws, "new", "notice", "--no-input", "--edit", "--now", NOW)
    assert result.code == 1, result
    assert "records/notices/TZ-2024-001.yaml:" in result.err and "colour" in result.err


def test_new_edit_without_editor_writes_nothing(
    invoke,
    ws: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    result = invoke("-C", ws, "new", "notice", "--no-input", "--edit", "--now", NOW)
    assert (result.code, one_error_line(result)) == (
        2,
        "collab: --edit: 请把 VISUAL 或 EDITOR 环境变量设为你的编辑器(如 export EDITOR=vim)",
    )
    assert list((ws / "records").rglob("*.yaml")) == []


@pytest.mark.parametrize("configured", ["no-such-editor-xyz", "/nowhere/vim -f", "  "])
def test_new_edit_with_an_editor_that_does_not_exist_writes_nothing(  # type: ignore[no-untyped-def]
    invoke, ws: Path, monkeypatch: pytest.MonkeyPatch, configured: str
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", configured)
    result = invoke("-C", ws, "new", "notice", "--no-input", "--edit", "--now", NOW)
    expected = (
        "collab: --edit: 请把 VISUAL 或 EDITOR 环境变量设为你的编辑器(如 export EDITOR=vim)"
        if not configured.strip()
        else f"collab: --edit: 找不到编辑器 '{configured}'(VISUAL / EDITOR);未创建记录"
    )
    assert (result.code, result.out, one_error_line(result)) == (2, "", expected)
    assert list((ws / "records").rglob("*.yaml")) == []


def test_parallel_new_gets_distinct_ids(ws: Path) -> None:
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "collabkit",
                "-C",
                str(ws),
                "new",
                "requirement",
                "--no-input",
                "--title",
                f"并发{i}",
                "--now",
                NOW,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for i in range(5)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 5, outputs
    paths = sorted(out.strip() for out, _ in outputs)
    assert paths == [f"records/requirements/RW-2024-{i:03d}.yaml" for i in range(1, 6)]
    titles = {record(ws, Path(p).stem).title for p in paths}
    assert titles == {f"并发{i}" for i in range(5)}
    assert sorted(p.name for p in (ws / "records/requirements").iterdir()) == [
        Path(p).name for p in paths
    ]
    lint = run_collab("lint", cwd=ws)
    assert lint.code == 0, lint


# --- set / done / progress ----------------------------------------------------------------


@pytest.fixture
def meeting(ws: Path) -> Path:
    data = b"\xef\xbb\xbf" + MEETING.replace("\n", "\r\n").encode("utf-8")
    return build_tree(ws, {"records/meetings/HY-2024-007.yaml": data}) / (
        "records/meetings/HY-2024-007.yaml"
    )


def test_set_done_progress_edit_in_place_and_say_what_changed(  # type: ignore[no-untyped-def]
    invoke, ws: Path, meeting: Path
) -> None:
    before = meeting.read_bytes()
    steps = [
        (
            ("set", "HY-2024-007", "actions.A2.due", "2024-10-28", "--now", NOW),
            b"due: 2024-10-25",
            b"due: 2024-10-28",
            "HY-2024-007: actions.A2.due 2024-10-25 → 2024-10-28\n"
            "  截止时间变更 action.due A2(联调):2024-10-25 23:59 → 2024-10-28 23:59\n",
        ),
        (
            ("set", "HY-2024-007", "recorder", "王芳", "--now", NOW),
            b"recorder: '\xe6\x9d\x8e\xe5\xa8\x9c'",
            "recorder: '王芳'".encode(),
            "HY-2024-007: recorder 李娜 → 王芳\n",
        ),
        (
            ("done", "HY-2024-007/A1", "--at", "2024-10-19T17:30+08:00", "--now", NOW),
            b"      status: open\r\n",
            b"      status: done\r\n      done_at: 2024-10-19 17:30\r\n",
            "HY-2024-007/A1: status open → done, done_at 2024-10-19 17:30\n"
            "  已完成 action.due A1(写方案):截止 2024-10-20 23:59,按时\n",
        ),
        (
            ("progress", "HY-2024-007/A2", "联调一半", "--percent", "50", "--now", NOW),
            b"status: open}\r\n",
            b"status: open, progress: [{at: 2024-10-14 09:00, note: \xe8\x81\x94\xe8\xb0\x83"
            b"\xe4\xb8\x80\xe5\x8d\x8a, percent: 50}]}\r\n",
            "已添加 HY-2024-007/A2 progress.0: at 2024-10-14 09:00, note 联调一半, percent 50\n",
        ),
    ]
    expected = before
    for args, old, new, said in steps:
        result = invoke("-C", ws, *args)
        assert (result.code, result.out, result.err) == (0, said, ""), result
        assert expected.count(old) == 1
        expected = expected.replace(old, new)
        assert meeting.read_bytes() == expected, args
    again = invoke("-C", ws, "done", "HY-2024-007/A1")
    assert (again.code, again.out) == (0, "HY-2024-007/A1: 无需修改,已是 done\n")
    assert meeting.read_bytes() == expected
    assert lint_json(invoke, ws) == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("set", "HY-2024-007", "start", "2024-13-45"), "2024-13-45"),
        (("set", "HY-2024-007", "colour", "red"), "colour"),
        (("set", "HY-2024-007", "kind", "issue"), "kind"),
        (("set", "HY-2024-007", "id", "HY-2024-008"), "renumber"),
        (("set", "HY-2024-007", "actions.A9.due", "2024-10-30"), "A9"),
        (("set", "HY-2024-007", "actions.A1.due", "ASAP"), "ASAP"),
        (("set", "HY-2024-099", "title", "x"), "HY-2024-099"),
        (("set", "../x", "title", "x"), "../x"),
        (("set", "../../collab", "language", "en"), "../../collab"),
        (("done", "HY-2024-007/A9"), "A9"),
        (("done", "HY-2024-007"), "HY-2024-007/A1"),
        (("done", "HY-2024-007/A1", "--at", "昨天"), "--at"),
        (("done", "../x/A1"), "../x"),
        (("progress", "HY-2024-007/A1", "x", "--percent", "150"), "--percent"),
        (("progress", "HY-2024-007/A1", "x", "--percent", "-1"), "--percent"),
        (("progress", "HY-2024-007", "x"), "collab: 进展只能记在协作事项或行动项上(ID/A1)"),
        (("progress", "HY-2024-007/A5", "x"), "A5"),
        (("set", "HY-2024-007"), "VALUE"),
        (
            ("set", "HY-2024-007", "actions.A1.owner", "王方"),
            "未登记的人员 '王方'(是不是 '王芳'?)",
        ),
        (("set", "HY-2024-007", "attendees.1", "李四"), "未登记的人员 '李四'"),
    ],
)
def test_invalid_edit_exit_2_file_unchanged(
    invoke,
    ws: Path,
    meeting: Path,
    args: tuple[str, ...],  # type: ignore[no-untyped-def]
    fragment: str,
) -> None:
    before = {p: p.read_bytes() for p in ws.rglob("*") if p.is_file()}
    result = invoke("-C", ws, *args)
    assert result.code == 2, result
    assert fragment in result.err, result
    assert "Traceback" not in result.err and result.out == ""
    after = {p: p.read_bytes() for p in ws.rglob("*") if p.is_file()}
    assert after == before


def test_an_edit_need_not_fix_unknown_names_it_did_not_touch(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    # 钱七 is not registered: lint reports it, but setting another field is still allowed,
    # while writing a second unknown name is refused.
    path = build_tree(ws, {"records/meetings/HY-2024-007.yaml": MEETING.replace("李娜]", "钱七]")})
    path = path / "records/meetings/HY-2024-007.yaml"
    assert invoke("-C", ws, "set", "HY-2024-007", "location", "302").code == 0
    assert "location: 302" in path.read_text(encoding="utf-8")
    refused = invoke("-C", ws, "set", "HY-2024-007", "host", "钱八")
    assert refused.code == 2, refused
    assert "未登记的人员 '钱八'" in one_error_line(refused)
    assert "host: 张伟" in path.read_text(encoding="utf-8")


def test_edit_of_a_record_that_does_not_parse(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    broken = "kind: meeting\nid: HY-2024-001\ntitle: [unclosed\n"
    path = build_tree(ws, {"records/meetings/HY-2024-001.yaml": broken}) / (
        "records/meetings/HY-2024-001.yaml"
    )
    result = invoke("-C", ws, "set", "HY-2024-001", "title", "fixed")
    assert result.code == 2, result
    assert "records/meetings/HY-2024-001.yaml" in one_error_line(result)
    assert path.read_text(encoding="utf-8") == broken


# --- list / show --------------------------------------------------------------------------


def test_list_filters_and_formats(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    every = json.loads(invoke("-C", examples, "list", "--format", "json").out)
    assert [r["id"] for r in every] == sorted(r["id"] for r in every)
    assert set(every[0]) == {"id", "kind", "title", "status", "owner", "department", "file",
                             "error"}
    assert all(row["error"] is None for row in every)
    meetings = json.loads(invoke("-C", examples, "list", "meeting", "--format", "json").out)
    assert [r["id"] for r in meetings] == ["HY-2024-001", "HY-2024-002"]
    held = json.loads(invoke("-C", examples, "list", "--status", "held", "--format", "json").out)
    assert [r["id"] for r in held] == ["HY-2024-001", "HY-2024-002"]
    mine = json.loads(invoke("-C", examples, "list", "--owner", "李娜", "--format", "json").out)
    assert [(r["id"], r["owner"], r["department"]) for r in mine] == [
        ("RW-2024-001", "李娜", "运营部")
    ]
    by_email = json.loads(
        invoke("-C", examples, "list", "--owner", "lina@example.com", "--format", "json").out
    )
    assert by_email == mine
    dept = json.loads(
        invoke("-C", examples, "list", "--department", "运营部", "--format", "json").out
    )
    assert [r["id"] for r in dept] == ["RW-2024-001"]
    table = invoke("-C", examples, "list", "requirement")
    assert table.code == 0 and "RW-2024-001" in table.out and "HY-2024-001" not in table.out
    nothing = invoke("-C", examples, "list", "--owner", "周敏", "--format", "json")
    assert (nothing.code, json.loads(nothing.out)) == (0, [])


def test_list_unknown_kind(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "list", "meetings")
    assert (result.code, result.err) == (2, (
        "collab: 未知的记录类型 'meetings'(是不是 'meeting'?)(可选: requirement, meeting, issue, "
        "collaboration, customer-request, notice)\n"))


def test_show(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "show", "RW-2024-001", "--now", NOW)
    assert result.code == 0, result
    assert "RW-2024-001" in result.out and "Q3 老用户复购活动" in result.out
    data = json.loads(
        invoke("-C", examples, "show", "RW-2024-001", "--format", "json", "--now", NOW).out
    )
    assert (data["id"], data["kind"], data["file"]) == (
        "RW-2024-001",
        "requirement",
        "records/requirements/RW-2024-001.yaml",
    )
    assert data["fields"]["links"] == ["HY-2024-001"]
    back = json.loads(invoke("-C", examples, "show", "HY-2024-001", "--format", "json").out)
    assert back["linked_from"] == ["RW-2024-001"]  # links are listed both ways
    assert data["deadlines"] and all(d["due"][-6] in "+-" for d in data["deadlines"])


@pytest.mark.parametrize("bad", ["RW-2024-404", "../RW-2024-001", "records/x.yaml"])
def test_show_unknown_id(invoke, examples: Path, bad: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "show", bad)
    assert result.code == 2, result
    assert bad in one_error_line(result) and result.out == ""


# --- renumber -----------------------------------------------------------------------------


def test_renumber_after_two_clones_allocated_the_same_id(tmp_path: Path) -> None:
    """Clones A and B both add RW-2024-002; B renumbers its own before merging."""
    origin = tmp_path / "origin.git"
    seed = build_tree(
        tmp_path / "seed",
        {
            "collab.yaml": "departments: [市场部, 运营部]\npeople:\n"
            "  - {name: 张伟, department: 市场部}\n  - {name: 李娜, department: 运营部}\n",
            "records/requirements/RW-2024-001.yaml": (
                "kind: requirement\nid: RW-2024-001\ntitle: 旧需求\nstatus: draft\n"
            ),
        },
    )
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "commit", "-qm", "seed")
    git(tmp_path, "clone", "-q", "--bare", str(seed), str(origin))
    a, b = tmp_path / "a", tmp_path / "b"
    git(tmp_path, "clone", "-q", str(origin), str(a))
    git(tmp_path, "clone", "-q", str(origin), str(b))

    assert (
        run_collab(
            "-C", a, "new", "requirement", "--no-input", "--title", "A的需求", "--now", NOW
        ).out.strip()
        == "records/requirements/RW-2024-002.yaml"
    )
    git(a, "add", "-A")
    git(a, "commit", "-qm", "A")
    git(a, "push", "-q", "origin", "main")

    from collabkit.cli import run

    assert (
        run(["-C", str(b), "new", "requirement", "--no-input", "--title", "B的需求", "--now", NOW])
        == 0
    )
    meeting = textwrap.dedent("""\
        # 讨论 B 的需求
        kind: meeting
        id: HY-2024-001
        title: 评审   # 标题
        status: planned
        links: [RW-2024-002, RW-2024-001]   # 相关需求
        """)
    build_tree(b, {"records/meetings/HY-2024-001.yaml": meeting})
    git(b, "add", "-A")
    git(b, "commit", "-qm", "B")

    result = run_collab("-C", b, "renumber", "RW-2024-002")
    assert result.code == 0, result
    assert "RW-2024-002 → RW-2024-003" in result.out
    assert "records/meetings/HY-2024-001.yaml" in result.out
    moved = (b / "records/requirements/RW-2024-003.yaml").read_text(encoding="utf-8")
    assert "id: RW-2024-003\n" in moved and "title: B的需求  # 需求名称\n" in moved
    assert not (b / "records/requirements/RW-2024-002.yaml").exists()
    assert (b / "records/meetings/HY-2024-001.yaml").read_text(encoding="utf-8") == (
        meeting.replace("links: [RW-2024-002,", "links: [RW-2024-003,")
    )
    git(b, "add", "-A")
    git(b, "commit", "-qm", "renumber")
    git(b, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    titles = {
        p.stem: p.read_text(encoding="utf-8") for p in (b / "records/requirements").glob("*.yaml")
    }
    assert "A的需求" in titles["RW-2024-002"] and "B的需求" in titles["RW-2024-003"]
    lint = run_collab("-C", b, "lint")
    assert lint.code == 0, lint


def test_renumber_duplicate_needs_the_file(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    body = "kind: notice\nid: TZ-2024-001\ntitle: {t}\nstatus: draft\n"
    build_tree(
        ws,
        {
            "records/notices/TZ-2024-001.yaml": body.format(t="ours"),
            "records/notices/merged/TZ-2024-001.yaml": body.format(t="theirs"),
        },
    )
    assert invoke("-C", ws, "lint").code == 1
    ambiguous = invoke("-C", ws, "renumber", "TZ-2024-001")
    assert (ambiguous.code, one_error_line(ambiguous)) == (
        2,
        "collab: TZ-2024-001 出现在多个文件中(records/notices/TZ-2024-001.yaml, "
        "records/notices/merged/TZ-2024-001.yaml);请指定要改编号的文件",
    )
    result = invoke("-C", ws, "renumber", ws / "records/notices/merged/TZ-2024-001.yaml")
    assert result.code == 0, result
    assert (ws / "records/notices/merged/TZ-2024-002.yaml").read_text(encoding="utf-8") == (
        body.format(t="theirs").replace("TZ-2024-001", "TZ-2024-002")
    )
    assert invoke("-C", ws, "lint").code == 0


def test_renumber_unknown(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "renumber", "RW-2024-404")
    assert result.code == 2 and "RW-2024-404" in one_error_line(result)


# --- the handbook flow, from the command line alone ---------------------------------------


def test_handbook_flow_end_to_end(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    team = tmp_path / "team"

    def collab(*args: str | Path) -> str:
        result = invoke("-C", team, *args)
        assert result.code == 0, result
        return str(result.out)

    assert invoke("init", team).code == 0
    rw = collab(
        "new",
        "requirement",
        "--no-input",
        "--now",
        NOW,
        "--title",
        "Q4 拉新活动",
        "--requester",
        "市场部:张伟",
        "--receiver",
        "运营部:李娜",
        "--due",
        "2024-11-30",
    )
    rw_id = Path(rw.strip()).stem
    assert rw_id == "RW-2024-001"
    collab("set", rw_id, "background", "新客增长放缓")
    collab("set", rw_id, "goal", "30天新增用户1万")
    collab("set", rw_id, "description", "活动页\n优惠券")
    collab("set", rw_id, "priority", "high")

    hy = Path(
        collab(
            "new",
            "meeting",
            "--no-input",
            "--now",
            NOW,
            "--title",
            "拉新活动协调会",
            "--owner",
            "张伟",
            "--start",
            "2024-10-18 14:00",
            "--end",
            "2024-10-18 15:00",
        ).strip()
    ).stem
    collab("set", hy, "links", f"[{rw_id}]")
    collab(
        "set",
        hy,
        "actions",
        "[{id: A1, task: 出活动方案, owner: 李娜, due: 2024-10-25, deliverable: 方案}, "
        "{id: A2, task: 配置优惠券, owner: 李娜, due: 2024-10-28, deliverable: 券配置}]",
    )
    collab("set", hy, "actions.A2.due", "2024-10-29")
    collab("done", f"{hy}/A1", "--at", "2024-10-24T16:00+08:00")
    collab(
        "progress", f"{hy}/A2", "已配置一半", "--percent", "50", "--now", "2024-10-26T10:00+08:00"
    )

    meetings = json.loads(collab("list", "meeting", "--format", "json"))
    assert [(m["id"], m["title"], m["owner"]) for m in meetings] == [(hy, "拉新活动协调会", "张伟")]
    shown = json.loads(collab("show", hy, "--format", "json", "--now", "2024-10-26T12:00+08:00"))
    actions = {a["id"]: a for a in shown["fields"]["actions"]}
    assert actions["A1"]["status"] == "done"
    assert actions["A1"]["done_at"].startswith("2024-10-24T16:00")
    assert actions["A2"]["progress"][0]["percent"] == 50
    assert str(actions["A2"]["due"]).startswith("2024-10-29")
    rw_view = json.loads(collab("show", rw_id, "--format", "json", "--now", NOW))
    assert rw_view["linked_from"] == [hy]
    table = collab("list")
    assert rw_id in table and hy in table
    lint = invoke("-C", team, "lint")
    assert lint.code == 0, lint
