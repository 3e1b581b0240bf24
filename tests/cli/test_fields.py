"""`collab fields KIND` (SPEC §4): a kind's fields with labels, types and the rules each
starts, is the deadline of, or meets, and the command that sets it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collabkit.models import KINDS
from collabkit.timing.rules import default_rules
from tests.helpers import MINIMAL_CONFIG, build_tree

NOTICE = [
    ("title", "名称", "文本", [], [], [], []),
    ("group", "群聊名称", "文本", [], [], [], []),
    ("initiator", "发起人", "人员(collab.yaml 的 people)", [], [], [], []),
    ("at", "发送时间", "时间(如 2024-10-10 14:00)", [], [], [], ["collab send"]),
    ("content", "内容", "文本", [], [], [], []),
    ("participants", "参与人", "人员(collab.yaml 的 people)列表", [], [], [], []),
    ("important", "【重要】", "true / false", [], [], [], []),
    ("urgent", "紧急", "true / false", [], [], [], []),
    ("todos", "待办", "条目列表", [], [], [], []),
    ("todos[].id", "编号", "文本", [], [], [], []),
    ("todos[].task", "待办事项", "文本", [], [], [], []),
    ("todos[].owner", "负责人", "人员(collab.yaml 的 people)", [], [], [], []),
    ("todos[].due", "截止时间", "截止时间(只写日期即当天结束)", [], ["notice.todo"], [], []),
    ("todos[].status", "状态", "open / done / cancelled", [], [], [], []),
    (
        "todos[].done_at",
        "完成时间",
        "时间(如 2024-10-10 14:00)",
        [],
        [],
        ["notice.todo"],
        ["collab done"],
    ),
    ("status", "状态", "draft / sent / closed", [], [], [], []),
    ("links", "相关记录", "编号列表", [], [], [], []),
]


def fields_json(invoke, ws: Path, kind: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "fields", kind, "--format", "json")
    assert result.code == 0, result
    rows: list[dict[str, object]] = json.loads(result.out)
    return rows


def test_fields_of_a_notice(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    keys = ("field", "label", "type", "starts", "deadline_of", "meets", "set_by")
    assert fields_json(invoke, ws, "notice") == [
        dict(zip(keys, row, strict=True)) for row in NOTICE
    ]


def test_the_table_says_each_rule_in_words(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", ws, "fields", "requirement")
    lines = {line.split()[0]: " ".join(line.split()) for line in result.out.splitlines()}
    assert lines["confirmed_at"] == (
        "confirmed_at 确认时间 时间(如 2024-10-10 14:00) 开始 requirement.plan; "
        "开始 requirement.build; 完成 requirement.confirm; collab confirm"
    )
    assert lines["pending[].raised_at"] == (
        "pending[].raised_at 提出时间 时间(如 2024-10-10 14:00) 开始 requirement.pending; "
        "collab add pending"
    )
    assert (
        lines["due"]
        == "due 期望上线/完成时间 截止时间(只写日期即当天结束) requirement.due 的截止时间"
    )


@pytest.mark.parametrize("rule", default_rules(), ids=lambda r: r.id)
def test_every_rule_shows_where_it_starts_and_what_meets_it(invoke, ws: Path, rule) -> None:  # type: ignore[no-untyped-def]
    rows = {row["field"]: row for row in fields_json(invoke, ws, rule.kind)}

    def shown(path: str) -> str:
        path = path.removeprefix("record.")
        if rule.each is not None and not path.startswith(rule.each):
            return f"{rule.each}[].{path}"
        head, _, rest = path.partition(".")
        return f"{head}[].{rest}" if rest and rows.get(head, {}).get("type") == "条目列表" else path

    assert rule.start or rule.deadline
    if rule.start:
        assert rule.id in rows[shown(rule.start)]["starts"], rows[shown(rule.start)]
    if rule.deadline:
        assert rule.id in rows[shown(rule.deadline)]["deadline_of"], rows[shown(rule.deadline)]
    for path in rule.met_by:
        assert rule.id in rows[shown(path)]["meets"], rows[shown(path)]
        assert rows[shown(path)]["set_by"], f"{rule.id}: no command sets {path}"


def test_a_teams_own_rule_is_listed_and_english_labels(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = MINIMAL_CONFIG.replace("language: zh", "language: en") + (
        "rules:\n  meeting.followup:\n    kind: meeting\n    from: end\n    within: 2wd\n"
        "    met_by: minutes_sent_at\n    label: follow up\n"
    )
    ws = build_tree(tmp_path / "w", {"collab.yaml": config, "records/.keep": ""})
    rows = {row["field"]: row for row in fields_json(invoke, ws, "meeting")}
    assert rows["minutes_sent_at"] == {
        "field": "minutes_sent_at",
        "label": "minutes sent at",
        "type": "date/time (e.g. 2024-10-10 14:00)",
        "starts": [],
        "deadline_of": [],
        "meets": ["meeting.minutes", "meeting.followup"],
        "set_by": ["collab send-minutes"],
    }
    assert rows["end"]["starts"] == ["meeting.minutes", "meeting.followup"]


def test_every_kind_lists_its_fields_and_an_unknown_kind_is_refused(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    for kind in KINDS:
        assert fields_json(invoke, ws, kind)[0]["field"] in ("title", "customer")
    result = invoke("-C", ws, "fields", "meetings")
    assert (result.code, result.err) == (
        2,
        "collab: 未知的记录类型 'meetings'(可选: requirement, meeting, issue, collaboration, "
        "customer-request, notice)\n",
    )
