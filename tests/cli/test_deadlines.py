"""`collab overdue`, `collab due` and `collab show` deadlines (SPEC §4, §5), end to end.

The expected lists for the example workspace were worked out by hand from the record files
and SPEC §5 (see examples/README.md for the arithmetic), using these calendar facts from the
State Council's notices (checked against the `holidays` data): 2024 Mid-Autumn Sep 15-17
off with Sat Sep 14 worked; 2024 National Day Oct 1-7 off with Sun Sep 29 and Sat Oct 12
worked. Working days close at 18:00; a date alone as a deadline is the end of that day.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest

from collabkit.cli.output import width
from tests.helpers import MINIMAL_CONFIG, NOW, build_tree, run_collab

# -- the example workspace at 2024-10-14 09:00 -----------------------------------------


def _item(record: str, kind: str, item: str | None, rule: str, what: str, owner: str,
          department: str, due: str, file: str, line: int) -> dict[str, Any]:
    return {"record": record, "kind": kind, "item": item, "rule": rule, "what": what,
            "owner": owner, "department": department, "due": due,
            "file": f"records/{file}", "line": line}


RW = "requirements/RW-2024-001.yaml"
HY2 = "meetings/HY-2024-002.yaml"
OVERDUE = [
    # confirmed Tue 09-03 16:00 + 10 wd: 09-04..06, 09-09..13, Sat 09-14, [09-15..17 off],
    # Wed 09-18 → 18:00; delivered_at unset. The line is that of the start event.
    _item("RW-2024-001", "requirement", None, "requirement.build", "开发完成", "李娜", "运营部",
          "2024-09-18T18:00:00+08:00", RW, 43),
    # due: 2024-09-30 = the end of that day; not delivered
    _item("RW-2024-001", "requirement", None, "requirement.due", "需求交付", "李娜", "运营部",
          "2024-09-30T23:59:59+08:00", RW, 19),
    # end Thu 10-10 15:30 + 24 h; minutes_sent_at unset
    _item("HY-2024-002", "meeting", None, "meeting.minutes", "发送会议纪要", "刘洋", "市场部",
          "2024-10-11T15:30:00+08:00", HY2, 7),
    # V1.2 sent Wed 10-09 14:00 + 2 wd (Thu 10-10, Fri 10-11); no feedback_at
    _item("KH-2024-001", "customer-request", "V1.2", "customer.proposal_feedback",
          "获取客户方案反馈", "郑凯", "销售部", "2024-10-11T18:00:00+08:00",
          "customer-requests/KH-2024-001.yaml", 23),
    # P2 raised Fri 10-11 10:00 + 24 h; not answered
    _item("RW-2024-001", "requirement", "P2", "requirement.pending",
          "短信触达名单范围(是否包含近90天已流失用户)", "张伟", "市场部",
          "2024-10-12T10:00:00+08:00", RW, 39),
    # due: 2024-10-12 (the adjusted Saturday), still open
    _item("HY-2024-002", "meeting", "A1", "action.due", "完成新品销售话术初稿", "王芳", "销售部",
          "2024-10-12T23:59:59+08:00", HY2, 61),
    # resolved Sat 10-12 17:30 + 24 h; retrospective_at unset
    _item("WT-2024-001", "issue", None, "issue.retrospective", "召开复盘会", "赵磊", "技术部",
          "2024-10-13T17:30:00+08:00", "issues/WT-2024-001.yaml", 21),
]
DUE_7D = [
    _item("TZ-2024-001", "notice", "T2", "notice.todo", "提交渠道推广排期", "郑凯", "销售部",
          "2024-10-16T23:59:59+08:00", "notices/TZ-2024-001.yaml", 25),
    # Friday 17:00 of ISO week 42 (10-14..10-20); no progress entry yet this week
    _item("XZ-2024-002", "collaboration", "2024-W42", "collaboration.weekly_sync",
          "同步本周进展", "孙浩", "技术部", "2024-10-18T17:00:00+08:00",
          "collaborations/XZ-2024-002.yaml", 23),
    _item("HY-2024-002", "meeting", "A2", "action.due", "输出线上线下宣传资源排期表", "刘洋",
          "市场部", "2024-10-18T23:59:59+08:00", HY2, 67),
]


def _json(result: Any) -> Any:
    assert result.code == 0, result
    return json.loads(result.out)


def test_examples_overdue_json(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "overdue", "--now", NOW, "--format", "json")
    assert _json(result) == OVERDUE
    assert result.err == ""


def test_examples_due_within_7d_json(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "due", "--within", "7d", "--now", NOW, "--format", "json")
    assert _json(result) == DUE_7D
    # 7d is the default
    assert _json(invoke("-C", examples, "due", "--now", NOW, "--format", "json")) == DUE_7D


@pytest.mark.parametrize(
    ("within", "refs"),
    [
        ("48h", []),  # until Wed 10-16 09:00: T2 is due at the end of 10-16
        ("3d", ["TZ-2024-001/T2"]),
        ("2wd", []),  # Tue, Wed → Wed 10-16 18:00
        ("3wd", ["TZ-2024-001/T2"]),  # → Thu 10-17 18:00
        # → 5 wd: Tue..Fri, Mon 10-21 18:00; planned_end is 10-25, A3 10-31
        ("5个工作日", ["TZ-2024-001/T2", "XZ-2024-002/2024-W42", "HY-2024-002/A2"]),
        ("12d", ["TZ-2024-001/T2", "XZ-2024-002/2024-W42", "HY-2024-002/A2",
                 "XZ-2024-002/2024-W43", "XZ-2024-002"]),
    ],
)
def test_due_horizon(invoke, examples: Path, within: str, refs: list[str]) -> None:  # type: ignore[no-untyped-def]
    items = _json(invoke("-C", examples, "due", "--within", within, "--now", NOW,
                         "--format", "json"))
    assert [f"{i['record']}/{i['item']}" if i["item"] else i["record"] for i in items] == refs


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--owner", "王芳"], [OVERDUE[5]]),
        (["--owner", "wangfang@example.com"], [OVERDUE[5]]),
        (["--owner", "李娜"], OVERDUE[:2]),
        (["--department", "运营部"], OVERDUE[:2]),
        (["--department", "技术部"], [OVERDUE[6]]),
        (["--department", "市场部"], [OVERDUE[2], OVERDUE[4]]),
        (["--owner", "张伟", "--department", "市场部"], [OVERDUE[4]]),
        (["--owner", "张伟", "--department", "运营部"], []),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) and v and isinstance(v[0], str) else "",
)
def test_overdue_filters(invoke, examples: Path, options: list[str], expected: list[Any]) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "overdue", "--now", NOW, "--format", "json", *options)
    assert _json(result) == expected


def test_due_filters(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    base = ("-C", examples, "due", "--now", NOW, "--format", "json")
    assert _json(invoke(*base, "--owner", "郑凯")) == [DUE_7D[0]]
    assert _json(invoke(*base, "--department", "技术部")) == [DUE_7D[1]]
    assert _json(invoke(*base, "--owner", "liuyang@example.com")) == [DUE_7D[2]]


def test_exit_code(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("-C", examples, "overdue", "--now", NOW).code == 0
    late = invoke("-C", examples, "overdue", "--now", NOW, "--exit-code", "--format", "json")
    assert late.code == 1
    assert json.loads(late.out) == OVERDUE
    # filtered down to nothing: exit 0
    none = invoke("-C", examples, "overdue", "--now", NOW, "--exit-code", "--owner", "陈晨")
    assert (none.code, none.out) == (0, "没有逾期事项\n")
    early = invoke("-C", examples, "overdue", "--now", "2024-08-01T09:00:00+08:00", "--exit-code")
    assert (early.code, early.out, early.err) == (0, "没有逾期事项\n", "")
    assert _json(invoke("-C", examples, "overdue", "--now", "2024-08-01", "--format", "json")) == []


def _columns(line: str) -> list[int]:
    """Display columns at which the cells of a plain-text row start."""
    starts, col, prev_space = [], 0, 2
    for ch in line:
        if ch != " " and prev_space >= 2:
            starts.append(col)
        prev_space = prev_space + 1 if ch == " " else 0
        col += width(ch)
    return starts


OVERDUE_TEXT = [
    ("记录", "名称", "规则", "事项", "负责人", "部门", "截止时间", "逾期"),
    # a working-day rule: working days passed since Wed 09-18 18:00 up to Mon 10-14 09:00
    # (see test_overdue_plain_text_when_piped)
    ("RW-2024-001", "Q3 老用户复购活动", "requirement.build", "开发完成", "李娜", "运营部",
     "2024-09-18 18:00 周三", "逾期 14 个工作日"),
    # an explicit date: clock time, 09-30 23:59:59 → 10-14 09:00 is 13 days and 9 hours
    ("RW-2024-001", "Q3 老用户复购活动", "requirement.due", "需求交付", "李娜", "运营部",
     "2024-09-30 23:59 周一", "逾期 13 天"),
    # a 24-hour rule: clock time, 2 days 17.5 hours
    ("HY-2024-002", "新品上市项目协调会", "meeting.minutes", "发送会议纪要", "刘洋", "市场部",
     "2024-10-11 15:30 周五", "逾期 2 天"),
    # 2 wd: since Fri 18:00 one working day passed, the adjusted Saturday 10-12; Monday's
    # work has not begun at 09:00
    ("KH-2024-001/V1.2", "A科技公司", "customer.proposal_feedback", "获取客户方案反馈", "郑凯",
     "销售部", "2024-10-11 18:00 周五", "逾期 1 个工作日"),
    ("RW-2024-001/P2", "Q3 老用户复购活动", "requirement.pending",
     "短信触达名单范围(是否包含近90天已流失用户)", "张伟", "市场部", "2024-10-12 10:00 周六(班)",
     "逾期 1 天"),
    ("HY-2024-002/A1", "新品上市项目协调会", "action.due", "完成新品销售话术初稿", "王芳",
     "销售部", "2024-10-12 23:59 周六(班)", "逾期 1 天"),
    # less than a day late (Sun 17:30 → Mon 09:00): in hours
    ("WT-2024-001", "APP支付失败率上升", "issue.retrospective", "召开复盘会", "赵磊", "技术部",
     "2024-10-13 17:30 周日", "逾期 15 小时"),
]


def _check_table(out: str, expected: list[tuple[str, ...]], count: str) -> None:
    *lines, last = out.rstrip("\n").split("\n")
    assert last == count
    assert [tuple(re.split(r" {2,}", line.strip())) for line in lines] == expected
    # aligned: every row's cells start at the header's columns (CJK counts double)
    assert all(_columns(line) == _columns(lines[0]) for line in lines), out
    assert "\x1b[" not in out


def test_overdue_plain_text_when_piped(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    # Lateness of a working-day rule in working days: requirement.build, due Wed 09-18
    # 18:00, counts the whole working days passed up to Mon 10-14 09:00: 09-19, 20, 23..27,
    # Sun 09-29, 09-30, [10-01..07 off], 10-08..11, Sat 10-12 = 14 (nothing of 10-14 yet).
    result = invoke("-C", examples, "overdue", "--now", NOW)
    assert result.code == 0, result
    _check_table(result.out, OVERDUE_TEXT, "7 项逾期")
    assert invoke("-C", examples, "overdue", "--now", NOW, "--format", "table").out == result.out


def test_due_plain_text(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "due", "--within", "7d", "--now", NOW)
    assert result.code == 0, result
    _check_table(result.out, [
        ("记录", "名称", "规则", "事项", "负责人", "部门", "截止时间", "剩余"),
        ("TZ-2024-001/T2", "新品推广方案讨论", "notice.todo", "提交渠道推广排期", "郑凯",
         "销售部", "2024-10-16 23:59 周三", "2 天后"),
        ("XZ-2024-002/2024-W42", "功能优化支持", "collaboration.weekly_sync", "同步本周进展",
         "孙浩", "技术部", "2024-10-18 17:00 周五", "4 天后"),
        ("HY-2024-002/A2", "新品上市项目协调会", "action.due", "输出线上线下宣传资源排期表",
         "刘洋", "市场部", "2024-10-18 23:59 周五", "4 天后"),
    ], "3 项即将到期")
    empty = invoke("-C", examples, "due", "--within", "1h", "--now", NOW)
    assert (empty.code, empty.out) == (0, "近期没有到期事项\n")


def test_overdue_in_a_real_process_piped(examples: Path) -> None:
    result = run_collab("overdue", "--now", NOW, "--exit-code", cwd=examples)
    assert result.code == 1, result
    _check_table(result.out, OVERDUE_TEXT, "7 项逾期")
    assert result.err == ""


def test_lateness_of_a_dated_deadline_in_clock_time(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    meeting = ("kind: meeting\nid: HY-2024-001\ntitle: 周会\nstatus: held\n"
               "actions:\n  - id: A1\n    task: 写周报\n    owner: 王芳\n"
               "    due: 2024-10-14 10:00\n    deliverable: 周报\n")
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": meeting})
    args = ("-C", ws, "overdue")

    def late(now: str) -> str:
        lines = invoke(*args, "--now", now).out.split("\n")
        return re.split(r" {2,}", lines[1])[-1]

    assert late("2024-10-14T13:30:00+08:00") == "逾期 3 小时"
    assert late("2024-10-14T10:20:00+08:00") == "逾期 20 分钟"  # as `due` says minutes too
    assert late("2024-10-14T10:00:30+08:00") == "刚逾期"
    # Mon 10:00 → Wed 09:00: 1 day 23 hours. A dated deadline is clock time, not working days
    assert late("2024-10-16T09:00:00+08:00") == "逾期 1 天"
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    out = invoke(*args, "--now", "2024-10-15T09:00:00+08:00").out.split("\n")
    assert re.split(r" {2,}", out[0]) == [
        "record", "title", "rule", "what", "owner", "department", "due", "late"]
    assert out[1].endswith("2024-10-14 10:00 Mon  23 hours late")
    assert out[2] == "1 overdue"
    assert late("2024-10-15T10:30:00+08:00") == "1 day late"
    assert late("2024-10-17T10:30:00+08:00") == "3 days late"
    assert invoke(*args, "--now", "2024-09-01T09:00:00+08:00").out == "nothing is overdue\n"


REQUIREMENT_SENT = """\
kind: requirement
id: RW-2024-001
title: 国庆活动
requester: {department: 市场部, lead: 张伟}
receiver: {department: 运营部, lead: 李娜}
background: 节前
goal: 拉新
description: 活动页
priority: high
due: 2024-12-31
status: sent
sent_at: SENT
"""


def test_time_left_and_late_of_a_working_day_rule_in_working_days(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    # Sent Mon 09-30 08:00; confirm within 1 wd: 10-01..07 is the National Day holiday, so
    # the deadline is the close of Tue 10-08. At Mon 09:00 two working days are left (the
    # rest of Monday, 9 h of work windows minus lunch = 8 h, and Tuesday), not "8 天后".
    record = REQUIREMENT_SENT.replace("SENT", "2024-09-30 08:00")
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": record})
    due = invoke("-C", ws, "due", "--now", "2024-09-30T09:00:00+08:00", "--within", "10d")
    row = re.split(r" {2,}", due.out.split("\n")[1])
    assert row[-2:] == ["2024-10-08 18:00 周二", "剩 2 个工作日"], due
    # at 17:00 on Monday: 1 h of Monday and Tuesday's 8 h: one working day
    due = invoke("-C", ws, "due", "--now", "2024-09-30T17:00:00+08:00", "--within", "10d")
    assert due.out.split("\n")[1].endswith("剩 1 个工作日")
    # Tuesday 15:00: three working hours left
    due = invoke("-C", ws, "due", "--now", "2024-10-08T15:00:00+08:00")
    assert due.out.split("\n")[1].endswith("剩 3 个工作小时")


def test_no_working_hour_passed_is_not_a_working_day_late(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    # Sent Fri 10-11 10:00 + 1 wd = the close of Sat 10-12, a 调休 working day. At Mon 10-14
    # 00:00 no working hour has passed since (Sunday is off): not "逾期 1 个工作日".
    record = REQUIREMENT_SENT.replace("SENT", "2024-10-11 10:00")
    build_tree(ws, {"records/requirements/RW-2024-001.yaml": record})
    overdue = invoke("-C", ws, "overdue", "--now", "2024-10-14T00:00:00+08:00")
    rows = [re.split(r" {2,}", line) for line in overdue.out.split("\n")[1:-2]]
    assert [r[-2:] for r in rows if r[2] == "requirement.confirm"] == [
        ["2024-10-12 18:00 周六(班)", "逾期不到 1 个工作小时"]]
    # Monday 10:30: 1.5 working hours; Tuesday 09:00: Monday's 8 working hours
    overdue = invoke("-C", ws, "overdue", "--now", "2024-10-14T10:30:00+08:00")
    assert "逾期 1 个工作小时" in overdue.out
    overdue = invoke("-C", ws, "overdue", "--now", "2024-10-15T09:00:00+08:00")
    assert "逾期 1 个工作日" in overdue.out


def test_a_clock_rule_deadline_on_a_saturday_is_late_in_days(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    # Minutes within 24 h of a meeting that ended Fri 10-11 18:30: due Sat 10-12 18:30. At
    # Mon 00:00 that is 29.5 hours: one day late (a clock rule), not one working day.
    meeting = ("kind: meeting\nid: HY-2024-001\ntitle: 周会\nstatus: held\n"
               "start: 2024-10-11 17:30\nend: 2024-10-11 18:30\nhost: 张伟\n")
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": meeting})
    overdue = invoke("-C", ws, "overdue", "--now", "2024-10-14T00:00:00+08:00")
    [row] = [re.split(r" {2,}", line) for line in overdue.out.split("\n")[1:-2]
             if "meeting.minutes" in line]
    assert row[-2:] == ["2024-10-12 18:30 周六(班)", "逾期 1 天"]


def test_json_stdout_stays_json_when_a_record_is_broken(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    (examples / "records" / "issues" / "WT-2024-002.yaml").write_text(
        "kind: issue\nid: [\n", encoding="utf-8")
    result = invoke("-C", examples, "overdue", "--now", NOW, "--format", "json")
    assert json.loads(result.out) == OVERDUE
    assert result.err == (
        "collab: 1 个记录文件无法读取,已跳过;请运行 `collab lint`\n"
        "  records/issues/WT-2024-002.yaml:3: YAML 语法错误:expected the node content, but found "
        "'<stream end>'\n")


@pytest.mark.parametrize("cache", ["warm", "cold", "off"])
def test_many_unreadable_files_are_named_ten_then_counted(  # type: ignore[no-untyped-def]
    invoke, examples: Path, cache: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(1, 13):
        (examples / "records" / "issues" / f"WT-2024-9{n:02d}.yaml").write_text(
            "kind: issue\nid: [\n", encoding="utf-8")
    if cache == "off":
        monkeypatch.setenv("COLLAB_CACHE", "off")  # the full command, not the fast path
    if cache == "warm":
        invoke("-C", examples, "overdue", "--now", NOW, "--format", "json")  # writes the cache
    result = invoke("-C", examples, "overdue", "--now", NOW, "--format", "json")
    assert json.loads(result.out) == OVERDUE
    lines = result.err.splitlines()
    assert lines[0] == "collab: 12 个记录文件无法读取,已跳过;请运行 `collab lint`"
    assert [line.split(":")[0] for line in lines[1:11]] == [
        f"  records/issues/WT-2024-9{n:02d}.yaml" for n in range(1, 11)]
    assert lines[11:] == ["  ……另有 2 个,`collab lint` 会全部列出"]


@pytest.mark.parametrize(
    ("args", "err"),
    [
        (["due", "--within", "2 fortnights"],
         "collab: --within: '2 fortnights' 不是时长;请写成 30m、2h、3d、1w、1wd、4wh 这样的形式"
         "(m 是分钟)\n"),
        (["due", "--within", "1 month"],
         "collab: --within: '1 month' 不是时长;请写成 30m、2h、3d、1w、1wd、4wh 这样的形式"
         "(m 是分钟)\n"),
        (["overdue", "--now", "yesterday"],
         "collab: --now: 'yesterday' 不是日期或时间(请写成 2024-10-14T09:00+08:00 这样的形式)\n"),
        (["show", "HY-2024-009"], "collab: 工作区中没有记录 HY-2024-009\n"),
        # exit 70 before: an overflow deep in the calendar
        (["overdue", "--now", "9999-12-31T23:00"],
         "collab: --now: 9999-12-31T23:00 超出范围:请给出 1970 年到 2199 年之间的时间\n"),
        (["due", "--now", "0001-01-01"],
         "collab: --now: 0001-01-01 超出范围:请给出 1970 年到 2199 年之间的时间\n"),
        (["due", "--within", "99999999d"],
         "collab: --within: 99999999d 太远了:最多往后看 10 年(3660d, 2600wd)\n"),
        (["due", "--within", "100000wd"],
         "collab: --within: 100000wd 太远了:最多往后看 10 年(3660d, 2600wd)\n"),
        (["due", "--now", "2199-12-30", "--within", "7d"],
         "collab: --within: 7d 太远了:最多往后看 10 年(2199-12-31)\n"),
    ],
    ids=["within", "month", "now", "show", "now-9999", "now-0001", "within-days",
         "within-working-days", "within-past-2199"],
)
def test_usage_errors(invoke, examples: Path, args: list[str], err: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, *args)
    assert (result.code, result.out, result.err) == (2, "", err)


def test_bad_format_is_a_usage_error(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "overdue", "--format", "xml")
    assert result.code == 2
    assert "Traceback" not in result.err


# -- show -----------------------------------------------------------------------------------


def test_show_lists_deadlines_with_their_state(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-C", examples, "show", "HY-2024-002", "--now", NOW)
    assert result.code == 0, result
    table = result.out.rstrip("\n").split("\n")[-6:]
    assert [tuple(re.split(r" {2,}", line.strip())) for line in table] == [
        ("规则", "事项", "负责人", "截止时间", "状态"),
        # start 10-10 14:00 − 72 h; sent 10-07 10:00
        # Mon 10-07 is the last day of the National Day holiday: marked 休
        ("meeting.agenda", "发送会议议程", "张伟", "2024-10-07 14:00 周一(休)", "已完成"),
        ("meeting.minutes", "发送会议纪要", "刘洋", "2024-10-11 15:30 周五", "已逾期"),
        ("action.due A3", "向各部门书面确认上市时间与备货节点", "陈晨", "2024-10-11 23:59 周五",
         "已完成"),
        ("action.due A1", "完成新品销售话术初稿", "王芳", "2024-10-12 23:59 周六(班)", "已逾期"),
        ("action.due A2", "输出线上线下宣传资源排期表", "刘洋", "2024-10-18 23:59 周五",
         "未到期"),
    ]
    assert all(_columns(line) == _columns(table[0]) for line in table)


def test_show_json_tells_a_breach(invoke, examples: Path) -> None:  # type: ignore[no-untyped-def]
    view = _json(invoke("-C", examples, "show", "XZ-2024-001", "--now", NOW, "--format", "json"))
    states = [(d["rule"], d["due"], d["state"], d["met_at"]) for d in view["deadlines"]]
    assert states == [
        # requested Wed 08-28 10:00 + 1 wd = Thu 08-29 18:00; accepted the same day
        ("collaboration.confirm", "2024-08-29T18:00:00+08:00", "met",
         "2024-08-28T16:00:00+08:00"),
        # planned 09-10, finished 09-12: the handbook's 延期 2 天, met late
        ("collaboration.planned_end", "2024-09-10T23:59:59+08:00", "breach",
         "2024-09-12T00:00:00+08:00"),
        # accepted Fri 09-13 + 3 wd (Sat 09-14, Wed 09-18, Thu 09-19)
        ("collaboration.retrospective", "2024-09-19T18:00:00+08:00", "met",
         "2024-09-18T15:00:00+08:00"),
    ]
    text = invoke("-C", examples, "show", "XZ-2024-001", "--now", NOW).out
    assert re.search(
        r"collaboration\.planned_end +完成协作事项 +刘洋 +2024-09-10 23:59 周二 +超时完成", text)


def test_show_of_a_record_without_deadlines(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/issues/WT-2024-001.yaml": (
        "kind: issue\nid: WT-2024-001\ntitle: 小问题\nstatus: draft\n")})
    result = invoke("-C", ws, "show", "WT-2024-001", "--now", NOW)
    assert result.code == 0, result
    assert result.out.rstrip("\n").split("\n")[-1] == "没有截止时间"


# -- estimated calendar years ---------------------------------------------------------------


def _published(year: int) -> bool:
    """SPEC §5: a CN year is published when some weekend day in it is a working day."""
    cn = holidays.country_holidays("CN", years=year)
    days = (date(year, 1, 1) + timedelta(days=i) for i in range(366))
    return any(cn.is_working_day(d) for d in days if d.year == year and d.weekday() >= 5)


def _first_working_day_after(day: date) -> date:
    day += timedelta(days=1)
    while not holidays.country_holidays("CN", years=day.year).is_working_day(day):
        day += timedelta(days=1)
    return day


REQ_2026 = """\
kind: requirement
id: RW-2026-001
title: 年终盘点
requester: {department: 市场部, lead: 张伟}
receiver: {department: 运营部, lead: 李娜}
background: 年终
goal: 完成盘点
description: 盘点库存
priority: medium
due: 2027-03-31
status: sent
sent_at: 2026-12-31 10:00
"""
CUSTOMER_2040 = """\
kind: customer-request
id: KH-2040-001
customer: C公司
contact: 王经理
description: 年度维护
received_at: 2040-12-31 10:00
status: pending
owner: 王芳
"""
ESTIMATED_RECORDS = {
    "records/requirements/RW-2026-001.yaml": REQ_2026,
    "records/customer-requests/KH-2040-001.yaml": CUSTOMER_2040,
}
LATER = "2041-02-01T09:00:00+08:00"
PROBLEM_2041_ZH = (
    "2041 年的官方节假日与调休安排尚未收录,截止时间按估算日历计算;请升级 holidays,"
    "或在 collab.yaml 的 calendar.extra_holidays / extra_workdays 中录入该年安排并把 2041 "
    "加入 calendar.entered_years"
)


def test_estimated_years_in_overdue_json(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, ESTIMATED_RECORDS)
    items = _json(invoke("-C", ws, "overdue", "--now", LATER, "--format", "json"))
    by_rule = {i["rule"]: i for i in items}
    assert [(i["record"], i["rule"]) for i in items] == [
        ("RW-2026-001", "requirement.confirm"),
        ("RW-2026-001", "requirement.due"),
        ("KH-2040-001", "customer.review"),
    ]
    # Mon 2040-12-31 + 2 wd: 2041-01-01 is New Year's Day → Wed 01-02, Thu 01-03. 2041 has
    # no published schedule (and will not for years): always estimated.
    assert by_rule["customer.review"] == {
        "record": "KH-2040-001", "kind": "customer-request", "item": None,
        "rule": "customer.review", "what": "反馈可行性评估", "owner": "王芳",
        "department": "销售部", "due": "2041-01-03T18:00:00+08:00",
        "file": "records/customer-requests/KH-2040-001.yaml", "line": 6,
        "estimated": True, "problem": PROBLEM_2041_ZH,
    }
    # Thu 2026-12-31 + 1 wd falls in January 2027: estimated exactly while `holidays` has
    # no 2027 schedule (no weekend working day in its 2027 data).
    confirm = by_rule["requirement.confirm"]
    expected_day = _first_working_day_after(date(2026, 12, 31))
    assert confirm["due"] == f"{expected_day.isoformat()}T18:00:00+08:00"
    if _published(2027):
        assert "estimated" not in confirm and "problem" not in confirm
    else:
        assert confirm["due"] == "2027-01-04T18:00:00+08:00"  # Fri 01-01 off, then weekend
        assert confirm["estimated"] is True
        assert "2027" in confirm["problem"] and "entered_years" in confirm["problem"]
    # due 2027-03-31 is an explicit date: it never needs the calendar
    assert by_rule["requirement.due"]["due"] == "2027-03-31T23:59:59+08:00"
    assert "estimated" not in by_rule["requirement.due"]


def test_estimated_mark_in_tables(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/customer-requests/KH-2040-001.yaml": CUSTOMER_2040})
    result = invoke("-C", ws, "due", "--now", "2041-01-02T09:00:00+08:00")
    assert result.code == 0, result
    row = re.split(r" {2,}", result.out.split("\n")[1])
    assert row[:8] == ["KH-2040-001", "C公司", "customer.review", "反馈可行性评估", "王芳",
                       "销售部", "2041-01-03 18:00 周四 ≈", "剩 2 个工作日"]  # Wed and Thu
    # piped: the explanation goes to stderr, so stdout stays the table
    assert result.err == (
        "≈ 按估算日历计算(该年官方调休安排未收录),见 --format json 的 problem\n")
    show = invoke("-C", ws, "show", "KH-2040-001", "--now", "2041-01-02T09:00:00+08:00")
    assert re.search(r"customer\.review +反馈可行性评估 +王芳 +2041-01-03 18:00 周四 ≈ +未到期",
                     show.out), show


def test_estimated_problem_in_english(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    build_tree(ws, {"records/customer-requests/KH-2040-001.yaml": CUSTOMER_2040})
    [item] = _json(invoke("-C", ws, "overdue", "--now", LATER, "--format", "json"))
    assert item["problem"] == (
        "no official holiday schedule for 2041 yet, so this deadline is estimated; upgrade "
        "holidays, or enter 2041's days in calendar.extra_holidays / extra_workdays and add "
        "2041 to calendar.entered_years in collab.yaml")


def test_entered_years_clear_the_flag(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    config = MINIMAL_CONFIG + (
        "calendar:\n  extra_holidays: [2041-01-02]\n  entered_years: [2027, 2041]\n")
    build_tree(ws, {"collab.yaml": config, **ESTIMATED_RECORDS})
    items = _json(invoke("-C", ws, "overdue", "--now", LATER, "--format", "json"))
    assert all("estimated" not in i and "problem" not in i for i in items)
    # the hand-entered holiday moves the deadline: Thu 01-03, Fri 01-04
    assert [i["due"] for i in items if i["record"] == "KH-2040-001"] == [
        "2041-01-04T18:00:00+08:00"]
    lint = invoke("-C", ws, "lint", "--strict", "--format", "json", "--now", LATER)
    assert (lint.code, json.loads(lint.out)) == (0, [])


def test_lint_warns_about_an_estimated_calendar(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/customer-requests/KH-2040-001.yaml": CUSTOMER_2040})
    message = ("customer.review: 截止时间 2041-01-03 18:00 是估算的: " + PROBLEM_2041_ZH)
    result = invoke("-C", ws, "lint", "--format", "json", "--now", LATER)
    assert result.code == 0, result
    [finding] = json.loads(result.out)
    assert {k: finding[k] for k in ("file", "line", "severity", "code", "message")} == {
        "file": "records/customer-requests/KH-2040-001.yaml", "line": 6,
        "severity": "warning", "code": "estimated-calendar", "message": message}
    strict = invoke("-C", ws, "lint", "--strict", "--now", LATER)
    assert strict.code == 1
    assert re.fullmatch(
        r"records/customer-requests/KH-2040-001\.yaml:6:\d+: error estimated-calendar "
        + re.escape(message) + "\n", strict.out), strict
    # once met, the estimate no longer matters
    (ws / "records/customer-requests/KH-2040-001.yaml").write_text(
        CUSTOMER_2040 + "reviewed_at: 2041-01-02 10:00\n", encoding="utf-8")
    assert invoke("-C", ws, "lint", "--strict", "--now", LATER).code == 0
    # in English
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    (ws / "records/customer-requests/KH-2040-001.yaml").write_text(CUSTOMER_2040,
                                                                     encoding="utf-8")
    [finding] = json.loads(invoke("-C", ws, "lint", "--format", "json", "--now", LATER).out)
    assert finding["message"] == (
        "customer.review: deadline 2041-01-03 18:00 is estimated: no official holiday "
        "schedule for 2041 yet, so this deadline is estimated; upgrade holidays, or enter "
        "2041's days in calendar.extra_holidays / extra_workdays and add 2041 to "
        "calendar.entered_years in collab.yaml")


# -- lint: breaches and the meeting limits of the timing rules --------------------------


def test_lint_reports_late_agenda_and_minutes_as_breaches(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    meeting = """\
kind: meeting
id: HY-2024-001
title: 协调会
objective: 明确分工
start: 2024-10-10 14:00
end: 2024-10-10 15:45
location: 301
host: 张伟
recorder: 李娜
attendees: [张伟, 李娜]
agenda_sent_at: 2024-10-08 09:00
topics:
  - title: 排期
    timebox: 30
