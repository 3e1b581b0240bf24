"""`collab set` as a person types it (SPEC §4, §11): values that begin with `-`, number-like
text kept as text where the field is text, what changed said in words, and a warning in
lint's own words when the edit introduces a lint problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabkit.workspace import Workspace
from tests.helpers import NOW, build_tree, run_collab

REQUIREMENT = """\
kind: requirement
id: RW-2024-001
title: 复购活动   # 名称
requester: {department: 市场部, lead: 张伟}
receiver: {department: 运营部, lead: 李娜}
background: 复购率下降
goal: 提升复购
description: 活动页
priority: high
due: 2024-11-30
status: draft
"""
MEETING = """\
kind: meeting
id: HY-2024-001
title: 协调会
objective: 明确分工
start: 2024-10-18 14:00
end: 2024-10-18 15:00
location: 301
host: 张伟
recorder: 李娜
attendees: [张伟, 李娜]
status: held
"""
CUSTOMER = """\
kind: customer-request
id: KH-2024-001
customer: A公司
budget:
status: draft
"""


@pytest.fixture
def records(ws: Path) -> Path:
    return build_tree(
        ws,
        {
            "records/requirements/RW-2024-001.yaml": REQUIREMENT,
            "records/meetings/HY-2024-001.yaml": MEETING,
            "records/customer-requests/KH-2024-001.yaml": CUSTOMER,
        },
    )


@pytest.mark.parametrize(
    ("record", "field", "value", "line"),
    [
        ("RW-2024-001", "goal", "-5% 流失", "goal: -5% 流失\n"),
        ("RW-2024-001", "goal", "--提升至12%", "goal: --提升至12%\n"),
        ("KH-2024-001", "budget", "0123", "budget: '0123'\n"),
        ("RW-2024-001", "title", "1_000", "title: '1_000'  # 名称\n"),
        ("RW-2024-001", "title", "1e3", "title: '1e3'  # 名称\n"),
        ("RW-2024-001", "title", "3.10", "title: '3.10'  # 名称\n"),
        ("RW-2024-001", "title", "17:00", "title: '17:00'  # 名称\n"),
        ("RW-2024-001", "title", "yes", "title: 'yes'  # 名称\n"),
        ("RW-2024-001", "title", "5万预算", "title: 5万预算   # 名称\n"),
        ("HY-2024-001", "location", "302", "location: 302\n"),
    ],
)
def test_text_fields_keep_what_was_typed(  # type: ignore[no-untyped-def]
    invoke, records: Path, record: str, field: str, value: str, line: str
) -> None:
    result = invoke("-C", records, "set", record, field, value, "--now", NOW)
    assert result.code == 0, result
    loaded = Workspace.open(records).get(record)
    assert getattr(loaded.record, field) == value
    assert line in loaded.file.text


def test_a_value_that_begins_with_a_dash_in_a_real_shell(records: Path) -> None:
    result = run_collab("set", "RW-2024-001", "goal", "-5% 流失", "--now", NOW, cwd=records)
    assert (result.code, result.out, result.err) == (
        0,
        "RW-2024-001: goal 提升复购 → -5% 流失\n",
        "",
    )


def test_numbers_and_dates_stay_typed_where_the_field_is_not_text(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(
        records, {"records/meetings/HY-2024-001.yaml": MEETING + "topics:\n  - title: 开场\n"}
    )
    assert invoke("-C", records, "set", "HY-2024-001", "topics.0.timebox", "15").code == 0
    assert invoke("-C", records, "set", "RW-2024-001", "due", "2024-12-01", "--now", NOW).out == (
        "RW-2024-001: due 2024-11-30 → 2024-12-01\n"
    )
    text = (records / "records/meetings/HY-2024-001.yaml").read_text(encoding="utf-8")
    assert text.endswith("  - title: 开场\n    timebox: 15\n")
    assert Workspace.open(records).get("HY-2024-001").record.topics[0].timebox == 15


def lint_lines(invoke, ws: Path, rel: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What `collab lint FILE` prints for one file (its errors and warnings), line by line."""
    result = invoke("-C", ws, "lint", rel)
    return [line for line in result.out.splitlines() if " info " not in line]


