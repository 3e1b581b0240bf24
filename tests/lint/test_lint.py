"""`collab lint` (SPEC §8): every bad input as one exact `path:line:col: severity code message`.

Each bad record is checked twice: end to end through the CLI (output line, exit code, no
traceback) and through the library (`collabkit.lint.lint` returns the same Finding).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from collabkit.findings import Finding
from collabkit.lint import lint
from collabkit.workspace import Workspace
from tests.helpers import MINIMAL_CONFIG, build_tree, run_collab

REQ = "records/requirements"


def billion_laughs(levels: int = 9) -> str:
    lines = ["kind: requirement", "id: RW-2024-001", 'lol0: &lol0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def draft(*lines: str, record_id: str = "RW-2024-001") -> str:
    """A draft requirement with extra lines after kind/id/title (line 4 onwards)."""
    return "\n".join([f"kind: requirement\nid: {record_id}\ntitle: 复购活动", *lines]) + "\n"


def meeting(*actions: str, status: str = "held") -> str:
    """A complete meeting; `actions` are the lines of its action list (from line 15)."""
    return (
        "kind: meeting\n"
        "id: HY-2024-001\n"
        "title: 协调会\n"
        "objective: 明确分工\n"
        "start: 2024-10-10 10:00\n"
        "end: 2024-10-10 11:00\n"
        "location: 301会议室\n"
        "host: 张伟\n"
        "recorder: 李娜\n"
        "attendees: [张伟, 李娜, 王芳]\n"
        "agenda_sent_at: 2024-10-05 10:00\n"
        "minutes_sent_at: 2024-10-10 15:00\n"
        f"status: {status}\n"
        "actions:\n" + "".join(f"{line}\n" for line in actions)
    )


# (name, {file: content}, the one error line lint must print in a zh workspace, in an en one)
BAD_INPUTS = [
    (
        "typo-key",
        {f"{REQ}/RW-2024-001.yaml": draft("prority: high", "status: draft")},
        f"{REQ}/RW-2024-001.yaml:4:1: error unknown-key 未知的键 'prority'(是不是 'priority'?)",
        f"{REQ}/RW-2024-001.yaml:4:1: error unknown-key "
        "unknown key 'prority' (did you mean 'priority'?)",
    ),
    (
        "impossible-date",
        {f"{REQ}/RW-2024-001.yaml": draft("due: 2024-02-30")},
        f"{REQ}/RW-2024-001.yaml:4:6: error invalid-date due: '2024-02-30' 不是真实存在的日期",
        f"{REQ}/RW-2024-001.yaml:4:6: error invalid-date due: '2024-02-30' is not a real date",
    ),
    (
        "impossible-datetime",
        {f"{REQ}/RW-2024-001.yaml": draft("sent_at: 2024-02-30 10:00")},
        f"{REQ}/RW-2024-001.yaml:4:10: error invalid-date sent_at: '2024-02-30 10:00' "
        "不是有效的日期时间:请用 ISO 8601 格式,如 2024-09-30 14:00",
        f"{REQ}/RW-2024-001.yaml:4:10: error invalid-date sent_at: '2024-02-30 10:00' "
        "is not a valid date/time: use ISO 8601 such as 2024-09-30 14:00",
    ),
    (
        "broken-yaml",
        {f"{REQ}/RW-2024-001.yaml": draft("  goal: 复购", "status: draft")},
        f"{REQ}/RW-2024-001.yaml:4:7: error yaml-syntax "
        "YAML 语法错误:mapping values are not allowed here",
        f"{REQ}/RW-2024-001.yaml:4:7: error yaml-syntax YAML: mapping values are not allowed here",
    ),
    (
        "unclosed-flow",
        {f"{REQ}/RW-2024-001.yaml": draft("description: [a, b", "status: draft")},
        f"{REQ}/RW-2024-001.yaml:5:7: error yaml-syntax "
        "YAML 语法错误:expected ',' or ']', but got ':'",
        f"{REQ}/RW-2024-001.yaml:5:7: error yaml-syntax YAML: expected ',' or ']', but got ':'",
    ),
    (
        "id-not-file-name",
        {f"{REQ}/RW-2024-002.yaml": draft(record_id="RW-2024-003")},
        f"{REQ}/RW-2024-002.yaml:2:5: error id-mismatch "
        "编号 RW-2024-003 与文件名 RW-2024-002.yaml 不一致",
        f"{REQ}/RW-2024-002.yaml:2:5: error id-mismatch "
        "id RW-2024-003 does not match the file name RW-2024-002.yaml",
    ),
    (
        "id-wrong-prefix",
        {f"{REQ}/HY-2024-001.yaml": draft(record_id="HY-2024-001")},
        f"{REQ}/HY-2024-001.yaml:2:5: error id-prefix 需求的编号以 RW- 开头,而不是 HY-",
        f"{REQ}/HY-2024-001.yaml:2:5: error id-prefix a requirement id starts with RW-, not HY-",
    ),
    (
        "unknown-person",
        {f"{REQ}/RW-2024-001.yaml": draft("requester:", "  department: 市场部", "  lead: 张玮")},
        f"{REQ}/RW-2024-001.yaml:6:9: error unknown-person "
        "未登记的人员 '张玮'(是不是 '张伟'?);请在 collab.yaml 的 people 中添加",
        f"{REQ}/RW-2024-001.yaml:6:9: error unknown-person "
        "unknown person '张玮' (did you mean '张伟'?); add them to people in collab.yaml",
    ),
    (
        "unknown-department",
        {f"{REQ}/RW-2024-001.yaml": draft("requester:", "  department: 市场", "  lead: 张伟")},
        f"{REQ}/RW-2024-001.yaml:5:15: error unknown-department "
        "未登记的部门 '市场'(是不是 '市场部'?)",
        f"{REQ}/RW-2024-001.yaml:5:15: error unknown-department "
        "unknown department '市场' (did you mean '市场部'?)",
    ),
    (
        "yaml-bomb",
        {f"{REQ}/RW-2024-001.yaml": billion_laughs()},
        f"{REQ}/RW-2024-001.yaml:4:1: error yaml-alias "
        "别名展开次数过多(YAML 炸弹?);别名的展开是有上限的",
        f"{REQ}/RW-2024-001.yaml:4:1: error yaml-alias "
        "too many alias expansions (a YAML bomb?); aliases are bounded",
    ),
    (
        "python-tag",
        {f"{REQ}/RW-2024-001.yaml": "kind: requirement\nid: RW-2024-001\n"
         "title: !!python/object/apply:os.system ['echo pwned']\n"},
        f"{REQ}/RW-2024-001.yaml:3:8: error yaml-tag 记录中不允许使用 YAML 标签:"
        "tag:yaml.org,2002:python/object/apply:os.system",
        f"{REQ}/RW-2024-001.yaml:3:8: error yaml-tag YAML tags are not allowed in records: "
        "tag:yaml.org,2002:python/object/apply:os.system",
    ),
    (
        "gbk-file",
        {f"{REQ}/RW-2024-001.yaml": draft("goal: 复购率提升").encode("gbk")},
        f"{REQ}/RW-2024-001.yaml:3:1: error encoding 文件不是 UTF-8 编码"
        "(看起来是 GBK,中文 Windows 编辑器常这样保存);请另存为 UTF-8",
        f"{REQ}/RW-2024-001.yaml:3:1: error encoding file is not UTF-8 "
        "(it looks like GBK, as Chinese Windows editors save it); save it as UTF-8",
    ),
    (
        "empty-file",
        {f"{REQ}/RW-2024-001.yaml": ""},
        f"{REQ}/RW-2024-001.yaml:1:1: error empty-file 空文件:记录至少需要 kind 和 id",
        f"{REQ}/RW-2024-001.yaml:1:1: error empty-file "
        "empty file: a record needs at least kind and id",
    ),
    (
        "comments-only",
        {f"{REQ}/RW-2024-001.yaml": "# 还没写\n"},
        f"{REQ}/RW-2024-001.yaml:1:1: error empty-file 空文件:记录至少需要 kind 和 id",
        f"{REQ}/RW-2024-001.yaml:1:1: error empty-file "
        "empty file: a record needs at least kind and id",
    ),
    (
        "list-not-mapping",
        {f"{REQ}/RW-2024-001.yaml": "- kind: requirement\n- id: RW-2024-001\n"},
        f"{REQ}/RW-2024-001.yaml:1:1: error not-a-mapping "
        "记录应是一个映射(「键: 值」的行),这里是一个列表",
        f"{REQ}/RW-2024-001.yaml:1:1: error not-a-mapping "
        "a record is one mapping (key: value lines), found a list",
    ),
    (
        "list-where-mapping-belongs",
        {f"{REQ}/RW-2024-001.yaml": draft("requester:", "  - 市场部", "  - 张伟")},
        f"{REQ}/RW-2024-001.yaml:5:3: error schema requester: 应为映射(键: 值),实际是列表",
        f"{REQ}/RW-2024-001.yaml:5:3: error schema requester: expected a mapping, got a list",
    ),
    (
        "missing-kind",
        {f"{REQ}/RW-2024-001.yaml": "id: RW-2024-001\ntitle: 复购活动\n"},
        f"{REQ}/RW-2024-001.yaml:1:1: error unknown-kind 记录缺少 'kind'"
        "(可选: requirement, meeting, issue, collaboration, customer-request, notice)",
        f"{REQ}/RW-2024-001.yaml:1:1: error unknown-kind record has no 'kind' "
        "(one of: requirement, meeting, issue, collaboration, customer-request, notice)",
    ),
    (
        "unknown-kind",
        {f"{REQ}/RW-2024-001.yaml": "kind: memo\nid: RW-2024-001\n"},
        f"{REQ}/RW-2024-001.yaml:1:7: error unknown-kind 未知的记录类型 'memo'"
        "(可选: requirement, meeting, issue, collaboration, customer-request, notice)",
        f"{REQ}/RW-2024-001.yaml:1:7: error unknown-kind unknown kind 'memo' "
        "(one of: requirement, meeting, issue, collaboration, customer-request, notice)",
    ),
    (
        "duplicate-key",
        {f"{REQ}/RW-2024-001.yaml": draft("status: draft", "title: 又一个")},
        f"{REQ}/RW-2024-001.yaml:5:1: error duplicate-key YAML 中有重复的键 \"title\"",
        f"{REQ}/RW-2024-001.yaml:5:1: error duplicate-key YAML: found duplicate key \"title\"",
    ),
    (
        "two-documents",
        {f"{REQ}/RW-2024-001.yaml": draft("---", "kind: requirement")},
        f"{REQ}/RW-2024-001.yaml:1:1: error yaml-syntax "
        "一个记录文件只能有一个 YAML 文档,这里有多个",
        f"{REQ}/RW-2024-001.yaml:1:1: error yaml-syntax "
        "a record file holds one YAML document, found several",
    ),
]


def english(ws: Path) -> Path:
    """Make `ws` an English workspace."""
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    return ws


def errors_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if ": error " in line]


def parse_line(line: str) -> Finding:
    where, rest = line.split(": ", 1)
    file, row, col = where.rsplit(":", 2)
    severity, code, message = rest.split(" ", 2)
    return Finding(file, int(row), int(col), severity, code, message)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(("files", "zh", "en"), [c[1:] for c in BAD_INPUTS],
                         ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_one_exact_error(invoke, ws, files, zh, en, language):  # type: ignore[no-untyped-def]
    build_tree(ws, files)
    if language == "en":
        english(ws)
    expected = en if language == "en" else zh
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert errors_of(result.out) == [expected], result
    assert "Traceback" not in result.out + result.err
    assert result.err == ""
    # the library answers the same
    found = [f for f in lint(Workspace.open(ws)) if f.severity == "error"]
    assert found == [parse_line(expected)]


@pytest.mark.parametrize("word", ["尽快", "ASAP", "待定", "tbd", "尽快完成"])
def test_vague_deadline_is_an_error(invoke, ws, word):  # type: ignore[no-untyped-def]
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": draft(f"due: {word}")})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert errors_of(result.out) == [
        f"{REQ}/RW-2024-001.yaml:4:6: error vague-deadline due: '{word}' 不是截止时间:"
        "请写明日期,如 2024-09-30(做什么、谁来做、何时做)"
    ], result


def test_vague_deadline_of_an_action_item_points_at_it(invoke, ws):  # type: ignore[no-untyped-def]
    text = meeting("  - id: A1", "    task: 写方案", "    owner: 张伟", "    due: 尽快",
                   "    deliverable: 方案")
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": text})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert errors_of(result.out) == [
        "records/meetings/HY-2024-001.yaml:18:10: error vague-deadline A1.due: '尽快' "
        "不是截止时间:请写明日期,如 2024-09-30(做什么、谁来做、何时做)"
    ], result


def test_bomb_and_tag_in_a_real_process(ws, tmp_path):  # type: ignore[no-untyped-def]
    marker = tmp_path / "PWNED"
    build_tree(ws, {
        f"{REQ}/RW-2024-001.yaml": billion_laughs(levels=12),
        f"{REQ}/RW-2024-002.yaml": "kind: requirement\nid: RW-2024-002\n"
        f"title: !!python/object/apply:os.system ['touch {marker}']\n",
    })
    started = time.perf_counter()
    result = run_collab("-C", ws, "lint", cwd=tmp_path)
    assert time.perf_counter() - started < 10
    assert result.code == 1, result
    assert [f.code for f in map(parse_line, errors_of(result.out))] == ["yaml-alias", "yaml-tag"]
    assert "Traceback" not in result.err
    assert not marker.exists()


def test_duplicate_id_in_two_folders(invoke, ws):  # type: ignore[no-untyped-def]
    text = draft("status: draft")
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": text, "records/old/RW-2024-001.yaml": text})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert errors_of(result.out) == [
        "records/old/RW-2024-001.yaml:2:5: error duplicate-id 编号 RW-2024-001 重复(另见 "
        f"{REQ}/RW-2024-001.yaml);请用 `collab renumber` 给其中一个换新编号",
        f"{REQ}/RW-2024-001.yaml:2:5: error duplicate-id 编号 RW-2024-001 重复(另见 "
        "records/old/RW-2024-001.yaml);请用 `collab renumber` 给其中一个换新编号",
    ], result
    # naming just one of the two files still finds the clash (checked against the workspace)
    one = invoke("-C", ws, "lint", ws / "records/old/RW-2024-001.yaml")
    assert one.code == 1, one
    assert [parse_line(x).file for x in errors_of(one.out)] == ["records/old/RW-2024-001.yaml"]


@pytest.mark.parametrize(
    "prefix", [b"\xef\xbb\xbf", b""], ids=["bom", "no-bom"],
)
@pytest.mark.parametrize("newline", [b"\r\n", b"\n"], ids=["crlf", "lf"])
def test_bom_and_crlf_are_fine(invoke, ws, prefix, newline):  # type: ignore[no-untyped-def]
    text = draft("prority: high", "status: draft").encode("utf-8").replace(b"\n", newline)
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": prefix + text})
    result = invoke("-C", ws, "lint")
    # positions are those of the text: the BOM and the CRs shift nothing
    assert errors_of(result.out) == [
        f"{REQ}/RW-2024-001.yaml:4:1: error unknown-key 未知的键 'prority'(是不是 'priority'?)"
    ], result
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": prefix + draft("status: draft").encode()
                    .replace(b"\n", newline)})
    clean = invoke("-C", ws, "lint")
    assert clean.code == 0, clean
    assert errors_of(clean.out) == []


def test_clean_workspace_prints_nothing(invoke, ws):  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "lint")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert invoke("-C", ws, "lint", "--format", "json").out.strip() == "[]"


# --- output formats ------------------------------------------------------------------------


def test_json_format_shape(invoke, ws):  # type: ignore[no-untyped-def]
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": draft("prority: high", "status: draft"),
                    f"{REQ}/RW-2024-002.yaml": draft("status: draft", record_id="RW-2024-002")})
    result = invoke("-C", ws, "lint", "--format", "json")
    assert result.code == 1, result
    data = json.loads(result.out)
    assert isinstance(data, list) and len(data) == 3  # the unknown key hides nothing else
    for item in data:
        assert list(item) == ["file", "line", "column", "severity", "code", "message"]
    assert data[0] == {
        "file": f"{REQ}/RW-2024-001.yaml", "line": 4, "column": 1, "severity": "error",
        "code": "unknown-key", "message": "未知的键 'prority'(是不是 'priority'?)",
    }
    assert [(d["file"], d["severity"], d["code"]) for d in data[1:]] == [
        (f"{REQ}/RW-2024-001.yaml", "info", "incomplete"),
        (f"{REQ}/RW-2024-002.yaml", "info", "incomplete"),
    ]
    assert (data[2]["line"], data[2]["column"]) == (4, 9)


def test_github_format_annotations(invoke, ws, monkeypatch):  # type: ignore[no-untyped-def]
    build_tree(ws, {
        f"{REQ}/RW-2024-001.yaml": draft("prority: high", "status: draft"),
        f"{REQ}/RW-2024-002.yaml": draft("requester:", "  lead: 张%伟", "status: draft",
                                         record_id="RW-2024-002"),
        "records/meetings/HY-2024-001.yaml": meeting("  - {id: A1, task: t, owner: 张伟, "
                                                     "due: 2024-10-18, deliverable: d}")
        .replace("end: 2024-10-10 11:00", "end: 2024-10-10 12:00"),
    })
    monkeypatch.chdir(ws)
    result = invoke("lint", "--format", "github")
    assert result.code == 1, result
    assert result.out.splitlines() == [
        "::warning file=records/meetings/HY-2024-001.yaml,line=6,col=6,title=meeting-too-long"
        "::会议时长 120 分钟,超过手册规定的 90 分钟",
        f"::error file={REQ}/RW-2024-001.yaml,line=4,col=1,title=unknown-key"
        "::未知的键 'prority'(是不是 'priority'?)",
        f"::notice file={REQ}/RW-2024-001.yaml,line=5,col=9,title=incomplete"
        "::草稿: 尚待填写: requester.department, requester.lead, receiver.department, "
        "receiver.lead, background, goal, description, priority, due, sent_at",
        f"::error file={REQ}/RW-2024-002.yaml,line=5,col=9,title=unknown-person"
        "::未登记的人员 '张%25伟'(是不是 '张伟'?);请在 collab.yaml 的 people 中添加",
        f"::notice file={REQ}/RW-2024-002.yaml,line=6,col=9,title=incomplete"
        "::草稿: 尚待填写: requester.department, receiver.department, receiver.lead, "
        "background, goal, description, priority, due, sent_at",
    ], result


def test_bad_format_is_a_usage_error(invoke, ws):  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "lint", "--format", "xml")
    assert result.code == 2, result
    assert "Traceback" not in result.err


# --- severities: warnings, --strict, completeness by status --------------------------------


def test_strict_turns_warnings_into_errors(invoke, ws):  # type: ignore[no-untyped-def]
    text = meeting("  - {id: A1, task: t, owner: 张伟, due: 2024-10-18, deliverable: d}")
    build_tree(ws, {"records/meetings/HY-2024-001.yaml":
                    text.replace("end: 2024-10-10 11:00", "end: 2024-10-10 12:00")})
    line = ("records/meetings/HY-2024-001.yaml:6:6: {} meeting-too-long "
            "会议时长 120 分钟,超过手册规定的 90 分钟")
    plain = invoke("-C", ws, "lint")
    assert (plain.code, plain.out.splitlines()) == (0, [line.format("warning")]), plain
    strict = invoke("-C", ws, "lint", "--strict")
    assert (strict.code, strict.out.splitlines()) == (1, [line.format("error")]), strict
    assert [f.severity for f in lint(Workspace.open(ws), strict=True)] == ["error"]


def test_late_agenda_is_a_warning(invoke, ws):  # type: ignore[no-untyped-def]
    text = meeting("  - {id: A1, task: t, owner: 张伟, due: 2024-10-18, deliverable: d}")
    build_tree(ws, {"records/meetings/HY-2024-001.yaml":
                    text.replace("agenda_sent_at: 2024-10-05", "agenda_sent_at: 2024-10-09")})
    result = invoke("-C", ws, "lint")
    assert result.code == 0, result
    assert result.out.splitlines() == [
        "records/meetings/HY-2024-001.yaml:5:8: warning breach meeting.agenda: 发送会议议程 "
        "应于 2024-10-07 10:00 完成,实际 2024-10-09 10:00 才完成(超时)"
    ]
    assert invoke("-C", ws, "lint", "--strict").code == 1


@pytest.mark.parametrize(
    ("lines", "lacking"),
    [
        (["  - id: A1", "    task: 写方案", "    due: 2024-10-18", "    deliverable: 方案"],
         "owner"),
        (["  - id: A1", "    task: 写方案", "    owner: 张伟", "    deliverable: 方案"], "due"),
        (["  - id: A1", "    task: 写方案", "    owner: 张伟", "    due: 2024-10-18"],
         "deliverable"),
        (["  - id: A1", "    owner: 张伟", "    due: 2024-10-18", "    deliverable: 方案"],
         "task"),
        (["  - id: A1"], "task, owner, due, deliverable"),
    ],
    ids=["no-owner", "no-due", "no-deliverable", "no-task", "nothing"],
)
@pytest.mark.parametrize("status", ["held", "planned"])
def test_action_item_needs_owner_deadline_deliverable(  # type: ignore[no-untyped-def]
    invoke, ws, lines, lacking, status
):
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": meeting(*lines, status=status)})
    result = invoke("-C", ws, "lint")
    # never a draft: an error even in a planned meeting
    assert result.code == 1, result
    assert errors_of(result.out) == [
        f"records/meetings/HY-2024-001.yaml:15:5: error action-incomplete 行动项 A1 缺少 "
        f"{lacking}(做什么、谁来做、何时做)"
    ], result


def test_second_action_item_is_located(invoke, ws):  # type: ignore[no-untyped-def]
    text = meeting("  - {id: A1, task: t, owner: 张伟, due: 2024-10-18, deliverable: d}",
                   "  - id: A2", "    task: 写方案")
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": text})
    result = invoke("-C", ws, "lint")
    assert errors_of(result.out) == [
        "records/meetings/HY-2024-001.yaml:16:5: error action-incomplete 行动项 A2 缺少 "
        "owner, due, deliverable(做什么、谁来做、何时做)"
    ], result


def test_notice_todo_needs_owner_and_due(invoke, ws):  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/notices/TZ-2024-001.yaml": (
        "kind: notice\nid: TZ-2024-001\ntitle: 推广方案\ngroup: 【市场部】新品推广方案20241010\n"
        "initiator: 张伟\nat: 2024-10-10 10:00\ntodos:\n  - id: T1\n    task: 提交素材\n"
    )})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert errors_of(result.out) == [
        "records/notices/TZ-2024-001.yaml:8:5: error action-incomplete 待办 T1 缺少 owner, due"
        "(做什么、谁来做、何时做)"
    ], result


REQUIREMENT_WITHOUT_RECEIVER = """\
kind: requirement
id: RW-2024-001
title: Q3 老用户复购活动
requester: {department: 市场部, lead: 张伟}
background: Q3用户复购率同比下降5%
goal: 30天内老用户复购率提升至12%
description: 复购活动页
priority: high
due: 2024-09-30
"""


def test_draft_requirement_without_receiver_is_info(invoke, ws):  # type: ignore[no-untyped-def]
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": REQUIREMENT_WITHOUT_RECEIVER + "status: draft\n"})
    result = invoke("-C", ws, "lint")
    assert result.code == 0, result
    assert result.out.splitlines() == [
        f"{REQ}/RW-2024-001.yaml:10:9: info incomplete "
        "草稿: 尚待填写: receiver.department, receiver.lead, sent_at"
    ]
    assert invoke("-C", ws, "lint", "--strict").code == 0  # info is never an error


def test_sent_requirement_without_receiver_is_an_error(invoke, ws):  # type: ignore[no-untyped-def]
    text = REQUIREMENT_WITHOUT_RECEIVER + "status: sent\nsent_at: 2024-09-02 10:00\n"
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": text})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert errors_of(result.out) == [
        f"{REQ}/RW-2024-001.yaml:1:1: error incomplete "
        "状态为「已发送」的需求需要填写 receiver.department",
        f"{REQ}/RW-2024-001.yaml:1:1: error incomplete "
        "状态为「已发送」的需求需要填写 receiver.lead",
    ], result
    # completing it clears the errors
    receiver = "receiver: {department: 技术部, lead: 赵磊}\n"
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": text + receiver})
    assert invoke("-C", ws, "lint").code == 0


@pytest.mark.parametrize(("urgency", "priority"), [("高", "中"), ("中", "低"), ("high", "low")])
def test_chinese_levels_accepted(invoke, ws, urgency, priority):  # type: ignore[no-untyped-def]
    build_tree(ws, {
        "records/issues/WT-2024-001.yaml": (
            "kind: issue\nid: WT-2024-001\ntitle: APP支付失败率上升\nreporter: 王芳\n"
            f"reported_at: 2024-10-10 10:00\nurgency: {urgency}\ndepartment: 技术部\n"
            "owner: 赵磊\nstatus: open\n"
        ),
        f"{REQ}/RW-2024-001.yaml": draft(f"priority: {priority}", "status: draft"),
    })
    result = invoke("-C", ws, "lint")
    assert result.code == 0, result
    assert errors_of(result.out) == []


def test_unknown_level_is_an_error(invoke, ws):  # type: ignore[no-untyped-def]
    build_tree(ws, {f"{REQ}/RW-2024-001.yaml": draft("priority: 紧急")})
    result = invoke("-C", ws, "lint")
    assert result.code == 1, result
    assert errors_of(result.out) == [
        f"{REQ}/RW-2024-001.yaml:4:11: error schema "
        "priority: '紧急' 不是可选值之一: 'high'、'medium' 或 'low'"
    ], result


# --- which files: explicit paths, discovery, -C ---------------------------------------------


@pytest.fixture
def two_bad(ws: Path) -> Path:
    return build_tree(ws, {
        f"{REQ}/RW-2024-001.yaml": draft("prority: high"),
        "records/meetings/HY-2024-001.yaml": meeting("  - id: A1"),
    })


def files_in(text: str) -> list[str]:
    return sorted({parse_line(line).file for line in errors_of(text)})


def test_lint_only_the_paths_given(invoke, two_bad):  # type: ignore[no-untyped-def]
    assert files_in(invoke("-C", two_bad, "lint").out) == [
        "records/meetings/HY-2024-001.yaml", f"{REQ}/RW-2024-001.yaml"]
    one = invoke("-C", two_bad, "lint", two_bad / REQ / "RW-2024-001.yaml")
    assert one.code == 1 and files_in(one.out) == [f"{REQ}/RW-2024-001.yaml"], one
    folder = invoke("-C", two_bad, "lint", two_bad / "records" / "meetings")
    assert folder.code == 1 and files_in(folder.out) == ["records/meetings/HY-2024-001.yaml"]
    paths = [two_bad / REQ / "RW-2024-001.yaml"]
    assert {f.file for f in lint(Workspace.open(two_bad), paths)} == {f"{REQ}/RW-2024-001.yaml"}


def test_paths_are_relative_to_c_dir(invoke, two_bad, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # not the workspace: `-C` says where relative paths start
    result = invoke("-C", two_bad, "lint", "records/meetings")
    assert result.code == 1, result
    assert files_in(result.out) == ["records/meetings/HY-2024-001.yaml"]


def test_paths_relative_to_a_subdirectory(invoke, two_bad, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(two_bad / REQ)
    result = invoke("lint", "RW-2024-001.yaml")
    assert result.code == 1, result
    assert files_in(result.out) == [f"{REQ}/RW-2024-001.yaml"]


def test_a_clean_path_passes_while_others_are_bad(invoke, two_bad):  # type: ignore[no-untyped-def]
    clean = draft("status: draft", record_id="RW-2024-002")
    build_tree(two_bad, {f"{REQ}/RW-2024-002.yaml": clean})
    result = invoke("-C", two_bad, "lint", two_bad / REQ / "RW-2024-002.yaml")
    assert result.code == 0, result


def test_missing_path_is_a_usage_error(invoke, ws):  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "lint", "records/nope.yaml")
    assert result.code == 2, result
    assert result.out == ""
    assert result.err == "collab: 没有这个文件或文件夹: records/nope.yaml\n"


def test_workspace_found_from_a_subdirectory(invoke, two_bad, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(two_bad / "records" / "meetings")
    result = invoke("lint")
    assert result.code == 1, result
    # paths in the output stay relative to the workspace root
    assert files_in(result.out) == ["records/meetings/HY-2024-001.yaml", f"{REQ}/RW-2024-001.yaml"]


def test_c_option_searches_upward_too(invoke, two_bad):  # type: ignore[no-untyped-def]
    result = invoke("-C", two_bad / REQ, "lint")
    assert result.code == 1, result
    assert len(files_in(result.out)) == 2


def test_no_workspace_is_one_clear_line(invoke, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    result = invoke("-C", empty, "lint")
    assert result.code == 2, result
    assert result.out == ""
    assert result.err == (f"collab: {empty.resolve()} 及其上级文件夹中都没有 collab.yaml"
                          "(可用 `collab init` 创建)\n")
    monkeypatch.chdir(empty)
    assert invoke("lint").err == result.err


def test_no_workspace_in_a_real_process(tmp_path):  # type: ignore[no-untyped-def]
    result = run_collab("lint", cwd=tmp_path)
    assert result.code == 2, result
    assert len(result.err.splitlines()) == 1 and "Traceback" not in result.err
    assert "collab.yaml" in result.err


def test_c_dir_that_does_not_exist(invoke, tmp_path):  # type: ignore[no-untyped-def]
    result = invoke("-C", tmp_path / "missing", "lint")
    assert result.code == 2, result
    assert len(result.err.splitlines()) == 1 and "Traceback" not in result.err


def test_config_error_stops_lint_with_its_line(invoke, ws):  # type: ignore[no-untyped-def]
    (ws / "collab.yaml").write_text("language: zh\ntimezone: Mars/Olympus\n", encoding="utf-8")
    result = invoke("-C", ws, "lint")
    assert result.code == 2, result
    assert result.err == ("collab: collab.yaml:2:1: timezone: 未知的时区 'Mars/Olympus'"
                          "(请用 IANA 时区名,如 Asia/Shanghai)\n")
    (ws / "collab.yaml").write_text("language: en\ntimezone: Mars/Olympus\n", encoding="utf-8")
    assert invoke("-C", ws, "lint").err == (
        "collab: collab.yaml:2:1: timezone: unknown timezone 'Mars/Olympus' "
        "(use an IANA name such as Asia/Shanghai)\n")


# --- the bundled examples ---------------------------------------------------------------------


def test_examples_lint_clean(invoke, examples):  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "lint")
    assert result.code == 0, result
    assert errors_of(result.out) == []
    findings = lint(Workspace.open(examples))
    assert not [f for f in findings if f.severity == "error"]


def test_output_order_is_stable(ws, monkeypatch):  # type: ignore[no-untyped-def]
    text = REQUIREMENT_WITHOUT_RECEIVER + "status: sent\nsent_at: 2024-09-02 10:00\n"
    build_tree(ws, {f"{REQ}/RW-2024-00{i}.yaml": text.replace("RW-2024-001", f"RW-2024-00{i}")
                    for i in range(1, 4)})
    outputs = set()
    for seed in ("1", "2", "3"):  # string hashing, and so set order, differs per seed
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        outputs.add(run_collab("-C", ws, "lint").out)
    assert len(outputs) == 1
    lines = outputs.pop().splitlines()
    assert len(lines) == 6 and lines == sorted(lines)