minutes_sent_at: 2024-10-12 09:00
status: held
"""
    build_tree(ws, {"records/meetings/HY-2024-001.yaml": meeting})
    result = invoke("-C", ws, "lint", "--format", "json")
    assert result.code == 0, result
    found = [(f["line"], f["severity"], f["code"], f["message"]) for f in json.loads(result.out)]
    assert found == [
        (5, "warning", "breach", "meeting.agenda: 发送会议议程 应于 2024-10-07 14:00 完成,"
                                 "实际 2024-10-08 09:00 才完成(超时)"),
        (6, "warning", "breach", "meeting.minutes: 发送会议纪要 应于 2024-10-11 15:45 完成,"
                                 "实际 2024-10-12 09:00 才完成(超时)"),
        (6, "warning", "meeting-too-long", "会议时长 105 分钟,超过手册规定的 90 分钟"),
        (14, "warning", "topic-over-timebox",
         "议题「排期」时长 30 分钟,手册规定每个议题不超过 20 分钟"),
    ]
    # breaches are not overdue
    assert _json(invoke("-C", ws, "overdue", "--now", NOW, "--format", "json")) == []
    assert invoke("-C", ws, "lint", "--strict").code == 1


# -- how far ahead `due` looks ---------------------------------------------------------------


@pytest.mark.parametrize(("weeks", "days"), [("1w", "7d"), ("2周", "14d"), ("2 weeks", "14d"),
                                             ("1 个星期", "7d")])
def test_due_within_weeks(invoke, examples: Path, weeks: str, days: str) -> None:  # type: ignore[no-untyped-def]
    by_weeks = _json(invoke("-C", examples, "due", "--within", weeks, "--now", NOW,
                            "--format", "json"))
    assert by_weeks == _json(invoke("-C", examples, "due", "--within", days, "--now", NOW,
                                    "--format", "json"))
    assert by_weeks  # the examples have deadlines in both windows


def test_a_bare_m_is_minutes(invoke, ws: Path) -> None:  # type: ignore[no-untyped-def]
    build_tree(ws, {"records/issues/WT-2024-001.yaml": (
        "kind: issue\nid: WT-2024-001\ntitle: 支付失败\nreporter: 王芳\n"
        "reported_at: 2024-10-14 08:50\nurgency: high\ndepartment: 技术部\nowner: 赵磊\n"
        "status: open\n")})
    # team due 09:20, workaround 09:50 (reported 08:50 + 30 min / 1 h)
    items = _json(invoke("-C", ws, "due", "--within", "30m", "--now", NOW, "--format", "json"))
    assert [i["rule"] for i in items] == ["issue.team"]
    help_text = " ".join(invoke("-C", ws, "due", "--help").out.split())
    assert "单写 m 是分钟,不是月。" in help_text and "1w(或 2周)" in help_text
    (ws / "collab.yaml").write_text(MINIMAL_CONFIG.replace("language: zh", "language: en"),
                                    encoding="utf-8")
    help_text = " ".join(invoke("-C", ws, "due", "--help").out.split())
    assert "A bare m is minutes, never months." in help_text and "1w (or 2周)" in help_text