WARNING = "collab: 警告: 此次修改引入了 {n} 个 lint 问题:\n"


def test_an_edit_that_breaks_lint_says_so_in_lints_words(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    rel = "records/meetings/HY-2024-001.yaml"
    assert lint_lines(invoke, records, rel) == []
    result = invoke("-C", records, "set", "HY-2024-001", "end", "2024-10-18 13:00", "--now", NOW)
    lines = lint_lines(invoke, records, rel)
    assert [line.split(" ")[:3] for line in lines] == [[f"{rel}:6:6:", "error", "invalid-time"]]
    assert (result.code, result.out, result.err) == (
        0,
        "HY-2024-001: end 2024-10-18 15:00 → 2024-10-18 13:00\n"
        "  截止时间变更 meeting.minutes(发送会议纪要):2024-10-19 15:00 → 2024-10-19 13:00\n",
        WARNING.format(n=1) + f"  {lines[0]}\n",  # lint's own line, word for word
    )
    # the problem is there already: another edit does not repeat it
    again = invoke("-C", records, "set", "HY-2024-001", "location", "303", "--now", NOW)
    assert (again.code, again.out, again.err) == (0, "HY-2024-001: location 301 → 303\n", "")


def test_status_by_hand_warns_and_points_at_the_verb(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    rel = "records/requirements/RW-2024-001.yaml"
    result = invoke("-C", records, "set", "RW-2024-001", "status", "sent", "--now", NOW)
    lines = lint_lines(invoke, records, rel)
    assert [line.split(" ")[:3] for line in lines] == [[f"{rel}:11:1:", "error", "incomplete"]]
    assert "sent_at" in lines[0]
    assert (result.code, result.out, result.err) == (
        0,
        "RW-2024-001: status draft → sent\n"
        "  开始计时 requirement.due(需求交付):截止 2024-11-30 23:59\n",
        WARNING.format(n=1)
        + f"  {lines[0]}\n"
        + "提示: `collab send RW-2024-001` 会同时设置 status sent 和 sent_at\n",
    )


def test_a_problem_across_records_is_seen_too(invoke, records: Path) -> None:  # type: ignore[no-untyped-def]
    """The edit's lint sees the records a record links to: a link to a missing record, or to
    an item a record does not have, is an introduced problem."""
    rel = "records/meetings/HY-2024-001.yaml"
    result = invoke("-C", records, "set", "HY-2024-001", "links", "[RW-2024-001, RW-2024-001/P9]")
    lines = lint_lines(invoke, records, rel)
    assert [line.split(" ")[:3] for line in lines] == [[f"{rel}:12:22:", "error", "broken-link"]]
    assert (result.code, result.err) == (0, WARNING.format(n=1) + f"  {lines[0]}\n")
    fine = invoke("-C", records, "set", "HY-2024-001", "links", "[RW-2024-001]")
    assert (fine.code, fine.err) == (0, "")
    gone = invoke("-C", records, "set", "HY-2024-001", "links", "[RW-2024-404]")
    lines = lint_lines(invoke, records, rel)
    assert [line.split(" ")[:3] for line in lines] == [[f"{rel}:12:9:", "error", "broken-link"]]
    assert gone.err == WARNING.format(n=1) + f"  {lines[0]}\n"


def test_set_in_english(invoke, scenario) -> None:  # type: ignore[no-untyped-def]
    ws = scenario("english")
    result = invoke("-C", ws, "set", "RW-2024-001", "due", "2024-10-31", "--now", NOW)
    assert (result.code, result.out, result.err) == (
        0,
        "RW-2024-001: due 2024-09-30 → 2024-10-31\n"
        "  moves requirement.due (deliver the requirement): 2024-09-30 23:59 → 2024-10-31 23:59\n",
        "",
    )
    same = invoke("-C", ws, "set", "RW-2024-001", "due", "2024-10-31")
    assert (same.code, same.out) == (0, "RW-2024-001: nothing to change\n")
